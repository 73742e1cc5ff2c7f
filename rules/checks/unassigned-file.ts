import type { FileRule } from './rule';

export const unassignedFile: FileRule = {
  id: 'unassigned-file',
  scope: 'file',
  foundation: 'clean-architecture',
  defaultSeverity: 'warning',
  description: 'A source file belongs to no domain.',
  rationale:
    'Boundaries only protect the code they cover. A new folder next to the domains that belongs to none is unguarded: its imports are never checked, and it tends to become the "utils" everyone depends on and that depends on everyone. Every source file under the source roots should have an owner.',
  help: 'Add the folder to an existing domain, declare a new domain for it in foundations.json, or list it under `exclude` if it is not application code (scripts, generated files).',
  check(ctx) {
    const m = ctx.membership;
    if (m.domain || !m.inSourceRoot || /\.d\.[mc]?ts$/.test(ctx.file)) return;
    ctx.report({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: `"${m.workspaceRelative}" belongs to no domain, so its imports are not checked; assign its folder to a domain in foundations.json.`,
      data: { folder: m.workspaceRelative.includes('/') ? m.workspaceRelative.slice(0, m.workspaceRelative.lastIndexOf('/')) : '.' },
    });
  },
};
