/** The team's own dependency-cruiser rules (JavaScript: loaded only in trusted workspaces). */
module.exports = {
  forbidden: [
    {
      name: 'util-is-a-leaf',
      comment: 'util is the bottom of the stack; it must not depend on features',
      severity: 'warn',
      from: { path: '^src/util/' },
      to: { path: '^src/(web|api)/' },
    },
    {
      name: 'no-orphans',
      comment: 'a module nobody imports is dead code',
      severity: 'info',
      from: { orphan: true, pathNot: '(^|/)index\\.ts$' },
      to: {},
    },
  ],
  options: { doNotFollow: { path: 'node_modules' }, tsPreCompilationDeps: true },
};
