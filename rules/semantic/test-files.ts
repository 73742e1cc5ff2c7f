/**
 * Test, mock and story files exercise the code; they are not where business logic or shared state
 * lives, and a test resetting another module's state is how tests are written.
 */
const TEST_FILE = /(^|\/)(__tests__|__mocks__|__fixtures__)\/|(^|\/)[^/]+\.(test|spec|stories|story|e2e)\.[cm]?[jt]sx?$/;

export function isTestFile(relativePath: string): boolean {
  return TEST_FILE.test(relativePath);
}
