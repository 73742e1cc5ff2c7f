import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { FIXTURES, REPO_ROOT, copyFixture } from '../../rules/test/helpers';
import { outsideWorkspace } from '../cli/write-inside';
import { LspTestClient } from './lsp-test-client';

/**
 * Issue 8, point 6: an untrusted workspace runs none of its code (no dependency-cruiser
 * configuration or installation, no TypeScript plugin — those never, trusted or not — no source
 * file); the code has no other way to run workspace code or to write files than the audited
 * ones; the CLI writes inside the workspace only, links or not.
 */

function foundations(args: string[], cwd = REPO_ROOT) {
  const r = spawnSync(process.execPath, [`${REPO_ROOT}/bin/foundations.js`, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A folder outside any workspace where workspace code, if it ever ran, would leave a mark. */
function markers(): { dir: string; left: () => string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foundations-markers-'));
  return { dir, left: () => fs.readdirSync(dir).sort() };
}

/**
 * The depcruise fixture booby-trapped: its JavaScript configuration, a dependency-cruiser
 * installation of its own, a TypeScript plugin in tsconfig.json and the source files all leave a
 * mark when executed.
 */
function trappedWorkspace(markerDir: string): string {
  const root = copyFixture('depcruise');
  const mark = (name: string) => `require('node:fs').writeFileSync(${JSON.stringify(`${markerDir}/${name}`)}, 'ran');`;
  const config = fs.readFileSync(`${root}/.dependency-cruiser.cjs`, 'utf8');
  fs.writeFileSync(`${root}/.dependency-cruiser.cjs`, `${mark('dependency-cruiser-config')}\n${config}`);
  const cruiser = `${root}/node_modules/dependency-cruiser`;
  fs.mkdirSync(`${cruiser}/config-utl`, { recursive: true });
  fs.writeFileSync(
    `${cruiser}/package.json`,
    JSON.stringify({ name: 'dependency-cruiser', version: '17.0.0', exports: { '.': { import: './index.mjs' }, './config-utl/extract-depcruise-options': { import: './config-utl/extract.mjs' } } }),
  );
  const esmMark = (name: string) => `import { writeFileSync } from 'node:fs'; writeFileSync(${JSON.stringify(`${markerDir}/${name}`)}, 'ran');`;
  fs.writeFileSync(`${cruiser}/index.mjs`, `${esmMark('workspace-dependency-cruiser')}\nexport async function cruise() { return { output: { summary: { violations: [] } } }; }\n`);
  fs.writeFileSync(`${cruiser}/config-utl/extract.mjs`, `export default async function (file) { return (await import(file)).default; }\n`);
  fs.mkdirSync(`${root}/node_modules/evil-ts-plugin`, { recursive: true });
  fs.writeFileSync(`${root}/node_modules/evil-ts-plugin/index.js`, `${mark('typescript-plugin')}\nmodule.exports = () => ({ create: (info) => info.languageService });\n`);
  fs.writeFileSync(`${root}/tsconfig.json`, JSON.stringify({ compilerOptions: { plugins: [{ name: 'evil-ts-plugin' }], allowJs: true } }));
  fs.writeFileSync(`${root}/src/web/side-effect.ts`, `${mark('source-file')}\nexport {};\n`);
  return root;
}

describe('hardening: no workspace code runs, and writes stay inside the workspace', function () {
  this.timeout(120_000);

  it('untrusted: neither the CLI nor the server runs any workspace code, and both say what is disabled', async () => {
    const m = markers();
    const root = trappedWorkspace(m.dir);
    const cli = foundations(['check', root, '--untrusted', '--format', 'json']);
    assert.equal(cli.code, 1, cli.stderr);
    assert.match((JSON.parse(cli.stdout) as { notices: string[] }).notices[0], /not trusted, so its dependency-cruiser configuration \(\.dependency-cruiser\.cjs\) was not loaded/);
    const client = await LspTestClient.start(root, { trusted: false });
    try {
      await client.ready();
      await client.waitFor(() => client.notifications.some((n) => n.method === 'foundations/status' && (n.params as { notices: string[] }).notices.some((x) => /not trusted/.test(x))), 'the notice in the status');
      for (const method of ['foundations/tree', 'foundations/domains', 'foundations/domainGraph']) await client.connection.sendRequest(method, {});
      await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri: client.uri('src/web/side-effect.ts') } });
      await new Promise((resolve) => setTimeout(resolve, 800)); // a save schedules dependency-cruiser (500 ms): it must refuse again
    } finally {
      await client.stop();
    }
    assert.deepEqual(m.left(), []);
    // The control: trusted, the same workspace does run its own dependency-cruiser and configuration —
    // so the marks above are real — but never its TypeScript plugin or its source files.
    const trusted = foundations(['check', root]);
    assert.notEqual(trusted.code, 2, trusted.stderr);
    assert.deepEqual(m.left(), ['dependency-cruiser-config', 'workspace-dependency-cruiser']);
  });

  it('TypeScript plugins in tsconfig.json are never loaded, even trusted and through the fixes that use the language service', async () => {
    const m = markers();
    const root = copyFixture('shop');
    fs.mkdirSync(`${root}/node_modules/evil-ts-plugin`, { recursive: true });
    fs.writeFileSync(`${root}/node_modules/evil-ts-plugin/index.js`, `require('node:fs').writeFileSync(${JSON.stringify(`${m.dir}/typescript-plugin`)}, 'ran');\nmodule.exports = () => ({ create: (info) => info.languageService });\n`);
    const tsconfig = JSON.parse(fs.readFileSync(`${root}/tsconfig.json`, 'utf8')) as { compilerOptions: Record<string, unknown> };
    tsconfig.compilerOptions.plugins = [{ name: 'evil-ts-plugin' }];
    fs.writeFileSync(`${root}/tsconfig.json`, JSON.stringify(tsconfig));
    const dry = foundations(['fix', root, '--rule', 'third-party-outside-adapter', '--dry-run']);
    assert.match(dry.stdout, /^fixed /m, `the move fix ran through TypeScript's language service\n${dry.stdout}${dry.stderr}`);
    const client = await LspTestClient.start(root, { trusted: true });
    try {
      await client.ready();
      const file = 'src/billing/core/charge.ts';
      const diagnostic = client.diagnostics.get(client.uri(file))!.diagnostics.find((d) => d.code === 'third-party-outside-adapter')!;
      const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: client.uri(file) }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
      for (const action of actions.filter((a) => a.data !== undefined)) await client.connection.sendRequest('codeAction/resolve', action);
      assert.ok(actions.length > 0);
    } finally {
      await client.stop();
    }
    assert.deepEqual(m.left(), []);
  });

  it('audit: the only code that loads modules at run time or writes files is the code reviewed here', () => {
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(`${REPO_ROOT}/${dir}`, { withFileTypes: true })) {
        const rel = `${dir}/${e.name}`;
        if (e.isDirectory() && e.name !== 'test' && e.name !== 'webview') walk(rel);
        else if (e.isFile() && rel.endsWith('.ts') && !rel.endsWith('.d.ts')) sources.push(rel);
      }
    };
    for (const part of ['rules', 'server', 'protocol']) walk(part);
    const hits = (pattern: RegExp) =>
      sources.flatMap((rel) =>
        fs
          .readFileSync(`${REPO_ROOT}/${rel}`, 'utf8')
          .split('\n')
          .filter((line) => pattern.test(line) && !/^\s*(\/\/|\*|\/\*)/.test(line))
          .map(() => rel),
      );
    // Loading code: `import ts = require('typescript')` is a static import of our own dependency.
    const loaders = hits(/\bimport\((?!['"`])|\brequire\s*\(\s*(?!'typescript'\)|\))|createRequire|\beval\s*\(|new Function\s*\(|from 'node:vm'|\brequire\.resolve\b/);
    assert.deepEqual([...new Set(loaders)], ['rules/depcruise/import-module.ts', 'rules/depcruise/run-dependency-cruiser.ts', 'server/bundle-loader.ts'], 'only dependency-cruiser and our own bundle are loaded at run time');
    const starter = fs.readFileSync(`${REPO_ROOT}/server/bundle-loader.ts`, 'utf8');
    assert.match(starter, /const BUNDLE = path\.join\(__dirname, 'server\.js'\);/);
    assert.deepEqual(starter.match(/new vm\.Script\([^)]*\)|require\([^)]*\)|createRequire\([^)]*\)/g), ['new vm.Script(WRAPPER[0] + source + WRAPPER[1], { filename: BUNDLE, cachedData })', 'createRequire(BUNDLE)', 'require(BUNDLE)'], 'the starters load the bundle next to them, nothing else');
    const cruiser = fs.readFileSync(`${REPO_ROOT}/rules/depcruise/run-dependency-cruiser.ts`, 'utf8');
    assert.ok(cruiser.indexOf('if (!trusted)') < cruiser.indexOf('await importEntry'), 'and only after the trust check');
    // TypeScript plugins are a tsserver feature; nothing here asks for them.
    assert.deepEqual(hits(/globalPlugins|pluginProbeLocations|enablePlugin|ts\.server\b|\.plugins\b/), []);
    // Writing files: the CLI (confined to the workspace, or where --output says) and the facts
    // cache and V8's code cache (the editor's storage folder the client names, or the CLI's --cache file;
    // the CLI's code cache is written by the build only, see code-cache.test.ts).
    const WRITES = 'writeFile|writeFileSync|appendFile|appendFileSync|mkdir|mkdirSync|rename|renameSync|unlink|unlinkSync|rm|rmSync|rmdir|rmdirSync|copyFile|copyFileSync|cp|cpSync|createWriteStream|symlink|symlinkSync|chmod|chmodSync|truncate|truncateSync|open|openSync';
    const writers = hits(new RegExp(`\\bfs(\\.promises)?\\.(${WRITES})\\s*\\(|import\\s*\\{[^}]*\\b(${WRITES})\\b[^}]*\\}\\s*from\\s*'(node:)?fs`));
    assert.deepEqual([...new Set(writers)].sort(), ['rules/cache/persisted-cache.ts', 'server/bundle-loader.ts', 'server/cli/cli.ts', 'server/cli/write-inside.ts']);
    const cli = fs.readFileSync(`${REPO_ROOT}/server/cli/cli.ts`, 'utf8');
    for (const line of cli.split('\n').filter((l) => /fs\.writeFileSync\(/.test(l))) assert.match(line, /values\.output/, `the CLI writes directly only where --output says: ${line.trim()}`);
  });

  it('the domain graph webview: a strict Content Security Policy and no remote resource', () => {
    const panel = fs.readFileSync(`${REPO_ROOT}/client/views/graph-panel.ts`, 'utf8');
    const csp = /const csp = \[([^\]]*)\]/.exec(panel)?.[1] ?? '';
    assert.match(csp, /"default-src 'none'"/, 'everything not allowed is denied');
    assert.match(csp, /`script-src 'nonce-\$\{nonce\}'`/, 'only our script, by nonce');
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:|\*/, 'no inline or eval, no remote origin, no wildcard');
    assert.match(panel, /localResourceRoots: \[/);
    const bundle = fs.readFileSync(`${REPO_ROOT}/dist/graph-webview.js`, 'utf8');
    const urls = [...new Set(bundle.match(/https?:\/\/[^"'`\s)]+/g) ?? [])];
    assert.deepEqual(urls, ['http://www.w3.org/2000/svg'], 'the bundled script names no remote resource (the SVG namespace is a name, not a fetch)');
  });

  describe('the CLI writes inside the workspace only', () => {
    it('refuses a fix whose file is a link out of the workspace, and writes nothing at all', () => {
      const root = copyFixture('shop');
      const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'foundations-outside-'));
      const target = `${outside}/discounts.ts`;
      fs.renameSync(`${root}/src/billing/core/discounts.ts`, target);
      fs.symlinkSync(target, `${root}/src/billing/core/discounts.ts`);
      const api = fs.readFileSync(`${root}/src/catalog/index.ts`, 'utf8');
      const outsideBefore = fs.readFileSync(target, 'utf8');
      const r = foundations(['fix', root, '--rule', 'public-api-bypass']);
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stderr, /refusing to write outside the workspace: .*discounts\.ts leads outside the workspace through a symbolic link \(to .*foundations-outside-.*\/discounts\.ts\); nothing was written/);
      assert.equal(fs.readFileSync(target, 'utf8'), outsideBefore, 'the file outside is untouched');
      assert.equal(fs.readFileSync(`${root}/src/catalog/index.ts`, 'utf8'), api, 'all or nothing: the other file of the fix is untouched too');
      assert.equal(r.stdout, '', 'nothing is listed as fixed when nothing was written');
    });

    it('refuses to prune a debt register, or to init over a foundations.json, that links out of the workspace', () => {
      const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'foundations-outside-'));
      const debt = copyFixture('debt');
      fs.renameSync(`${debt}/foundations-debt.json`, `${outside}/register.json`);
      fs.symlinkSync(`${outside}/register.json`, `${debt}/foundations-debt.json`);
      const before = fs.readFileSync(`${outside}/register.json`, 'utf8');
      const pruned = foundations(['debt', 'prune', debt]);
      assert.equal(pruned.code, 2, pruned.stderr);
      assert.match(pruned.stderr, /refusing to write outside the workspace/);
      assert.equal(fs.readFileSync(`${outside}/register.json`, 'utf8'), before);
      assert.equal(pruned.stdout, '', 'no entry is listed as removed when nothing was written');

      const init = copyFixture('no-config');
      fs.writeFileSync(`${outside}/precious.json`, '{}');
      fs.symlinkSync(`${outside}/precious.json`, `${init}/foundations.json`);
      const forced = foundations(['init', init, '--force']);
      assert.equal(forced.code, 2, forced.stderr);
      assert.equal(fs.readFileSync(`${outside}/precious.json`, 'utf8'), '{}');
    });

    it('judges paths by where they really lead', () => {
      const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'foundations-ws-')));
      const outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'foundations-outside-')));
      fs.mkdirSync(`${root}/src/real`, { recursive: true });
      fs.symlinkSync(outside, `${root}/src/linked`);
      fs.symlinkSync(`${root}/src/real`, `${root}/src/alias`);
      fs.symlinkSync(`${outside}/nothing-yet.ts`, `${root}/src/dangling.ts`);
      assert.equal(outsideWorkspace(root, `${root}/src/real/new/file.ts`), undefined, 'a new file in a new folder inside');
      assert.equal(outsideWorkspace(root, `${root}/src/alias/file.ts`), undefined, 'a link that stays inside');
      assert.match(outsideWorkspace(root, `${root}/src/linked/new.ts`)!, /leads outside the workspace through a symbolic link/);
      assert.match(outsideWorkspace(root, `${root}/src/dangling.ts`)!, /symbolic link to nothing/);
      assert.match(outsideWorkspace(root, `${root}/../elsewhere.ts`)!, /is outside the workspace/);
      assert.match(outsideWorkspace(root, '/etc/passwd')!, /is outside the workspace/);
    });
  });

  it('paths in foundations.json are confined to the workspace (../../etc is an error, exit 2)', () => {
    const root = copyFixture('shop');
    const config = fs.readFileSync(`${FIXTURES}/shop/foundations.json`, 'utf8').replace('"rules": {', '"debt": "../../etc/passwd", "exclude": ["../../etc/**"], "rules": {');
    fs.writeFileSync(`${root}/foundations.json`, config);
    const r = foundations(['check', root]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /"debt" must name a file inside the workspace, not "\.\.\/\.\.\/etc\/passwd"/);
    assert.match(r.stderr, /"\.\.\/\.\.\/etc\/\*\*" points outside the workspace/);
  });
});
