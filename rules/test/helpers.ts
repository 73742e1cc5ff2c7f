import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Finding, Session, createNodeHost, normalizePath } from '../index';

export const REPO_ROOT = normalizePath(path.resolve(__dirname, '..', '..', '..'));
export const FIXTURES = `${REPO_ROOT}/test-fixtures`;

/** A private copy of a fixture workspace, so a test may edit files freely. */
export function copyFixture(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `foundations-${name}-`));
  fs.cpSync(`${FIXTURES}/${name}`, dir, { recursive: true });
  return normalizePath(fs.realpathSync(dir));
}

export async function scanned(root: string, trusted = false): Promise<Session> {
  const session = Session.open(root, createNodeHost({ trusted }));
  await session.scan();
  return session;
}

/** `rule file:line:col` with workspace-relative paths and 1-based positions: easy to read in a diff. */
export function brief(session: Session, findings: Finding[] = session.findings()): string[] {
  return findings.map((f) => `${f.ruleId} ${f.file.slice(session.root.length + 1)}:${f.range.start.line + 1}:${f.range.start.character + 1}`);
}
export { writeWorkspace } from './inline-workspace';
