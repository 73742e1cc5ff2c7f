import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { badConfigs, replaced, where } from '../../rules/test/bad-configs';
import { REPO_ROOT, copyFixture } from '../../rules/test/helpers';
import { runCli } from '../cli/cli';
import { LspTestClient } from './lsp-test-client';

/**
 * Issue 8, point 1 (adapters): every malformed foundations.json is a one-line `file:line:col`
 * error per mistake from the CLI with exit code 2, and a diagnostic at the key in the editor while
 * the server keeps checking with the last good configuration.
 */

async function check(root: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['check', root], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), interactive: false, cwd: root });
  return { code, stdout, stderr };
}

describe('hardening: a malformed foundations.json stops the CLI with exit 2 and one line per error', () => {
  const LINE = /^foundations\.json:\d+:\d+: error: [^\n]+$/;

  for (const bad of badConfigs()) {
    it(bad.name, async () => {
      const root = copyFixture('shop');
      fs.writeFileSync(`${root}/foundations.json`, bad.text);
      const r = await check(root);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stdout, '', 'no report on stdout');
      const lines = r.stderr.trimEnd().split('\n');
      const summary = lines.pop()!;
      assert.match(summary, /^foundations: \d+ errors? in foundations\.json; fix (it|them) and run again\.$/);
      for (const line of lines) assert.match(line, LINE);
      assert.ok(lines.some((l) => l.startsWith(`foundations.json:${bad.at}: error: `) && bad.message.test(l)), `expected ${bad.at} ${bad.message} in\n${r.stderr}`);
    });
  }

  it('an unsafe regular expression in the JSON dependency-cruiser configuration, through the real binary', () => {
    const root = copyFixture('shop');
    fs.writeFileSync(`${root}/.dependency-cruiser.json`, JSON.stringify({ forbidden: [{ name: 'slow', severity: 'error', from: { path: '^(src|lib)+(/[a-z]+)*$' }, to: {} }] }, null, 2));
    const text = replaced('"rules": {', '"dependencyCruiser": ".dependency-cruiser.json", "rules": {');
    fs.writeFileSync(`${root}/foundations.json`, text);
    const r = spawnSync(process.execPath, [`${REPO_ROOT}/bin/foundations.js`, 'check', '.', '--untrusted'], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, new RegExp(`^foundations\\.json:${where(text, '".dependency-cruiser.json"')}: error: The dependency-cruiser configuration \\.dependency-cruiser\\.json:\\d+:\\d+: rule "slow": from\\.path .* is unsafe`, 'm'));
  });
});

describe('hardening: the server keeps the last good configuration while foundations.json is broken', function () {
  it('shows each mistake at its key, keeps the findings, and clears when fixed', async function () {
    this.timeout(60_000);
    const root = copyFixture('shop');
    const client = await LspTestClient.start(root, { settings: { debounceMs: 0 } });
    try {
      await client.ready();
      const good = fs.readFileSync(`${root}/foundations.json`, 'utf8');
      const configUri = client.uri('foundations.json');
      const before = client.codes('src/catalog/core/product.ts');
      assert.ok(before.includes('cross-domain-import'));
      client.open('foundations.json', good, 'jsonc');
      let typed = 0;
      for (const bad of badConfigs()) {
        const sent = performance.now();
        client.change('foundations.json', bad.text);
        const published = await client.waitFor(() => {
          const entry = client.diagnostics.get(configUri);
          if (!entry || entry.at < sent) return undefined;
          const found = entry.diagnostics.find((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}` === bad.at && bad.message.test(typeof d.message === 'string' ? d.message : d.message.value));
          return found ? entry.diagnostics : undefined;
        }, `the diagnostic of "${bad.name}"`);
        assert.ok(published.every((d) => d.code === 'config' && d.source === 'foundations'));
        assert.deepEqual(client.codes('src/catalog/core/product.ts'), before, `the last good configuration still checks the code (${bad.name})`);
        if (typed++ === 3) {
          // A buffer edited while the file is broken is checked with the last good configuration.
          const file = 'src/shared/money.ts';
          client.open(file, `import { placeOrder } from '../orders/core/order';\n${fs.readFileSync(`${root}/${file}`, 'utf8')}`);
          await client.waitFor(() => client.codes(file).includes('cross-domain-import'), 'a finding that needs the domains of the last good configuration');
          client.close(file);
        }
      }
      client.change('foundations.json', good);
      await client.waitFor(() => client.diagnostics.get(configUri)?.diagnostics.length === 0, 'the configuration diagnostics to clear');
      const status = await client.ready();
      assert.deepEqual([status.errors, status.warnings], [5, 2], 'back to the findings of the fixed file');
      console.log(`      ${typed} malformed configurations typed into the buffer; every one shown at its key, the last good one kept`);
    } finally {
      await client.stop();
    }
  });
});
