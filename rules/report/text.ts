import type { CheckResult } from './check-result';
import { summarize } from './check-result';
import { relativeTo } from '../host';

export interface TextOptions {
  color: boolean;
}

const STYLES = { red: 31, yellow: 33, blue: 34, dim: 2, bold: 1, underline: 4 } as const;

/** Human output in the shape developers know from ESLint's "stylish": file, then line:column rows. */
export function formatText(result: CheckResult, options: TextOptions): string {
  const paint = (style: keyof typeof STYLES, s: string) => (options.color ? `\u001b[${STYLES[style]}m${s}\u001b[0m` : s);
  const lines: string[] = [];
  const byFile = new Map<string, typeof result.findings>();
  for (const f of result.findings) {
    const list = byFile.get(f.file) ?? [];
    list.push(f);
    byFile.set(f.file, list);
  }
  for (const [file, findings] of byFile) {
    lines.push(paint('underline', relativeTo(result.root, file)));
    for (const f of findings) {
      const where = `${f.range.start.line + 1}:${f.range.start.character + 1}`.padEnd(8);
      const severity = f.severity === 'error' ? paint('red', 'error  ') : f.severity === 'warning' ? paint('yellow', 'warning') : paint('blue', 'info   ');
      lines.push(`  ${paint('dim', where)}${severity}  ${f.message}  ${paint('dim', f.ruleId)}`);
    }
    lines.push('');
  }
  if (result.projectChecks.length > 0) {
    lines.push(paint('bold', 'Project checks'));
    for (const c of result.projectChecks) {
      const mark = c.status === 'pass' ? paint('bold', '✔ pass') : c.status === 'fail' ? paint('yellow', '✖ fail') : paint('dim', '– n/a ');
      const where = c.evidence[0];
      const at = where ? paint('dim', `  ${where.file}${where.line !== undefined ? `:${where.line + 1}` : ''}`) : '';
      lines.push(`  ${mark}  ${c.title}: ${c.summary}${at}`);
    }
    lines.push('');
  }
  if (result.debt) {
    const d = result.debt;
    const parts = [`${d.accepted} accepted`, ...(d.expired > 0 ? [paint('red', `${d.expired} expired`)] : []), ...(d.stale.length > 0 ? [paint('yellow', `${d.stale.length} stale (run foundations debt prune)`)] : [])];
    lines.push(`debt: ${d.entries} entr${d.entries === 1 ? 'y' : 'ies'} in ${relativeTo(result.root, d.file)} — ${parts.join(', ')}`);
    for (const p of d.problems) lines.push(paint('yellow', `  ${relativeTo(result.root, d.file)}:${p}`));
  }
  for (const n of result.notices) lines.push(paint('yellow', `note: ${n}`));
  for (const s of result.skipped) lines.push(paint('dim', `skipped ${relativeTo(result.root, s.file)}: ${s.reason}`));
  const sum = summarize(result.findings);
  const total = sum.errors + sum.warnings + sum.infos;
  const counts = `${total} problem${total === 1 ? '' : 's'} (${sum.errors} error${sum.errors === 1 ? '' : 's'}, ${sum.warnings} warning${sum.warnings === 1 ? '' : 's'}, ${sum.infos} info)`;
  const tail = `${result.filesChecked} files checked in ${Math.round(result.timing.totalMs)} ms`;
  if (total === 0) lines.push(paint('bold', `✔ no problems — ${tail}`));
  else lines.push(paint('bold', (sum.errors > 0 ? paint('red', '✖ ') : '⚠ ') + `${counts} — ${tail}`));
  return lines.join('\n') + '\n';
}
