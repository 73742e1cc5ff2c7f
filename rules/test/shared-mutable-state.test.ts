import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Session } from '../index';
import { FIXTURES, copyFixture, scanned } from './helpers';
import { writeWorkspace } from './inline-workspace';

const RULE = 'shared-mutable-state';

/** `file:line state` for every finding of the rule. */
function reported(session: Session): string[] {
  return session
    .findings()
    .filter((f) => f.ruleId === RULE)
    .map((f) => `${f.file.slice(session.root.length + 1)}:${f.range.start.line + 1} ${String(f.data?.state)}`);
}

describe('shared-mutable-state', () => {
  let corpus: Session;
  before(async () => {
    corpus = await scanned(`${FIXTURES}/shared-state-corpus`);
  });

  it('reports the export, naming the domains that change it, and each change where it happens', () => {
    const [exported] = corpus.findingsFor(`${corpus.root}/src/cart/cartItems.ts`).filter((f) => f.ruleId === RULE);
    assert.match(exported.message, /^"cartItems" is mutable array state of domain "cart" changed from domain "checkout" \(2 places\)/);
    assert.deepEqual(exported.data?.mutatedBy, ['checkout']);
    assert.deepEqual(
      (exported.data?.sites as { file: string; line: number }[]).map((s) => `${s.file}:${s.line}`).sort(),
      ['src/checkout/placeOrder.ts:19', 'src/checkout/quickBuy.ts:7'],
    );
    const [site] = corpus.findingsFor(`${corpus.root}/src/checkout/quickBuy.ts`).filter((f) => f.ruleId === RULE && f.data?.state === 'cartItems');
    assert.match(site.message, /^Domain "checkout" changes "cartItems" \(push\(\)\), mutable array owned by domain "cart" \(src\/cart\/cartItems\.ts\)/);
    assert.deepEqual(site.domains, { from: 'checkout', to: 'cart' });
  });

  it('follows state through public APIs that re-export it, under another name too', () => {
    const all = reported(corpus);
    assert.ok(all.includes('src/catalog/productCache.ts:4 productCache'), 'catalog/index.ts re-exports productCache');
    assert.ok(all.includes('src/notifications/queue.ts:3 pendingNotifications'), 'notifications re-exports it as outbox');
    assert.ok(all.includes('src/checkout/placeOrder.ts:24 pendingNotifications'));
  });

  it('is silent on constants, frozen and read-only values, classes, copies, encapsulated state and changes inside the owning domain', () => {
    const silent = [
      'src/settings/limits.ts',
      'src/settings/currencies.ts',
      'src/settings/shippingDefaults.ts',
      'src/settings/taxZones.ts',
      'src/catalog/categories.ts',
      'src/analytics/sampling.ts',
      'src/notifications/subscribers.ts',
      'src/catalog/exchangeRates.ts',
      'src/search/indexQueue.ts',
      'src/session/sessions.ts',
      'src/catalog/catalogIndex.ts',
      'src/settings/checkoutDefaults.ts',
      'src/catalog/bestsellers.ts',
      'src/catalog/newArrivals.ts',
      'src/checkout/wishlist.ts',
      'src/checkout/giftCart.ts',
      'src/checkout/taxSummary.ts',
      'src/checkout/checkoutOptions.ts',
    ];
    for (const file of silent) assert.deepEqual(corpus.findingsFor(`${corpus.root}/${file}`).filter((f) => f.ruleId === RULE), [], file);
    assert.ok(!reported(corpus).some((r) => r.endsWith(' CartStore')), 'an exported class is not state');
  });

  it('generalises to state it has never seen: default exports, computed keys, namespaces, aliases, setters of an exported let', async () => {
    const root = writeWorkspace({
      'foundations.json': `{ "domains": {
        "settings": { "path": "src/settings" }, "flags": { "path": "src/flags", "publicApi": "*" },
        "jobs": { "path": "src/jobs" }, "cart": { "path": "src/cart" },
        "app": { "path": "src/app", "dependsOn": ["settings", "flags", "jobs", "cart"] } } }`,
      'src/settings/store.ts': `const store = { debug: false, region: 'eu' };
export default store;
export const handlers: Record<string, () => void> = {};
export let requestCount = 0;
export function countRequest(): void {
  requestCount++;
}
export const DEFAULTS = Object.freeze({ retries: 3 });
`,
      'src/settings/index.ts': "export { default as settingsStore, handlers, requestCount, countRequest, DEFAULTS } from './store';\n",
      'src/flags/state.ts': 'export const enabled = new Set<string>();\nexport const overrides = new Map<string, boolean>();\n',
      'src/jobs/queue.ts': `const pending: string[] = [];
export function enqueue(job: string): void { pending.push(job); }
export const snapshot = (): readonly string[] => [...pending];
export const queue = { items: [] as string[], paused: false };
`,
      'src/jobs/index.ts': "export * from './queue';\n",
      'src/jobs/worker.ts': "import { queue } from './queue';\nexport function drain(): void {\n  queue.items.splice(0);\n  queue.paused = false;\n}\n",
      'src/cart/items.ts': 'export const items: string[] = [];\n',
      'src/cart/index.ts': "export { items } from './items';\n",
      'src/app/main.ts': `import { settingsStore, handlers, countRequest, DEFAULTS } from '../settings';
import * as flags from '../flags/state';
import { queue, enqueue, snapshot } from '../jobs';
import { items } from '../cart';

export function boot(name: string): number {
  settingsStore.debug = true;
  handlers[name] = () => undefined;
  countRequest();
  flags.enabled.add('beta');
  const waiting = queue.items;
  waiting.push('reindex');
  enqueue('cleanup');
  const copy = items.slice();
  copy.push('x');
  const merged = { ...DEFAULTS, retries: 5 };
  merged.retries = 6;
  return snapshot().length + (flags.overrides.get('x') ? 1 : 0);
}

export function withLocal(items: string[]): void {
  items.push('a parameter that hides the import');
}
`,
    });
    const session = await scanned(root);
    assert.deepEqual(reported(session).sort(), [
      'src/app/main.ts:10 enabled',
      'src/app/main.ts:12 queue',
      'src/app/main.ts:7 store',
      'src/app/main.ts:8 handlers',
      'src/flags/state.ts:1 enabled',
      'src/jobs/queue.ts:4 queue',
      'src/settings/store.ts:1 store',
      'src/settings/store.ts:3 handlers',
      'src/settings/store.ts:4 requestCount',
    ]);
    // countRequest() is the owner's own setter: calling it is how to ask for the change, so only the export is reported.
    const requestCount = session.findings().find((f) => f.ruleId === 'shared-mutable-state' && f.data?.state === 'requestCount')!;
    assert.match(requestCount.message, /changed from domain "app" \(1 place\); the changes go through its functions already: stop exporting the variable and export a function that reads it\.$/);
  });

  it('counts set/add/push on a client of a database, a service or an HTTP API as no change of state, on a cache or a built-in container as one', async () => {
    const session = await scanned(
      writeWorkspace({
        'foundations.json': '{ "domains": { "infra": { "path": "src/infra", "publicApi": "*" }, "billing": { "path": "src/billing", "dependsOn": ["infra"] } } }',
        'src/infra/clients.ts': `const Redis = require('ioredis');
import * as pg from 'pg';
import axios from 'axios';
import QuickLRU from 'quick-lru';
import { makeBag } from './bag';
export const redis = new Redis();
export const pool = new pg.Pool();
export const http = axios.create({ baseURL: 'https://erp.example' });
export const recent = new QuickLRU<string, number>({ maxSize: 100 });
export const headers = new Headers();
export const bag = makeBag();
`,
        'src/infra/bag.ts': 'export function makeBag(): string[] { return []; }\n',
        'src/billing/use.ts': `import { bag, headers, http, pool, recent, redis } from '../infra/clients';
export async function run(key: string) {
  await redis.set(key, '1');
  await pool.query('select 1');
  await http.put('/invoices', {});
  recent.set(key, 1);
  headers.set('x-key', key);
  bag.push(key);
}
`,
      }),
    );
    assert.deepEqual(reported(session).sort(), [
      'src/billing/use.ts:6 recent',
      'src/billing/use.ts:7 headers',
      'src/billing/use.ts:8 bag',
      'src/infra/clients.ts:10 headers',
      'src/infra/clients.ts:11 bag',
      'src/infra/clients.ts:9 recent',
    ]);
  });

  it('re-checks the export and the change when an importer is edited, through a re-export', async () => {
    const root = copyFixture('shared-state-corpus');
    const session = await scanned(root);
    const owner = `${root}/src/catalog/productCache.ts`;
    const importer = `${root}/src/search/indexer.ts`;
    const before = session.findingsFor(owner).find((f) => f.ruleId === RULE)!;
    assert.deepEqual(before.data?.mutatedBy, ['checkout', 'search']);

    const text = fs.readFileSync(importer, 'utf8');
    const lines = text.split('\n');
    lines[12] = '  // no longer written here';
    const result = session.update([{ type: 'buffer', file: importer, text: lines.join('\n') }]);
    assert.ok(result.files.includes(importer), 'the change site is re-checked');
    assert.ok(result.files.includes(owner), 'the export, two files away behind catalog/index.ts, is re-checked');
    assert.deepEqual(session.findingsFor(owner).find((f) => f.ruleId === RULE)?.data?.mutatedBy, ['checkout']);
    assert.deepEqual(session.findingsFor(importer).filter((f) => f.ruleId === RULE), []);

    session.update([{ type: 'buffer', file: importer, text }]);
    assert.deepEqual(session.findingsFor(owner).find((f) => f.ruleId === RULE)?.data?.mutatedBy, ['checkout', 'search']);
  });

  it('re-checks an export when a new importer starts changing it', async () => {
    const root = copyFixture('shared-state-corpus');
    const session = await scanned(root);
    const owner = `${root}/src/session/sessions.ts`;
    assert.deepEqual(session.findingsFor(owner).filter((f) => f.ruleId === RULE), [], 'written only by its own domain');
    const file = `${root}/src/checkout/quickBuy.ts`;
    const text = `import { sessionsById } from '../session/sessions';\n${fs.readFileSync(file, 'utf8')}\nexport function forget(id: string): void {\n  sessionsById.delete(id);\n}\n`;
    const result = session.update([{ type: 'buffer', file, text }]);
    assert.ok(result.files.includes(owner));
    assert.deepEqual(session.findingsFor(owner).find((f) => f.ruleId === RULE)?.data?.mutatedBy, ['checkout']);
  });
});
