/**
 * The custom messages between the Foundations extension and its language server — the only
 * thing client and server share besides LSP itself.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

export { expiryProblem } from './calendar-date';

/** Options the client passes in `initialize`. */
export interface FoundationsInitializationOptions {
  /** VS Code workspace trust: only a trusted workspace may have its JavaScript configuration loaded. */
  trusted: boolean;
  /** A folder of the editor's own (extension storage) where the server may keep its cache; never inside a workspace. */
  storagePath?: string;
}

/**
 * How the extension starts the server process (dist/start-server.js), besides the transport: the
 * test client and the benchmark start it the same way.
 */
export const SERVER_PROCESS = {
  /** Followed by a folder of the editor's storage: where V8's code cache of the bundle is kept. */
  codeCacheFlag: '--code-cache',
  /** Node's flags: `gc` lets the server drop the first scan's dead syntax trees at once (see releaseScanGarbage in server/lsp/server.ts). */
  execArgv: ['--expose-gc'],
  env: {
    // glibc keeps freed native memory (file buffers, serialised facts of a scan) once a large block
    // has been freed, raising its trim threshold on the fly; a fixed threshold returns it: ~20 MB
    // less resident memory after the first scan. Other C libraries ignore the variable.
    MALLOC_TRIM_THRESHOLD_: String(128 * 1024),
  },
} as const;

export type ServerState = 'starting' | 'scanning' | 'ready' | 'error';

export interface StatusParams {
  state: ServerState;
  errors: number;
  warnings: number;
  infos: number;
  /** Source files analysed across all workspace folders. */
  files: number;
  /** Folders whose foundations.json has errors (the last good configuration stays in force). */
  configErrors: number;
  /** Folders without a foundations.json (the client offers to create one). */
  foldersWithoutConfig: string[];
  /** Things switched off and why (e.g. untrusted workspace). */
  notices: string[];
}

export namespace FoundationsStatus {
  export const method = 'foundations/status';
  export const type = new NotificationType<StatusParams>(method);
}

export interface InferConfigParams {
  folderUri: string;
}

export interface InferConfigResult {
  text: string;
  domains: string[];
  /** What the user should know about the draft: shown as it is. */
  advice: string;
}

export namespace InferConfig {
  export const method = 'foundations/inferConfig';
  export const type = new RequestType<InferConfigParams, InferConfigResult, void>(method);
}

/** Identifies a finding across requests: its rule and where it starts (0-based). */
export interface FindingRef {
  uri: string;
  ruleId: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** What the client must ask the user before a fix's edit can be computed. */
export type FixInputRequest =
  | { kind: 'reason'; prompt: string }
  | { kind: 'reason-and-expiry'; prompt: string }
  | { kind: 'pick-file'; prompt: string; choices: string[] };

/** Arguments of the `foundations.applyFix` command that input-needing code actions carry. */
export interface ApplyFixArguments extends FindingRef {
  fixId: string;
  title: string;
  input: FixInputRequest;
}

export interface ComputeFixParams extends FindingRef {
  fixId: string;
  args: { reason?: string; expiry?: string; file?: string };
}

/** The fix's edit (an LSP WorkspaceEdit), or why it cannot be applied. */
export interface ComputeFixResult {
  edit?: import('vscode-languageserver-protocol').WorkspaceEdit;
  error?: string;
}

export namespace ComputeFix {
  export const method = 'foundations/computeFix';
  export const type = new RequestType<ComputeFixParams, ComputeFixResult, void>(method);
}

/** The client command that asks for a fix's input, then requests and applies its edit. */
export const APPLY_FIX_COMMAND = 'foundations.applyFix';

// ——— The Foundations view: trees, domains, debt, graph, and a change notification ———

export type FoundationId = 'clean-architecture' | 'integration-boundaries' | 'production-devops' | 'quality-discipline';
export type CheckStatus = 'pass' | 'fail' | 'not-applicable';
export type FindingSeverity = 'error' | 'warning' | 'info';
export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** What the Foundations tree shows: all findings, only errors (or errors and warnings), one file, one domain. */
export interface TreeFilter {
  severity?: 'error' | 'warning';
  /** Only findings in this file. */
  fileUri?: string;
  /** Only findings in this domain's files (what the Domains view counts); project checks are project-wide. */
  domain?: string;
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

/** A file a project check judged by. */
export interface EvidenceNode {
  uri: string;
  /** Workspace-relative, for labels. */
  path: string;
  line?: number;
  folder?: boolean;
  note: string;
}

export interface CheckNode {
  kind: 'rule' | 'project';
  /** Rule id (`public-api-bypass`, `depcruise/x`) or project check id (`ci-pipeline`). */
  id: string;
  title: string;
  status: CheckStatus;
  /** A rule's configured severity. */
  severity?: FindingSeverity | 'off';
  /** Findings of the rule that pass the filter (the tree asks for them with FoundationsFindings). */
  counts: Counts;
  /** A project check's verdict. */
  summary?: string;
  evidence?: EvidenceNode[];
  /** The rule's documentation page shipped with the extension (rules only). */
  helpUri?: string;
}

export interface FoundationNode {
  id: FoundationId;
  title: string;
  status: CheckStatus;
  counts: Counts;
  checks: CheckNode[];
}

export interface FolderTree {
  folderUri: string;
  name: string;
  /** False while the first scan runs, or when the folder is disabled. */
  ready: boolean;
  /** The folder has no foundations.json: nothing is checked, so nothing passes (the views offer to create one). */
  unconfigured?: boolean;
  foundations: FoundationNode[];
}

export interface FoundationsTreeParams {
  filter?: TreeFilter;
}

export interface FoundationsTreeResult {
  folders: FolderTree[];
  /** Unfiltered totals of every folder (the view's badge). */
  totals: Counts;
}

/** The foundations → checks of every workspace folder, with pass/fail and counts. */
export namespace FoundationsTree {
  export const method = 'foundations/tree';
  export const type = new RequestType<FoundationsTreeParams, FoundationsTreeResult, void>(method);
}

export interface DebtMarkNode {
  status: 'accepted' | 'expired';
  reason: string;
  owner?: string;
  expires?: string;
}

export interface FindingNode {
  uri: string;
  range: LspRange;
  ruleId: string;
  severity: FindingSeverity;
  message: string;
  domains?: { from?: string; to?: string };
  layers?: { from?: string; to?: string };
  debt?: DebtMarkNode;
}

export interface FoundationsFindingsParams {
  folderUri: string;
  ruleId: string;
  filter?: TreeFilter;
  /** At most this many (default 500); the rest are counted in `truncated`. */
  limit?: number;
}

export interface FoundationsFindingsResult {
  findings: FindingNode[];
  truncated: number;
}

/** The findings of one check, when its tree node is expanded. */
export namespace FoundationsFindings {
  export const method = 'foundations/findings';
  export const type = new RequestType<FoundationsFindingsParams, FoundationsFindingsResult, void>(method);
}

export interface DomainDependencyNode {
  domain: string;
  /** Listed in dependsOn. */
  declared: boolean;
  /** Imported by some file. */
  actual: boolean;
  /** Files of this domain that import it (workspace-relative). */
  files: string[];
  /** Part of a dependency cycle. */
  inCycle: boolean;
}

export interface DomainInfo {
  name: string;
  /** The domain's folder. */
  uri: string;
  path: string;
  owners: string[];
  /** `"*"` when every file is public. */
  publicApi: string[] | '*';
  publicApiFiles: { uri: string; path: string }[];
  dependencies: DomainDependencyNode[];
  files: number;
  counts: Counts;
  inCycle: boolean;
}

export interface FolderDomains {
  folderUri: string;
  name: string;
  ready: boolean;
  /** The folder has no foundations.json (see FolderTree). */
  unconfigured?: boolean;
  /** foundations.json, when it exists (to open it at a domain). */
  configUri?: string;
  domains: DomainInfo[];
}

export interface FoundationsDomainsResult {
  folders: FolderDomains[];
}

/** Each domain: declared vs actual dependencies, owners, public API files, finding counts. */
export namespace FoundationsDomains {
  export const method = 'foundations/domains';
  export const type = new RequestType<Record<string, never>, FoundationsDomainsResult, void>(method);
}

export interface DebtEntryNode {
  index: number;
  rule: string;
  /** Workspace-relative. */
  file: string;
  fileUri: string;
  fingerprint: string;
  reason: string;
  owner?: string;
  expires?: string;
  /** accepted: matches a finding; expired: matches one, past its date; stale: matches none. */
  status: 'accepted' | 'expired' | 'stale';
  /** The first matching finding's range (to open it). */
  findingRange?: LspRange;
  /** Where the entry is in the register. */
  range: LspRange;
}

export interface FolderDebt {
  folderUri: string;
  name: string;
  ready: boolean;
  /** The register (whether it exists or not). */
  debtUri: string;
  exists: boolean;
  entries: DebtEntryNode[];
  /** Problems of the register file (invalid JSON, entries without a reason). */
  problems: number;
}

export interface FoundationsDebtResult {
  folders: FolderDebt[];
}

/** The debt register of every folder, each entry with its status. */
export namespace FoundationsDebt {
  export const method = 'foundations/debt';
  export const type = new RequestType<Record<string, never>, FoundationsDebtResult, void>(method);
}

export interface PruneDebtParams {
  folderUri: string;
}

export interface PruneDebtResult {
  /** The edit that removes the stale entries (apply it, so it can be undone); absent when none is stale. */
  edit?: import('vscode-languageserver-protocol').WorkspaceEdit;
  removed: number;
}

/** The edit removing every stale entry of a folder's register (comments and formatting kept). */
export namespace PruneDebt {
  export const method = 'foundations/pruneDebt';
  export const type = new RequestType<PruneDebtParams, PruneDebtResult, void>(method);
}

export interface GraphNode {
  name: string;
  path: string;
  uri: string;
  owners: string[];
  files: number;
  counts: Counts;
  inCycle: boolean;
}

export interface GraphEdge {
  from: string;
  to: string;
  declared: boolean;
  actual: boolean;
  /** Actual but undeclared: drawn red. */
  violating: boolean;
  inCycle: boolean;
  files: number;
}

export interface DomainGraphParams {
  /** The folder to draw; the first folder with domains when absent. */
  folderUri?: string;
}

export interface DomainGraphResult {
  folderUri?: string;
  name?: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  cycles: string[][];
  /** Folders the client may switch to. */
  folders: { folderUri: string; name: string }[];
}

/** The domain dependency graph of one folder. */
export namespace DomainGraph {
  export const method = 'foundations/domainGraph';
  export const type = new RequestType<DomainGraphParams, DomainGraphResult, void>(method);
}

export interface ChangedParams {
  /** The folders whose findings, configuration, debt or project files changed. */
  folderUris: string[];
}

/** Sent (coalesced) when what the view shows may have changed: the client refreshes its trees and graph. */
export namespace FoundationsChanged {
  export const method = 'foundations/changed';
  export const type = new NotificationType<ChangedParams>(method);
}
