/**
 * The findings model: what every check produces and every adapter (LSP, CLI, SARIF…) consumes.
 * Positions are 0-based line / UTF-16 character, like LSP, so the server passes them through
 * untouched and the CLI adds 1 for humans.
 */

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** The four foundations of the playbook; every rule and project check belongs to one. */
export type FoundationId =
  | 'clean-architecture'
  | 'integration-boundaries'
  | 'production-devops'
  | 'quality-discipline';

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Absolute path, forward slashes. */
  file: string;
  range: Range;
  /** One sentence: what is wrong and why. */
  message: string;
  domains?: { from?: string; to?: string };
  layers?: { from?: string; to?: string };
  /** Rule-specific facts a fix or a hover needs (the import specifier, the target file…). */
  data?: Record<string, unknown>;
}

export const ZERO_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

/** Two finding lists are the same when they would render the same diagnostics. */
export function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (
      x.ruleId !== y.ruleId ||
      x.severity !== y.severity ||
      x.message !== y.message ||
      x.range.start.line !== y.range.start.line ||
      x.range.start.character !== y.range.start.character ||
      x.range.end.line !== y.range.end.line ||
      x.range.end.character !== y.range.end.character
    ) {
      return false;
    }
  }
  return true;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/**
 * What a fix changes: text edits against the files' current text (open buffers included), files to
 * create and files to delete. Adapters turn it into one LSP WorkspaceEdit (one undo step) or write
 * it to disk.
 */
export interface EditPlan {
  edits: { file: string; edits: TextEdit[] }[];
  creates: { file: string; text: string }[];
  /**
   * Files the edits leave empty (a move took everything): removed where the adapter can. Their
   * edits are in `edits` too, so an adapter that cannot delete files still leaves them empty.
   */
  deletes: { file: string }[];
}
