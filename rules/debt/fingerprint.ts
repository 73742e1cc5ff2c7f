import type { Finding } from '../model';

/**
 * What identifies a finding across edits, without its line: the import it is about (specifier),
 * or the symbol it is about, or — for rules that say neither — its message. Rule and file are
 * matched separately. A rule can choose its own by putting `fingerprint` in the finding's data.
 * Moving lines keeps the fingerprint; renaming the import or the symbol changes it (a different
 * finding, which must be accepted again).
 */
export function fingerprintOf(finding: Finding): string {
  const d = finding.data ?? {};
  if (typeof d.fingerprint === 'string') return d.fingerprint;
  if (typeof d.specifier === 'string') return `import ${d.specifier}`;
  for (const key of ['symbol', 'name', 'exportName', 'functionName', 'function', 'state']) {
    if (typeof d[key] === 'string') return `symbol ${d[key] as string}`;
  }
  if (typeof d.route === 'string') return `route ${d.route}`;
  if (typeof d.target === 'string') return `target ${d.target}`;
  if (finding.ruleId === 'unassigned-file') return 'file';
  return `message ${finding.message}`;
}
