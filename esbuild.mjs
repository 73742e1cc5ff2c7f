// One build: the extension (client), the language server + CLI (server) with their starters, the parse worker and the graph webview.
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  // Always without whitespace and comments: the server bundle is compiled at every start, and a
  // comment's non-ASCII character made V8 hold all 11 MB of it as two-byte text. Names stay readable
  // in stack traces; the packaged extension shortens them too.
  minifyWhitespace: true,
  minifySyntax: true,
  minifyIdentifiers: production,
  logLevel: 'warning',
  // jsonc-parser's "main" is a UMD build esbuild cannot follow; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  // TypeScript's bundle probes for optional modules it never needs here.
  external: ['vscode', 'source-map-support', '@microsoft/typescript-etw'],
};

const builds = [
  { ...common, entryPoints: ['client/extension.ts'], outfile: 'dist/client.js' },
  { ...common, entryPoints: ['server/main.ts'], outfile: 'dist/server.js' },
  // What editors start: loads dist/server.js with V8's code cache when given a folder to keep it in.
  { ...common, entryPoints: ['server/start-server.ts'], outfile: 'dist/start-server.js' },
  // What bin/foundations.js runs: loads dist/server.js with the code cache primed below.
  { ...common, entryPoints: ['server/start-cli.ts'], outfile: 'dist/start-cli.js' },
  // Loads dependency-cruiser (ESM) for the bundle, which cannot import() when compiled from V8's code cache.
  { ...common, entryPoints: ['rules/depcruise/import-module.ts'], outfile: 'dist/import-module.js' },
  // Parse workers of a large scan; the engine looks for it next to the server bundle.
  { ...common, entryPoints: ['rules/scan/parse-worker.ts'], outfile: 'dist/parse-worker.js' },
  // The domain graph webview runs in a browser: dagre is bundled in, nothing is loaded from a CDN.
  {
    bundle: true,
    platform: 'browser',
    target: 'chrome120',
    format: 'iife',
    sourcemap: production ? false : 'linked',
    minify: production,
    logLevel: 'warning',
    entryPoints: ['client/views/webview/graph.ts'],
    outfile: 'dist/graph-webview.js',
  },
];

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching…');
} else {
  const started = Date.now();
  await Promise.all(builds.map((b) => esbuild.build(b)));
  console.log(`esbuild: dist/client.js, dist/server.js, dist/start-server.js, dist/start-cli.js, dist/import-module.js, dist/parse-worker.js, dist/graph-webview.js in ${Date.now() - started} ms`);
  primeCliCodeCache();
}

/**
 * The CLI's code cache, for this Node: a check of the example workspace in a fresh process, whose
 * compiled bytecode dist/start-cli.js then loads instead of compiling the bundle (~0.2 s of every
 * run). Only speed depends on it: without it, or on another Node, the CLI compiles as usual.
 */
function primeCliCodeCache() {
  const started = Date.now();
  const prime = `require('./dist/start-cli.js').primeCodeCache(['check', 'test-fixtures/shop', '--untrusted', '--fail-on', 'never', '--output', ${JSON.stringify(os.devNull)}])`;
  const run = spawnSync(process.execPath, ['-e', prime], { cwd: path.dirname(fileURLToPath(import.meta.url)), stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`priming the CLI's code cache failed (exit ${run.status})`);
  console.log(`esbuild: the CLI's code cache in dist/ in ${Date.now() - started} ms`);
}
