/**
 * Entry of the server+CLI bundle (dist/server.js): started by an editor it is the language
 * server; `bin/foundations.js` calls `main` with the command line instead, and
 * `dist/start-server.js` calls `startServer` once it has loaded the bundle with a code cache.
 */
import { runCli } from './cli/cli';
import { startServer } from './lsp/server';

export function main(argv: string[]): Promise<number> {
  // A reader that went away (`foundations check | head -1`) closed the pipe: the rest of the report is
  // not wanted, and the exit code still says what the check found.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
  return runCli(argv, {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    interactive: !!process.stderr.isTTY,
    cwd: process.cwd(),
  });
}

export { startServer };

if (require.main === module) startServer();
