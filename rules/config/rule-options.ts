/**
 * The options each rule reads from `[severity, { options }]`, and what their values must be: a
 * misspelt option or a value of the wrong type would otherwise fall back to the default without a
 * word. The rules read them (minScoreOf, exemptPathsOf…); this is what foundations.json is held to.
 */
export type OptionKind = 'positive number' | 'boolean' | 'list of paths';

const INCLUDE_TESTS: Record<string, OptionKind> = { includeTests: 'boolean' };

export const RULE_OPTIONS: Record<string, Record<string, OptionKind>> = {
  'cross-domain-import': { ...INCLUDE_TESTS, ignoreTypeOnly: 'boolean' },
  'public-api-bypass': INCLUDE_TESTS,
  'domain-cycle': {},
  'unassigned-file': INCLUDE_TESTS,
  'layer-violation': INCLUDE_TESTS,
  'logic-in-ui': { ...INCLUDE_TESTS, minScore: 'positive number' },
  'logic-in-integration': { ...INCLUDE_TESTS, minScore: 'positive number' },
  'shared-mutable-state': INCLUDE_TESTS,
  'database-access-outside-data-layer': INCLUDE_TESTS,
  'third-party-outside-adapter': INCLUDE_TESTS,
  'console-in-core': INCLUDE_TESTS,
  'unversioned-api-route': { ...INCLUDE_TESTS, exemptPaths: 'list of paths' },
};

export function fitsOption(kind: OptionKind, value: unknown): boolean {
  switch (kind) {
    case 'positive number':
      return typeof value === 'number' && Number.isFinite(value) && value > 0;
    case 'boolean':
      return typeof value === 'boolean';
    case 'list of paths':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && v.startsWith('/'));
  }
}
