/**
 * Entry of the extension-host end-to-end suite (`extensionTestsPath`): VS Code loads this file
 * inside the real extension host and calls `run()`; the promise it returns decides the exit code.
 * Used unchanged by scripts/e2e/run-extension-tests.mjs (code-server, here and in CI) and by
 * scripts/e2e/run-electron-tests.mjs (@vscode/test-electron, where VS Code can be downloaded).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export async function run(): Promise<void> {
  // mocha 12 is an ES module: import() works in every extension host, require() only on newer Node.
  const { default: Mocha } = await import('mocha');
  const report = process.env.FOUNDATIONS_E2E_REPORT;
  const log = (line: string): void => {
    console.log(line);
    if (report) fs.appendFileSync(report, line + '\n');
  };
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 90_000, reporter: 'spec' });
  const grep = process.env.FOUNDATIONS_E2E_GREP;
  if (grep) mocha.grep(grep);
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.e2e.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  await mocha.loadFilesAsync();
  let passed = 0;
  let failed = 0;
  let pending = 0;
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failures) => {
      log(`${passed} passed, ${failed} failed, ${pending} skipped (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      if (failures > 0) reject(new Error(`${failures} end-to-end test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => {
      passed++;
      log(`  ok   ${t.fullTitle()} (${t.duration ?? 0} ms)`);
    });
    runner.on('pending', (t) => {
      pending++;
      log(`  skip ${t.fullTitle()}`);
    });
    runner.on('fail', (t, err: Error) => {
      failed++;
      log(`  FAIL ${t.fullTitle()}\n${String(err.stack ?? err).replace(/^/gm, '       ')}`);
    });
  });
}
