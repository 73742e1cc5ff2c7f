import { type Fix, FixError } from './fix';

export const SUPPRESSION_MARKER = 'foundations-ignore';

/** `// foundations-ignore <rule>[, <rule>]: <reason>` — on the finding's line or the line above. */
const SUPPRESSION = /(?:\/\/|\/\*)\s*foundations-ignore\s+([\w/,\s-]+?)\s*:\s*(\S[^*\n]*)/;

/** Suppressions of a file: line → rule ids suppressed on it (a suppression without a reason does not count). */
export function findSuppressions(text: string): Map<number, Set<string>> {
  const result = new Map<number, Set<string>>();
  if (!text.includes(SUPPRESSION_MARKER)) return result;
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    const m = SUPPRESSION.exec(line);
    if (!m) return;
    const rules = m[1].split(/[\s,]+/).filter(Boolean);
    // A comment alone on its line covers the next line (and its own, which is where findings
    // about the whole file sit); one after code covers its own line.
    const alone = line.trim().startsWith('//') || line.trim().startsWith('/*');
    for (const covered of alone ? [i, i + 1] : [i]) {
      const set = result.get(covered) ?? new Set<string>();
      for (const r of rules) set.add(r);
      result.set(covered, set);
    }
  });
  return result;
}

export const suppressLine: Fix = {
  id: 'suppress-line',
  rules: '*',
  offer(finding) {
    return {
      fixId: this.id,
      title: `Suppress ${finding.ruleId} for this line…`,
      kind: 'quickfix',
      input: { kind: 'reason', prompt: `Why is this ${finding.ruleId} finding acceptable here? (the reason is written in the comment)` },
    };
  },
  edit(finding, ctx, args) {
    const reason = args.reason?.trim().replace(/\r?\n/g, ' ');
    if (!reason) throw new FixError('a suppression needs a reason');
    const text = ctx.readFile(finding.file);
    if (text === undefined) throw new FixError('the file cannot be read');
    const line = text.split(/\r?\n/)[finding.range.start.line] ?? '';
    const indent = /^\s*/.exec(line)![0];
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const at = { line: finding.range.start.line, character: 0 };
    return { edits: [{ file: finding.file, edits: [{ range: { start: at, end: at }, newText: `${indent}// ${SUPPRESSION_MARKER} ${finding.ruleId}: ${reason}${eol}` }] }], creates: [], deletes: [] };
  },
};
