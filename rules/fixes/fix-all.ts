import * as path from 'node:path';
import { applyEdits } from './apply-edits';
import { FixError } from './fix';
import type { Session } from '../session';

export interface FixAllEntry {
  file: string;
  line: number;
  title?: string;
  /** Why this finding was left alone. */
  skipped?: string;
}

export interface FixAllResult {
  fixed: FixAllEntry[];
  skipped: FixAllEntry[];
  /** Final text of every file the fixes touched or created (absolute path → text; undefined when deleted). */
  files: Map<string, { before: string | undefined; after: string | undefined }>;
}

/**
 * Applies the preferred fix of every finding of one rule, one at a time, re-checking between
 * them (a fix moves lines and may fix or break other findings). Everything happens in buffers
 * of the session; the caller decides whether to write them (`foundations fix` without --dry-run).
 */
export function fixAll(session: Session, ruleId: string, maxFixes = 500): FixAllResult {
  const result: FixAllResult = { fixed: [], skipped: [], files: new Map() };
  const tried = new Set<string>();
  for (let round = 0; round < maxFixes; round++) {
    const finding = session.findings().find((f) => f.ruleId === ruleId && !tried.has(`${f.file}|${f.message}`));
    if (!finding) break;
    tried.add(`${finding.file}|${finding.message}`);
    const where = { file: finding.file, line: finding.range.start.line + 1 };
    const offers = session.fixesFor(finding).filter((o) => !o.input && !o.disabledReason);
    const offer = offers.find((o) => o.isPreferred) ?? offers[0];
    if (!offer) {
      const disabled = session.fixesFor(finding).find((o) => o.disabledReason);
      result.skipped.push({ ...where, skipped: disabled?.disabledReason ?? 'no automatic fix' });
      continue;
    }
    try {
      const plan = session.computeFix(finding, offer.fixId);
      const changes = [
        ...plan.creates.map((c) => ({ file: c.file, text: c.text })),
        ...plan.edits.map((e) => ({ file: e.file, text: applyEdits(session.host.readFile(e.file) ?? '', e.edits) })),
      ];
      const deleted = new Set(plan.deletes.map((d) => d.file));
      for (const c of changes) {
        const known = result.files.get(c.file);
        const before = known ? known.before : session.host.fileExists(c.file) ? session.host.readFile(c.file) : undefined;
        result.files.set(c.file, { before, after: deleted.has(c.file) ? undefined : c.text });
      }
      const created = plan.creates.map((c) => c.file);
      // A deleted file stays in the session as the empty buffer its edit left: the disk still has it.
      session.update([
        ...changes.map((c) => ({ type: 'buffer' as const, file: c.file, text: c.text })),
        ...created.map((file) => ({ type: 'disk' as const, file, event: 'created' as const })),
      ]);
      result.fixed.push({ ...where, title: offer.title });
    } catch (err) {
      if (!(err instanceof FixError)) throw err;
      result.skipped.push({ ...where, skipped: err.message });
    }
  }
  return result;
}

/** A compact unified diff of one file's change (the changed block with context), for --dry-run. */
export function describeChange(root: string, file: string, before: string | undefined, after: string | undefined): string {
  const rel = path.posix.relative(root, file);
  const a = (before ?? '').split('\n');
  const b = after === undefined ? [] : after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length - 1;
  let endB = b.length - 1;
  while (endA >= start && endB >= start && a[endA] === b[endB]) {
    endA--;
    endB--;
  }
  const from = Math.max(0, start - 2);
  const lines = [`--- ${before === undefined ? '/dev/null' : `a/${rel}`}`, `+++ ${after === undefined ? '/dev/null' : `b/${rel}`}`, `@@ -${from + 1} +${from + 1} @@`];
  for (let i = from; i < start; i++) lines.push(` ${a[i]}`);
  for (let i = start; i <= endA; i++) lines.push(`-${a[i]}`);
  for (let i = start; i <= endB; i++) lines.push(`+${b[i]}`);
  for (let i = endA + 1; i < Math.min(a.length, endA + 3); i++) lines.push(` ${a[i]}`);
  return lines.join('\n');
}
