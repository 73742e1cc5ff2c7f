import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyFixture } from '../../rules/test/helpers';
import { InferConfig } from '../../protocol';
import { LspTestClient } from './lsp-test-client';

const DEBOUNCE_MS = 50;
const FORBIDDEN = "import { placeOrder } from '@shop/orders';\n";

describe('language server over stdio (dist/server.js)', function () {
  let root: string;
  let client: LspTestClient;

  beforeEach(async () => {
    root = copyFixture('shop');
    client = await LspTestClient.start(root, { settings: { debounceMs: DEBOUNCE_MS } });
  });

  afterEach(async () => {
    await client.stop();
  });

  it('publishes whole-workspace diagnostics after the first scan', async () => {
    const status = await client.ready();
    assert.deepEqual([status.errors, status.warnings, status.files], [5, 2, 16]);
    const [d] = client.diagnostics.get(client.uri('src/catalog/core/product.ts'))!.diagnostics.filter((x) => x.code === 'cross-domain-import');
    assert.equal(d.source, 'foundations');
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 3, character: 30 }, end: { line: 3, character: 44 } });
    assert.ok(d.codeDescription?.href.endsWith('/docs/rules/cross-domain-import.md'));
    assert.ok(fs.existsSync(fileURLToPath(d.codeDescription!.href)), 'the rule documentation ships next to the bundle');
    for (const [file, code] of [
      ['src/billing/core/discounts.ts', 'public-api-bypass'],
      ['src/billing/ui/InvoiceView.tsx', 'layer-violation'],
      ['src/billing/core/tax-report.ts', 'database-access-outside-data-layer'],
      ['src/billing/core/charge.ts', 'third-party-outside-adapter'],
      ['src/reports/sales-report.ts', 'unassigned-file'],
    ]) {
      assert.deepEqual(client.codes(file), [code], file);
    }
  });

  it('checks an unsaved buffer as it is typed, and reports the latency after the debounce', async () => {
    const file = 'src/billing/core/invoice.ts';
    const original = fs.readFileSync(`${root}/${file}`, 'utf8');
    await client.waitFor(() => client.codes('src/catalog/core/product.ts').length > 0, 'the scan');
    client.open(file, original);
    await client.waitFor(() => client.diagnostics.has(client.uri(file)), 'diagnostics of the opened buffer');

    const latencies: number[] = [];
    for (let i = 0; i < 20; i++) {
      const adding = i % 2 === 0;
      const sent = performance.now();
      client.change(file, adding ? FORBIDDEN + original : original);
      await client.waitFor(() => {
        const entry = client.diagnostics.get(client.uri(file));
        return entry && entry.at > sent && client.codes(file).includes('cross-domain-import') === adding;
      }, adding ? 'the new finding' : 'the finding to go');
      latencies.push(client.diagnostics.get(client.uri(file))!.at - sent - DEBOUNCE_MS);
    }
    latencies.sort((a, b) => a - b);
    const median = latencies[Math.floor(latencies.length / 2)];
    const p95 = latencies[Math.ceil(latencies.length * 0.95) - 1];
    console.log(`      keystroke → diagnostics after the ${DEBOUNCE_MS} ms debounce: median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (${latencies.length} edits)`);
    assert.equal(fs.readFileSync(`${root}/${file}`, 'utf8'), original, 'the server never writes the buffer to disk');
  });

  it('traces the cost of each re-check in the server when the client turns tracing on, and only then', async () => {
    const traced = await LspTestClient.start(copyFixture('shop'), { settings: { debounceMs: 0 }, trace: 'messages' });
    try {
      await traced.ready();
      const file = 'src/billing/core/invoice.ts';
      const original = fs.readFileSync(`${traced.root}/${file}`, 'utf8');
      traced.open(file, original);
      traced.change(file, FORBIDDEN + original);
      const line = await traced.waitFor(
        () => traced.notifications.filter((n) => n.method === '$/logTrace').map((n) => (n.params as { message: string }).message).find((m) => m.startsWith('re-checked 1 change(s) in')),
        'the trace of the edit',
      );
      assert.match(line, /^re-checked 1 change\(s\) in \d+\.\d\d ms, \d+ file\(s\) republished$/);
    } finally {
      await traced.stop();
    }
    await client.ready();
    client.open('src/billing/core/invoice.ts', FORBIDDEN);
    await client.waitFor(() => client.codes('src/billing/core/invoice.ts').includes('cross-domain-import'), 'the edit to be checked');
    assert.deepEqual(client.notifications.filter((n) => n.method === '$/logTrace'), [], 'no trace unless asked for');
  });

  it('re-checks the importers of an edited file and files changed on disk', async () => {
    await client.waitFor(() => client.codes('src/billing/core/discounts.ts').includes('public-api-bypass'), 'the scan');
    // Making pricing.ts part of catalog's public API fixes the import in billing without touching it.
    const config = `${root}/foundations.json`;
    client.open('foundations.json', fs.readFileSync(config, 'utf8').replace('"catalog": { "path": "src/catalog",', '"catalog": { "path": "src/catalog", "publicApi": ["index.ts", "core/pricing.ts"],'), 'jsonc');
    await client.waitFor(() => !client.codes('src/billing/core/discounts.ts').includes('public-api-bypass'), 'the bypass to be fixed by the config edit');

    fs.mkdirSync(`${root}/src/billing/jobs`);
    fs.writeFileSync(`${root}/src/billing/jobs/nightly.ts`, "import { lastOrderedAt } from '../../orders/core/order';\nexport const x = lastOrderedAt;\n");
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('src/billing/jobs/nightly.ts'), type: 1 }] });
    await client.waitFor(() => client.codes('src/billing/jobs/nightly.ts').includes('public-api-bypass'), 'a finding in the created file');
    assert.ok(client.codes('src/billing/jobs/nightly.ts').includes('cross-domain-import'));
  });

  it('shows configuration errors in foundations.json and keeps the last good configuration', async () => {
    await client.waitFor(() => client.codes('src/catalog/core/product.ts').length > 0, 'the scan');
    const config = fs.readFileSync(`${root}/foundations.json`, 'utf8');
    client.open('foundations.json', config, 'jsonc');
    client.change('foundations.json', config.replace('"dependsOn": ["shared"], "owners"', '"dependsOn": ["shared", "marketing"], "owners"'));
    const diagnostics = await client.waitFor(() => {
      const published = client.diagnostics.get(client.uri('foundations.json'))?.diagnostics ?? [];
      return published.length > 0 ? published : undefined;
    }, 'a config diagnostic');
    assert.equal(diagnostics[0].code, 'config');
    assert.equal(diagnostics[0].message, 'Domain "catalog" depends on "marketing", which is not a declared domain.');
    assert.equal(diagnostics[0].range.start.line, config.split('\n').findIndex((l) => l.includes('"catalog": {')));
    assert.ok(client.codes('src/catalog/core/product.ts').includes('cross-domain-import'), 'findings of the last good configuration stay');
    client.change('foundations.json', config);
    await client.waitFor(() => client.diagnostics.get(client.uri('foundations.json'))?.diagnostics.length === 0, 'the config diagnostic to clear');
  });
});

describe('language server: the workspace’s own dependency-cruiser rules', function () {
  it('reports them after the scan in a trusted workspace', async () => {
    const client = await LspTestClient.start(copyFixture('depcruise'), { trusted: true });
    try {
      await client.waitFor(() => client.codes('src/util/format.ts').includes('depcruise/util-is-a-leaf'), 'the dependency-cruiser finding');
      assert.ok(client.codes('src/util/format.ts').includes('cross-domain-import'));
    } finally {
      await client.stop();
    }
  });

  it('reports them too when started as the extension starts it, compiled with and then from the code cache', async () => {
    const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'foundations-code-cache-'));
    try {
      for (const start of ['first start', 'start from the code cache']) {
        const client = await LspTestClient.start(copyFixture('depcruise'), { trusted: true, codeCache: storage });
        try {
          await client.waitFor(() => client.codes('src/util/format.ts').includes('depcruise/util-is-a-leaf'), `${start}: the dependency-cruiser finding`);
        } finally {
          await client.stop();
        }
        assert.ok(fs.readdirSync(storage).some((n) => n.endsWith('.code-cache')), `${start}: a code cache is there after it`);
      }
    } finally {
      fs.rmSync(storage, { recursive: true, force: true });
    }
  });

  it('does not load them in an untrusted workspace, and says why', async () => {
    const client = await LspTestClient.start(copyFixture('depcruise'), { trusted: false });
    try {
      const notices = await client.waitFor(() => {
        const statuses = client.notifications.filter((n) => n.method === 'foundations/status').map((n) => n.params as { notices: string[] });
        return statuses.find((s) => s.notices.length > 0)?.notices;
      }, 'a notice');
      assert.match(notices[0], /not trusted/);
      assert.ok(!client.codes('src/util/format.ts').some((c) => c.startsWith('depcruise/')));
    } finally {
      await client.stop();
    }
  });
});

describe('language server: its facts cache in the editor’s storage', function () {
  this.timeout(30_000);

  it('writes it once edits pause, never while they come, and a restarted server finds the same from it', async () => {
    const root = copyFixture('shop');
    const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'foundations-storage-'));
    const cacheFiles = () => fs.readdirSync(storage).filter((name) => name.startsWith('facts-'));
    const findings = (client: LspTestClient) =>
      [...client.diagnostics].map(([uri, { diagnostics }]) => [uri, diagnostics.map((d) => `${d.range.start.line}:${d.code}`).sort()]).sort();
    const file = 'src/catalog/core/product.ts';
    const original = fs.readFileSync(path.join(root, file), 'utf8');
    try {
      const first = await LspTestClient.start(root, { settings: { debounceMs: 0 }, storagePath: storage });
      let before;
      try {
        await first.ready();
        first.open(file, original);
        // Typing for twice the pause the write waits for: writing (and collecting after it) would delay an edit.
        for (let i = 1; i <= 10; i++) {
          first.change(file, i % 2 === 1 ? `${original}\n` : original);
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        assert.deepEqual(cacheFiles(), [], 'not written while edits come');
        const paused = performance.now();
        while (cacheFiles().length === 0 && performance.now() - paused < 5000) await new Promise((resolve) => setTimeout(resolve, 50));
        assert.equal(cacheFiles().length, 1, 'written once edits pause');
        before = findings(first);
      } finally {
        await first.stop();
      }
      const restarted = await LspTestClient.start(root, { settings: { debounceMs: 0 }, storagePath: storage });
      try {
        await restarted.ready();
        assert.deepEqual(findings(restarted), before);
      } finally {
        await restarted.stop();
      }
    } finally {
      fs.rmSync(storage, { recursive: true, force: true });
    }
  });
});

describe('language server: a foundations.json for a workspace without one', () => {
  it('answers foundations/inferConfig with the draft and the advice the editor shows, and writes nothing', async () => {
    const root = copyFixture('no-config');
    const client = await LspTestClient.start(root);
    try {
      const inferred = await client.request(InferConfig.type, { folderUri: client.uri('') });
      const draft = JSON.parse(inferred.text) as { domains: Record<string, { publicApi?: unknown }> };
      assert.deepEqual(Object.keys(draft.domains), ['common', 'inventory', 'shipping']);
      assert.equal(draft.domains.common.publicApi, '*', 'common has no index file');
      assert.match(inferred.advice, /^Their dependsOn lists what they import today: tighten it\. 1 domain has no index file \(common\)/);
      assert.ok(!fs.existsSync(`${root}/foundations.json`), 'the client creates the file; the server only answers');
    } finally {
      await client.stop();
    }
  });
});
