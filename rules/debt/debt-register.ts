import * as jsonc from 'jsonc-parser';
import { isCalendarDate, today } from '../../protocol/calendar-date';
import type { ConfigDiagnostic } from '../config/config';
import { jsonSyntaxDiagnostics } from '../config/json-syntax';
import { type Host, relativeTo } from '../host';
import type { Finding, Range } from '../model';
import { LineIndex } from '../text/line-index';
import { fingerprintOf } from './fingerprint';

/**
 * The technical-debt register (`foundations-debt.json`): findings the team accepted on purpose,
 * each with a reason, optionally an owner and an expiry date.
 *
 * ```jsonc
 * { "entries": [ { "rule": "public-api-bypass", "file": "src/billing/core/discounts.ts",
 *                  "fingerprint": "import ../../catalog/core/pricing",
 *                  "reason": "…", "owner": "@payments-team", "expires": "2026-09-30" } ] }
 * ```
 */
export interface DebtEntry {
  /** Position in `entries`. */
  index: number;
  rule: string;
  /** Workspace-relative, forward slashes. */
  file: string;
  fingerprint: string;
  reason: string;
  owner?: string;
  /** YYYY-MM-DD: the last day the acceptance holds. */
  expires?: string;
  /** Where the entry is in the register file. */
  range: Range;
}

export interface DebtRegister {
  /** Absolute path of the register (whether it exists or not). */
  file: string;
  exists: boolean;
  entries: DebtEntry[];
  /** Problems of the file itself (invalid JSON, an entry without a reason…), with ranges in it. */
  diagnostics: ConfigDiagnostic[];
}

/** What the debt did to a finding (in `finding.data.debt`). */
export interface DebtMark {
  status: 'accepted' | 'expired';
  entry: number;
  reason: string;
  owner?: string;
  expires?: string;
  /** The severity the rule gave before the debt applied. */
  originalSeverity: Finding['severity'];
}

const KNOWN_KEYS = new Set(['rule', 'file', 'fingerprint', 'reason', 'owner', 'expires']);

export { today };

export function loadDebtRegister(host: Host, root: string, relative: string): DebtRegister {
  const file = `${root}/${relative}`;
  const text = host.readFile(file);
  if (text === undefined) return { file, exists: false, entries: [], diagnostics: [] };
  return parseDebtRegister(file, text);
}

export function parseDebtRegister(file: string, text: string): DebtRegister {
  const lines = new LineIndex(text);
  const diagnostics: ConfigDiagnostic[] = [];
  const name = file.slice(file.lastIndexOf('/') + 1);
  const at = (node: jsonc.Node | undefined, path: (string | number)[]): { path: (string | number)[]; range: Range } => ({
    path,
    range: node ? lines.rangeOf(node.offset, node.offset + (node.type === 'object' || node.type === 'array' ? 1 : node.length)) : lines.rangeOf(0, 0),
  });
  const errors: jsonc.ParseError[] = [];
  const tree = jsonc.parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  diagnostics.push(...jsonSyntaxDiagnostics(name, errors, lines));
  if (!tree || errors.length > 0) {
    if (!tree && errors.length === 0 && text.trim() === '') return { file, exists: true, entries: [], diagnostics };
    return { file, exists: true, entries: [], diagnostics };
  }
  const entriesNode = tree.type === 'object' ? jsonc.findNodeAtLocation(tree, ['entries']) : undefined;
  if (tree.type !== 'object' || !entriesNode || entriesNode.type !== 'array') {
    diagnostics.push({ severity: 'error', message: `${name} must be an object with an "entries" array: { "entries": [ { "rule", "file", "fingerprint", "reason" } ] }.`, ...at(entriesNode ?? tree, ['entries']) });
    return { file, exists: true, entries: [], diagnostics };
  }
  const entries: DebtEntry[] = [];
  (entriesNode.children ?? []).forEach((node, index) => {
    const p = ['entries', index];
    if (node.type !== 'object') {
      diagnostics.push({ severity: 'error', message: 'Each debt entry must be an object with "rule", "file", "fingerprint" and "reason".', ...at(node, p) });
      return;
    }
    const value = jsonc.getNodeValue(node) as Record<string, unknown>;
    const missing = ['rule', 'file', 'fingerprint', 'reason'].filter((k) => typeof value[k] !== 'string' || (value[k] as string).trim() === '');
    for (const key of missing) {
      const present = jsonc.findNodeAtLocation(node, [key]);
      diagnostics.push({
        severity: 'error',
        message:
          key === 'reason'
            ? 'A debt entry needs a "reason": technical debt is a decision, and the reason is the decision written down.'
            : `A debt entry needs "${key}" (a non-empty string).`,
        ...at(present ?? node, [...p, key]),
      });
    }
    for (const prop of node.children ?? []) {
      const key = prop.children?.[0]?.value as string | undefined;
      if (key !== undefined && !KNOWN_KEYS.has(key)) diagnostics.push({ severity: 'warning', message: `Unknown key "${key}" in a debt entry (known: ${[...KNOWN_KEYS].join(', ')}).`, ...at(prop.children![0], [...p, key]) });
    }
    const expires = value.expires;
    if (expires !== undefined && (typeof expires !== 'string' || !isCalendarDate(expires))) {
      diagnostics.push({ severity: 'error', message: '"expires" must be a day that exists, as YYYY-MM-DD (the last day the debt is accepted).', ...at(jsonc.findNodeAtLocation(node, ['expires']), [...p, 'expires']) });
      return;
    }
    if (value.owner !== undefined && typeof value.owner !== 'string') {
      diagnostics.push({ severity: 'error', message: '"owner" must be a string, e.g. "@payments-team".', ...at(jsonc.findNodeAtLocation(node, ['owner']), [...p, 'owner']) });
    }
    if (missing.length > 0) return;
    entries.push({
      index,
      rule: value.rule as string,
      file: (value.file as string).replace(/\\/g, '/').replace(/^\.\//, ''),
      fingerprint: value.fingerprint as string,
      reason: value.reason as string,
      ...(typeof value.owner === 'string' ? { owner: value.owner } : {}),
      ...(typeof expires === 'string' ? { expires } : {}),
      range: lines.rangeOf(node.offset, node.offset + node.length),
    });
  });
  return { file, exists: true, entries, diagnostics };
}

/** Matches findings to debt entries by rule, file and fingerprint — never by line. */
export class DebtMatcher {
  private readonly byFile = new Map<string, DebtEntry[]>();

  constructor(
    readonly register: DebtRegister,
    private readonly root: string,
  ) {
    for (const e of register.entries) {
      const list = this.byFile.get(e.file) ?? [];
      list.push(e);
      this.byFile.set(e.file, list);
    }
  }

  get isEmpty(): boolean {
    return this.byFile.size === 0;
  }

  entryFor(finding: Finding): DebtEntry | undefined {
    const entries = this.byFile.get(this.relative(finding.file));
    if (!entries) return undefined;
    const fingerprint = fingerprintOf(finding);
    return entries.find((e) => e.rule === finding.ruleId && e.fingerprint === fingerprint);
  }

  /**
   * Findings with the debt applied: an accepted one becomes information and says so (and why);
   * an expired one becomes an error. Others pass through untouched (same objects).
   */
  apply(findings: Finding[], now: string): Finding[] {
    if (this.isEmpty || findings.length === 0) return findings;
    return findings.map((f) => {
      const entry = this.entryFor(f);
      if (!entry) return f;
      const expired = entry.expires !== undefined && entry.expires < now;
      const mark: DebtMark = {
        status: expired ? 'expired' : 'accepted',
        entry: entry.index,
        reason: entry.reason,
        ...(entry.owner ? { owner: entry.owner } : {}),
        ...(entry.expires ? { expires: entry.expires } : {}),
        originalSeverity: f.severity,
      };
      const who = entry.owner ? `; owner ${entry.owner}` : '';
      const message = expired
        ? `Accepted debt expired on ${entry.expires} (${entry.reason}${who}): ${f.message}`
        : `Accepted as debt (${entry.reason}${who}${entry.expires ? `; until ${entry.expires}` : ''}): ${f.message}`;
      return { ...f, severity: expired ? 'error' : 'info', message, data: { ...f.data, debt: mark } };
    });
  }

  /** Entries no finding matches any more (fixed, or moved to another file). */
  stale(findingsOf: (file: string) => readonly Finding[], isRuleOff: (rule: string) => boolean): DebtEntry[] {
    const stale: DebtEntry[] = [];
    for (const [relative, entries] of this.byFile) {
      const findings = findingsOf(`${this.root}/${relative}`);
      const present = new Set(findings.map((f) => `${f.ruleId}\u0000${fingerprintOf(f)}`));
      // A rule switched off hides its findings, but the debt is not paid: that entry is not stale.
      for (const e of entries) if (!isRuleOff(e.rule) && !present.has(`${e.rule}\u0000${e.fingerprint}`)) stale.push(e);
    }
    return stale.sort((a, b) => a.index - b.index);
  }

  private relative(file: string): string {
    return relativeTo(this.root, file);
  }
}

/** The register's own diagnostics plus one per stale or expired entry, for the register file. */
export function debtDiagnostics(register: DebtRegister, stale: readonly DebtEntry[], now: string): ConfigDiagnostic[] {
  const out = [...register.diagnostics];
  for (const e of stale) {
    out.push({
      severity: 'warning',
      message: `No ${e.rule} finding in ${e.file} matches this entry any more (fixed, or moved): remove it, or run "foundations debt prune".`,
      path: ['entries', e.index],
      range: e.range,
    });
  }
  const staleIndexes = new Set(stale.map((e) => e.index));
  for (const e of register.entries) {
    if (e.expires !== undefined && e.expires < now && !staleIndexes.has(e.index)) {
      out.push({
        severity: 'warning',
        message: `Expired on ${e.expires}: the ${e.rule} finding in ${e.file} is an error again. Fix it, or renew the entry with a new date and reason.`,
        path: ['entries', e.index, 'expires'],
        range: e.range,
      });
    }
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
