/**
 * The engine's public entry: the language server and the CLI import from here and nowhere else.
 */
export { Session, MAX_FILE_BYTES } from './session';
export type { Change, UpdateResult, ScanOptions, ScanProgress, CancellationToken, SkippedFile } from './session';
export { createNodeHost, normalizePath, toPosix } from './host';
export type { Host, DirectoryEntry } from './host';
export type { Finding, Severity, SeveritySetting, Range, Position, FoundationId } from './model';
export type { Config, ConfigDiagnostic, DomainSpec } from './config/config';
export { CONFIG_FILE_NAME } from './config/defaults';
export { inferConfig } from './config/infer-config';
export { loadConfig } from './config/load-config';
export type { InferredConfig } from './config/infer-config';
export { RULES } from './checks';
export type { RuleMeta } from './checks';
export { checkWorkspace, collectResult, TOOL_VERSION } from './check';
export type { CheckResult, Summary } from './report/check-result';
export { summarize } from './report/check-result';
export { formatText } from './report/text';
export { formatJson } from './report/json';
export { formatSarif } from './report/sarif';
export { renderRuleDoc, foundationTitle } from './report/rule-docs';
export { withReadmeRules } from './report/readme-rules';
export { exportDependencyCruiserConfig } from './depcruise/export-config';
export type { DependencyCruiserConfig } from './depcruise/export-config';
export type { EditPlan, TextEdit } from './model';
export type { FixOffer, FixArguments, FixInput, FixKind } from './fixes/fix';
export { FixError } from './fixes/fix';
export { applyEdits } from './fixes/apply-edits';
export { fixAll, describeChange } from './fixes/fix-all';
export type { FixAllResult } from './fixes/fix-all';
