import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { normalizePath } from '../index';

/** A throwaway workspace written from a map of workspace-relative paths to contents. */
export function writeWorkspace(files: Record<string, string>): string {
  const root = normalizePath(fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'foundations-inline-'))));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(`${root}/${file}`), { recursive: true });
    fs.writeFileSync(`${root}/${file}`, text);
  }
  return root;
}
