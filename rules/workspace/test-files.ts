/**
 * Tests, mocks, fixtures and stories by the usual conventions: `*.test.ts`, `*.spec.tsx`,
 * `*.stories.tsx`, `__tests__/`, `__mocks__/`, `test/`, `e2e/`… They exercise the product and are
 * no part of it: a test that builds fixtures from another domain's internals, or resets another
 * module's state, is how tests are written, not a dependency between domains.
 */
const TEST_FOLDER = /(^|\/)(__tests__|__mocks__|__fixtures__|test|tests|spec|e2e|cypress)\//;
const TEST_NAME = /\.(test|spec|stories|story|e2e|cy|pact)\.[cm]?[jt]sx?$/;

export function isConventionalTestFile(relativePath: string): boolean {
  return TEST_NAME.test(relativePath) || TEST_FOLDER.test(relativePath);
}
