#!/usr/bin/env node
// Deterministic generator of realistic TypeScript modular monoliths for the benchmark.
//
//   node bench/generate-monolith.mjs <outDir> --files N [--seed S]
//
// Same arguments => byte-identical output (seeded PRNG, no clock, no Math.random).
// Writes, under <outDir>:
//   src/<domain>/{index.ts, core/, data/, api/, ui/, adapters/}  exactly N source files in total
//   tsconfig.json (paths @app/<domain>, @app/<domain>/*), package.json, types/*.d.ts (ambient
//   stubs for react, express, pg, stripe), foundations.json, bench-manifest.json (what was
//   planted: every violation with file, line and specifier, and the expected counts for the
//   rules that the peers check too).
// Peer configs are written by bench/peers.mjs (the runner calls it; so does this CLI).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const GENERATOR_VERSION = 6;

// ---------------------------------------------------------------------------------------------
// PRNG: xmur3 string hash -> mulberry32
function xmur3(str) {
  let h = 1779033703 ^ str.length;
  for (let i = 0; i < str.length; i++) {
    h = Math.imul(h ^ str.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
}
function mulberry32(a) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function makeRng(seedStr) {
  const r = mulberry32(xmur3(seedStr)());
  const rng = {
    next: r,
    int: (lo, hi) => lo + Math.floor(r() * (hi - lo + 1)), // inclusive
    pick: (arr) => arr[Math.floor(r() * arr.length)],
    chance: (p) => r() < p,
    shuffle(arr) {
      const a = arr.slice();
      for (let i = a.length - 1; i > 0; i--) {
        const j = Math.floor(r() * (i + 1));
        [a[i], a[j]] = [a[j], a[i]];
      }
      return a;
    },
    sample(arr, k) {
      return rng.shuffle(arr).slice(0, Math.min(k, arr.length));
    },
  };
  return rng;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary
const DOMAIN_NAMES = [
  'billing', 'catalog', 'orders', 'inventory', 'shipping', 'customers', 'identity', 'notifications',
  'payments', 'search', 'pricing', 'reviews', 'analytics', 'reporting', 'accounts', 'cart',
  'checkout', 'content', 'media', 'messaging', 'scheduling', 'support', 'loyalty', 'promotions',
  'fulfillment', 'returns', 'tax', 'invoicing', 'subscriptions', 'onboarding', 'compliance',
  'audit', 'partners', 'marketplace', 'recommendations', 'warehouse', 'procurement', 'ledger',
  'payroll', 'staffing', 'feedback', 'surveys', 'events', 'calendar', 'documents', 'workflows',
  'settings', 'admin', 'contracts', 'quotes', 'leads', 'campaigns', 'referrals', 'rewards',
  'devices', 'locations', 'routing', 'dispatch', 'claims', 'policies',
];
const FEATURE_WORDS = [
  'invoice', 'line-item', 'discount', 'refund', 'statement', 'balance', 'account', 'profile',
  'address', 'preference', 'session', 'token', 'product', 'variant', 'category', 'bundle',
  'price-list', 'quote', 'order', 'shipment', 'parcel', 'carrier', 'rate', 'stock-level',
  'reservation', 'batch', 'supplier', 'purchase', 'receipt', 'ticket', 'comment', 'rating',
  'report', 'metric', 'dashboard', 'export', 'schedule', 'slot', 'booking', 'reminder',
  'template', 'message', 'thread', 'attachment', 'asset', 'coupon', 'campaign', 'segment',
  'tier', 'points', 'reward', 'plan', 'renewal', 'trial', 'usage', 'quota', 'permission',
  'role', 'member', 'team', 'workspace', 'document', 'approval', 'workflow', 'task', 'entry',
  'journal', 'payout', 'fee', 'tax-rate', 'region', 'currency', 'settlement', 'dispute',
  'contract', 'claim', 'device', 'route', 'zone', 'warehouse-bin', 'pick-list', 'label',
];
const CORE_SUFFIXES = ['service', 'policy', 'calculator', 'validator', 'model', 'types', 'rules', 'mapper', 'factory', 'events', 'errors', 'specification'];
const DATA_SUFFIXES = ['repository', 'dao', 'queries', 'record', 'cache'];
const API_SUFFIXES = ['routes', 'controller', 'handler', 'dto'];
const UI_COMPONENT_SUFFIXES = ['List', 'Detail', 'Form', 'Card', 'Table', 'Summary', 'Modal', 'Panel', 'Row', 'Badge', 'Page', 'Filters'];
const UI_HOOK_SUFFIXES = ['Query', 'Form', 'State', 'Filters', 'Selection', 'Mutation'];
const ADAPTER_VENDORS = ['sendgrid', 's3', 'twilio', 'http', 'kafka', 'redis', 'slack', 'segment'];
const TEAMS = ['@payments-team', '@catalog-team', '@growth-team', '@platform-team', '@ops-team', '@data-team', '@crm-team', '@core-team'];

const pascal = (s) => s.split(/[-_\s]+/).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
const camel = (s) => { const p = pascal(s); return p[0].toLowerCase() + p.slice(1); };

// D grows sub-linearly with N: 8 at 1k, 20 at 5k, 40 at 20k (log-log interpolation, extrapolated).
export function domainCountFor(files) {
  const pts = [[1000, 8], [5000, 20], [20000, 40]];
  const x = Math.log(Math.max(files, 50));
  let a = pts[0], b = pts[1];
  if (files > pts[1][0]) { a = pts[1]; b = pts[2]; }
  const t = (x - Math.log(a[0])) / (Math.log(b[0]) - Math.log(a[0]));
  const y = Math.exp(Math.log(a[1]) + t * (Math.log(b[1]) - Math.log(a[1])));
  return Math.max(3, Math.min(Math.round(y), Math.floor(files / 12)));
}

// Layer direction (inside a domain) that normal generated imports respect.
const ALLOWED_TARGET_LAYERS = {
  core: ['core'],
  data: ['core', 'data'],
  api: ['core', 'data', 'api'],
  adapters: ['core', 'data', 'adapters'],
  ui: ['core', 'ui'],
};

// ---------------------------------------------------------------------------------------------
export function generateMonolith(outDir, { files: N, seed = 1 } = {}) {
  if (!Number.isInteger(N) || N < 40) throw new Error('--files must be an integer >= 40');
  const rng = makeRng(`foundations-bench:${seed}:${N}`);
  const D = domainCountFor(N);

  // ---- domains, ordered bottom-up: shared first; domain i may depend only on domains < i.
  const names = ['shared'];
  for (let i = 0; names.length < D; i++) {
    const base = DOMAIN_NAMES[i % DOMAIN_NAMES.length];
    names.push(i < DOMAIN_NAMES.length ? base : `${base}${Math.floor(i / DOMAIN_NAMES.length) + 1}`);
  }
  const domains = names.map((name, idx) => ({ name, idx, deps: new Set(), files: [], byLayer: {} }));
  for (const d of domains.slice(1)) {
    d.deps.add('shared');
    const lower = domains.slice(1, d.idx).map((x) => x.name);
    const k = Math.min(lower.length, rng.int(1, Math.min(4, 1 + Math.floor(d.idx / 3))));
    // prefer nearby lower domains (realistic layering), but not only them
    for (const n of rng.sample(lower.slice(-Math.max(k * 2, 3)), k)) d.deps.add(n);
  }

  // ---- file counts per domain (exact total N)
  const weights = domains.map((d) => (d.name === 'shared' ? 0.6 : 0.5 + rng.next() * 1.5));
  const wsum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.max(8, Math.floor((N * w) / wsum)));
  let diff = N - counts.reduce((a, b) => a + b, 0);
  for (let i = 1; diff !== 0; i = (i % (D - 1)) + 1) {
    if (diff > 0) { counts[i]++; diff--; } else if (counts[i] > 8) { counts[i]--; diff++; }
  }

  // ---- plan files (paths + exported symbols) --------------------------------------------------
  const allFiles = [];
  const usedPaths = new Set();
  const mkFile = (d, layer, rel, kind, base) => {
    let p = `src/${d.name}/${rel}`;
    if (usedPaths.has(p)) {
      const ext = path.posix.extname(p);
      let n = 2;
      while (usedPaths.has(p.slice(0, -ext.length) + `-${n}` + ext)) n++;
      p = p.slice(0, -ext.length) + `-${n}` + ext;
      base = base + n;
    }
    usedPaths.add(p);
    const f = { path: p, domain: d, layer, kind, base, exports: [], imports: [], extra: [], feature: null };
    d.files.push(f);
    (d.byLayer[layer] ??= []).push(f);
    allFiles.push(f);
    return f;
  };

  for (const d of domains) {
    const F = counts[d.idx];
    if (d.name === 'shared') { planShared(d, F, mkFile, rng); continue; }
    const nFeatures = Math.max(2, Math.min(14, Math.round(F / 22)));
    const features = rng.sample(FEATURE_WORDS, nFeatures);
    const nested = F > 70; // large domains group files by feature folder
    const body = F - 1;
    const share = { core: 0.3, data: 0.13, api: 0.14, ui: 0.31, adapters: 0.12 };
    const layerCounts = {};
    let assigned = 0;
    for (const [l, s] of Object.entries(share)) { layerCounts[l] = Math.max(1, Math.floor(body * s)); assigned += layerCounts[l]; }
    layerCounts.core += body - assigned;
    const hasStripe = ['billing', 'payments', 'checkout', 'subscriptions', 'invoicing'].includes(d.name) || rng.chance(0.1);
    for (const [layer, n] of Object.entries(layerCounts)) {
      for (let i = 0; i < n; i++) {
        const feature = features[i % features.length];
        const dir = nested ? `${layer}/${feature}/` : `${layer}/`;
        let f;
        if (layer === 'core') {
          const s = CORE_SUFFIXES[(i * 7 + Math.floor(i / features.length)) % CORE_SUFFIXES.length];
          f = mkFile(d, layer, `${dir}${feature}-${s}.ts`, `core-${s}`, pascal(feature) + pascal(s));
        } else if (layer === 'data') {
          const s = DATA_SUFFIXES[Math.floor(i / features.length) % DATA_SUFFIXES.length];
          f = mkFile(d, layer, `${dir}${feature}-${s}.ts`, `data-${s}`, pascal(feature) + pascal(s));
        } else if (layer === 'api') {
          const s = API_SUFFIXES[Math.floor(i / features.length) % API_SUFFIXES.length];
          f = mkFile(d, layer, `${dir}${feature}-${s}.ts`, `api-${s}`, pascal(feature) + pascal(s));
        } else if (layer === 'ui') {
          if (rng.chance(0.35)) {
            const s = rng.pick(UI_HOOK_SUFFIXES);
            f = mkFile(d, layer, `${dir}use${pascal(feature)}${s}.ts`, 'ui-hook', pascal(feature) + s);
          } else {
            const s = rng.pick(UI_COMPONENT_SUFFIXES);
            f = mkFile(d, layer, `${dir}${pascal(feature)}${s}.tsx`, 'ui-component', pascal(feature) + s);
          }
        } else {
          const vendor = hasStripe && i % 3 === 0 ? 'stripe' : rng.pick(ADAPTER_VENDORS);
          f = mkFile(d, layer, `${dir}${vendor}-${feature}-client.ts`, `adapter-${vendor === 'stripe' ? 'stripe' : 'generic'}`, pascal(vendor) + pascal(feature) + 'Client');
          f.vendor = vendor;
        }
        f.feature = feature;
      }
    }
    mkFile(d, 'index', 'index.ts', 'index', pascal(d.name));
  }
  for (const f of allFiles) f.exports = exportsFor(f);

  // ---- public API of each domain: what index.ts re-exports
  for (const d of domains) {
    if (d.name === 'shared') { d.publicSymbols = d.files.filter((f) => f.kind !== 'index').flatMap((f) => f.exports); continue; }
    const cand = [...(d.byLayer.core ?? []), ...(d.byLayer.ui ?? []).filter((f) => f.kind === 'ui-component'), ...(d.byLayer.api ?? []).filter((f) => f.kind === 'api-routes')];
    const k = Math.max(3, Math.min(cand.length, Math.round(d.files.length * 0.25), 40));
    d.barrelFiles = rng.sample(cand, k).sort((a, b) => (a.path < b.path ? -1 : 1));
    d.publicSymbols = d.barrelFiles.flatMap((f) => f.exports);
  }
  const byName = new Map(domains.map((d) => [d.name, d]));

  // ---- normal imports -------------------------------------------------------------------------
  const addImport = (f, imp) => { f.imports.push(imp); };
  const pickSymbols = (syms, max) => rng.sample(syms.filter((s) => s.kind !== 'router'), rng.int(1, max));
  for (const f of allFiles) {
    const d = f.domain;
    if (f.kind === 'index') continue; // barrels are rendered from barrelFiles
    // externals by layer / kind
    if (f.layer === 'ui') addImport(f, { spec: 'react', names: f.kind === 'ui-component' ? [{ name: 'useState', kind: 'hook' }, { name: 'useMemo', kind: 'hook' }] : [{ name: 'useEffect', kind: 'hook' }, { name: 'useState', kind: 'hook' }], ext: true });
    if (f.layer === 'api') addImport(f, { spec: 'express', names: [{ name: 'Router', kind: 'fn' }, { name: 'Request', kind: 'type' }, { name: 'Response', kind: 'type' }], ext: true });
    if (f.layer === 'data' && f.kind !== 'data-record') addImport(f, { spec: 'pg', names: [{ name: 'Pool', kind: 'type' }], ext: true });
    if (f.kind === 'adapter-stripe') addImport(f, { spec: 'stripe', def: 'Stripe', names: [], ext: true });
    // intra-domain, layer-respecting, mostly same feature
    const allowed = ALLOWED_TARGET_LAYERS[f.layer] ?? ['core'];
    const pool = allowed.flatMap((l) => d.byLayer[l] ?? []).filter((t) => t !== f);
    const same = pool.filter((t) => t.feature === f.feature);
    const nIntra = Math.min(pool.length, rng.int(d.name === 'shared' ? 0 : 2, d.name === 'shared' ? 2 : 5));
    const chosen = new Set();
    for (let i = 0; i < nIntra * 3 && chosen.size < nIntra; i++) chosen.add(same.length && rng.chance(0.65) ? rng.pick(same) : rng.pick(pool));
    for (const t of chosen) {
      const selfAlias = rng.chance(0.06);
      addImport(f, { spec: selfAlias ? `@app/${d.name}/${stripExt(t.path.slice(`src/${d.name}/`.length))}` : relSpec(f.path, t.path), names: pickSymbols(t.exports, 2), target: t.path });
    }
    if (d.name === 'shared') continue;
    // shared kernel, mostly through its index, sometimes deep (shared's publicApi is "*")
    if (rng.chance(0.6)) {
      const sh = byName.get('shared');
      const deep = rng.chance(0.25);
      const t = rng.pick(sh.files.filter((x) => x.kind !== 'index' && x.layer !== 'data' && x.layer !== 'ui'));
      addImport(f, deep ? { spec: `@app/shared/${stripExt(t.path.slice('src/shared/'.length))}`, names: pickSymbols(t.exports, 2), target: t.path } : { spec: '@app/shared', names: pickSymbols(sh.publicSymbols.filter((s) => s.kind !== 'component' && s.kind !== 'hook' || f.layer === 'ui'), 2), target: 'src/shared/index.ts' });
    }
    // declared cross-domain dependencies through the public API
    const declared = [...d.deps].filter((n) => n !== 'shared');
    const nCross = declared.length ? (rng.chance(0.4) ? 1 : 0) + (rng.chance(0.12) ? 1 : 0) : 0;
    for (let i = 0; i < nCross; i++) {
      const dep = byName.get(rng.pick(declared));
      const syms = dep.publicSymbols.filter((s) => (s.kind !== 'component' && s.kind !== 'hook') || f.layer === 'ui');
      if (syms.length) addImport(f, { spec: `@app/${dep.name}`, names: pickSymbols(syms, 2), target: `src/${dep.name}/index.ts` });
    }
  }
  // dedupe imported identifiers inside a file (alias when two imports bring the same name)
  const totalNormalImports = allFiles.reduce((a, f) => a + f.imports.length, 0);

  // ---- planted violations ---------------------------------------------------------------------
  const planted = [];
  const nonShared = domains.slice(1);
  const filesOf = (pred) => allFiles.filter((f) => f.kind !== 'index' && f.domain.name !== 'shared' && pred(f));
  // one planted import per (file, target): dependency-cruiser reports one violation per
  // dependency edge, ESLint one per import statement; distinct targets keep the counts comparable
  const plant = (kind, f, imp, extra = {}) => {
    if (f.imports.some((x) => (imp.target ? x.target === imp.target : x.spec === imp.spec))) return false;
    imp.planted = kind; addImport(f, imp); planted.push({ kind, file: f.path, specifier: imp.spec, ...extra });
    return true;
  };
  const rate = (r) => Math.max(1, Math.round(totalNormalImports * r));
  let guard = 0; // bounds the retries below on tiny corpora

  // undeclared cross-domain import through the target's public API (target of lower rank: no cycle)
  const hostsUndeclared = filesOf((f) => f.domain.idx >= 2);
  for (let i = 0, n = rate(0.006); i < n; i++) {
    const f = rng.pick(hostsUndeclared);
    const cands = nonShared.filter((t) => t.idx < f.domain.idx && !f.domain.deps.has(t.name));
    if (!cands.length) { i--; hostsUndeclared.splice(hostsUndeclared.indexOf(f), 1); if (!hostsUndeclared.length) break; continue; }
    const t = rng.pick(cands);
    const syms = t.publicSymbols.filter((s) => (s.kind !== 'component' && s.kind !== 'hook') || f.layer === 'ui');
    if (!plant('cross-domain-import', f, { spec: `@app/${t.name}`, names: pickSymbols(syms, 1), target: `src/${t.name}/index.ts` }, { from: f.domain.name, to: t.name }) && ++guard < 100000) i--;
  }
  // deep import into a *declared* dependency's internals (public-api-bypass only)
  const hostsDeep = filesOf((f) => [...f.domain.deps].some((n) => n !== 'shared'));
  for (let i = 0, n = rate(0.006); i < n; i++) {
    const f = rng.pick(hostsDeep);
    const t = byName.get(rng.pick([...f.domain.deps].filter((n) => n !== 'shared')));
    const tf = rng.pick(t.byLayer.core);
    const spec = rng.chance(0.7) ? `@app/${t.name}/${stripExt(tf.path.slice(`src/${t.name}/`.length))}` : relSpec(f.path, tf.path);
    if (!plant('public-api-bypass', f, { spec, names: pickSymbols(tf.exports, 1), target: tf.path }, { from: f.domain.name, to: t.name }) && ++guard < 100000) i--;
  }
  // ui importing the data layer of its own domain (layer-violation)
  const hostsUi = filesOf((f) => f.layer === 'ui' && (f.domain.byLayer.data ?? []).length > 0);
  for (let i = 0, n = rate(0.003); i < n && hostsUi.length; i++) {
    const f = rng.pick(hostsUi);
    const t = rng.pick(f.domain.byLayer.data);
    if (!plant('layer-violation', f, { spec: relSpec(f.path, t.path), names: pickSymbols(t.exports, 1), target: t.path }, { from: 'ui', to: 'data' }) && ++guard < 100000) i--;
  }
  // pg imported from core (database-access-outside-data-layer)
  const hostsCore = filesOf((f) => f.layer === 'core');
  for (let i = 0, n = rate(0.002); i < n; i++) {
    const f = rng.pick(hostsCore);
    if (f.imports.some((x) => x.spec === 'pg')) { if (++guard < 100000) i--; continue; }
    plant('database-access-outside-data-layer', f, { spec: 'pg', names: [{ name: 'Pool', kind: 'class' }], ext: true });
  }
  // stripe imported outside adapters (third-party-outside-adapter), from core or ui
  const hostsStripe = filesOf((f) => f.layer === 'core' || f.layer === 'ui');
  for (let i = 0, n = rate(0.002); i < n; i++) {
    const f = rng.pick(hostsStripe);
    if (f.imports.some((x) => x.spec === 'stripe')) { if (++guard < 100000) i--; continue; }
    plant('third-party-outside-adapter', f, { spec: 'stripe', def: 'Stripe', names: [], ext: true });
  }
  // domain cycles: (1) a declared mutual dependency a <-> b with imports both ways;
  // (2) an undeclared back-edge c -> e closing c <- d <- e (also a cross-domain-import).
  const cycles = [];
  {
    const b = nonShared.slice(2).find((x) => [...x.deps].some((n) => n !== 'shared'));
    if (b) {
      const a = byName.get([...b.deps].find((n) => n !== 'shared'));
      a.deps.add(b.name);
      const fa = rng.pick(a.files.filter((f) => f.kind !== 'index'));
      const syms = b.publicSymbols.filter((s) => (s.kind !== 'component' && s.kind !== 'hook') || fa.layer === 'ui');
      plant('domain-cycle', fa, { spec: `@app/${b.name}`, names: pickSymbols(syms, 1), target: `src/${b.name}/index.ts` }, { cycle: [a.name, b.name], declared: true });
      // make sure b really imports a
      if (!b.files.some((f) => f.imports.some((x) => x.spec === `@app/${a.name}`))) {
        const fb = rng.pick(b.files.filter((f) => f.kind !== 'index' && f.layer !== 'ui'));
        addImport(fb, { spec: `@app/${a.name}`, names: pickSymbols(a.publicSymbols.filter((s) => s.kind !== 'component' && s.kind !== 'hook'), 1), target: `src/${a.name}/index.ts` });
      }
      cycles.push([a.name, b.name]);
    }
    // c <- d <- e: find e with a non-shared dep d that has a non-shared dep c, c not declared by... c must not declare e
    for (const e of nonShared.slice().reverse()) {
      const d = [...e.deps].map((n) => byName.get(n)).find((x) => x.name !== 'shared' && [...x.deps].some((n) => n !== 'shared' && n !== e.name && !cycles.flat().includes(n)));
      if (!d || cycles.flat().includes(e.name) || cycles.flat().includes(d.name)) continue;
      const c = byName.get([...d.deps].find((n) => n !== 'shared' && n !== e.name && !cycles.flat().includes(n)));
      if (c.deps.has(e.name)) continue;
      // ensure the forward edges e -> d and d -> c exist as real imports
      for (const [x, y] of [[e, d], [d, c]]) {
        if (!x.files.some((f) => f.imports.some((i) => i.spec === `@app/${y.name}`))) {
          const fx = rng.pick(x.files.filter((f) => f.kind !== 'index' && f.layer !== 'ui'));
          addImport(fx, { spec: `@app/${y.name}`, names: pickSymbols(y.publicSymbols.filter((s) => s.kind !== 'component' && s.kind !== 'hook'), 1), target: `src/${y.name}/index.ts` });
        }
      }
      const fc = rng.pick(c.files.filter((f) => f.kind !== 'index' && f.layer !== 'ui'));
      plant('domain-cycle', fc, { spec: `@app/${e.name}`, names: pickSymbols(e.publicSymbols.filter((s) => s.kind !== 'component' && s.kind !== 'hook'), 1), target: `src/${e.name}/index.ts` }, { cycle: [c.name, e.name, d.name], declared: false, alsoCrossDomainImport: true, from: c.name, to: e.name });
      cycles.push([c.name, e.name, d.name]);
      break;
    }
  }
  // a few heuristic-rule plants (not checked by the peers): unversioned routes, business logic in
  // UI, exported mutable module state mutated from another domain
  const apiRoutes = filesOf((f) => f.kind === 'api-routes');
  for (const f of rng.sample(apiRoutes, Math.max(1, Math.round(apiRoutes.length * 0.04)))) {
    f.extra.push('unversioned'); planted.push({ kind: 'unversioned-api-route', file: f.path, routes: 3 }); // get, get/:id, post
  }
  const uiComps = filesOf((f) => f.kind === 'ui-component');
  for (const f of rng.sample(uiComps, Math.max(1, Math.round(uiComps.length * 0.03)))) {
    f.extra.push('logic'); planted.push({ kind: 'logic-in-ui', file: f.path });
  }
  const coreSvc = filesOf((f) => f.kind === 'core-service' && nonShared.some((x) => x !== f.domain && x.deps.has(f.domain.name)));
  for (const f of rng.sample(coreSvc, Math.max(1, Math.round(coreSvc.length * 0.02)))) {
    f.extra.push('mutable'); // export let <x>State; exported through the barrel below
    const st = { name: `${camel(f.base)}State`, kind: 'mutable' };
    f.exports.push(st);
    const d = f.domain;
    if (!d.barrelFiles.includes(f)) d.barrelFiles.push(f);
    const importers = nonShared.filter((x) => x.deps.has(d.name));
    if (importers.length) {
      const g = rng.pick(importers);
      const hosts = rng.shuffle(g.files.filter((x) => x.kind !== 'index' && x.layer !== 'ui'));
      if (!hosts.some((h) => plant('shared-mutable-state', h, { spec: `@app/${d.name}`, names: [st], target: `src/${d.name}/index.ts` }, { owner: d.name, ownerFile: f.path, mutatedFrom: g.name }))) planted.push({ kind: 'shared-mutable-state', file: f.path, owner: d.name });
    } else planted.push({ kind: 'shared-mutable-state', file: f.path, owner: d.name });
  }

  // ---- render ---------------------------------------------------------------------------------
  rmGenerated(outDir);
  const dirs = new Set();
  const write = (rel, text) => {
    const abs = path.join(outDir, rel);
    const dir = path.dirname(abs);
    if (!dirs.has(dir)) { fs.mkdirSync(dir, { recursive: true }); dirs.add(dir); }
    fs.writeFileSync(abs, text);
  };
  let totalLines = 0, totalBytes = 0, totalImports = 0;
  const plantedByFile = new Map();
  for (const f of allFiles) {
    const text = f.kind === 'index' ? renderBarrel(f, rng) : renderFile(f, rng);
    totalLines += countLines(text); totalBytes += text.length;
    totalImports += f.imports.length;
    // record the 1-based line of every planted import (imports are rendered first, in order)
    f.imports.forEach((imp, i) => { if (imp.planted) { const p = planted.find((x) => x.file === f.path && x.specifier === imp.spec && x.line === undefined); if (p) p.line = i + 1; } });
    write(f.path, text);
    void plantedByFile;
  }

  const fileCount = allFiles.length;
  const config = {
    domains: Object.fromEntries(domains.map((d) => [d.name, {
      path: `src/${d.name}`,
      ...(d.name === 'shared' ? { publicApi: '*' } : { publicApi: ['index.ts'] }),
      dependsOn: [...d.deps].sort(),
      owners: [TEAMS[d.idx % TEAMS.length]],
    }])),
    layers: {
      ui: ['ui/**', 'components/**', '**/*.tsx'],
      integration: ['adapters/**', 'api/**', 'http/**', 'clients/**'],
      data: ['data/**', 'repositories/**'],
      core: ['domain/**', 'core/**'],
    },
    adapterOnlyPackages: ['stripe'],
    databasePackages: ['pg'],
  };
  write('foundations.json', `// Generated by bench/generate-monolith.mjs (--files ${N} --seed ${seed}). Architecture of this corpus.\n${JSON.stringify(config, null, 2)}\n`);
  const paths = {};
  for (const d of domains) { paths[`@app/${d.name}`] = [`./src/${d.name}/index.ts`]; paths[`@app/${d.name}/*`] = [`./src/${d.name}/*`]; }
  write('tsconfig.json', JSON.stringify({
    compilerOptions: {
      target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', jsx: 'react-jsx', strict: true,
      noEmit: true, skipLibCheck: true, isolatedModules: true, types: [], paths,
    },
    include: ['src', 'types'],
  }, null, 2) + '\n');
  write('package.json', JSON.stringify({
    name: `bench-monolith-${N}`, version: '1.0.0', private: true, type: 'module',
    dependencies: { express: '^4.21.0', pg: '^8.13.0', react: '^18.3.1', stripe: '^17.0.0' },
  }, null, 2) + '\n');
  for (const [name, text] of Object.entries(AMBIENT_STUBS)) write(`types/${name}.d.ts`, text);

  const count = (k) => planted.filter((p) => p.kind === k).length;
  const manifest = {
    generator: 'bench/generate-monolith.mjs', generatorVersion: GENERATOR_VERSION, files: N, seed,
    sourceFiles: fileCount, domains: D, lines: totalLines, bytes: totalBytes, imports: totalImports,
    plantedCounts: {
      'cross-domain-import': count('cross-domain-import') + planted.filter((p) => p.alsoCrossDomainImport).length,
      'public-api-bypass': count('public-api-bypass'),
      'layer-violation': count('layer-violation'),
      'database-access-outside-data-layer': count('database-access-outside-data-layer'),
      'third-party-outside-adapter': count('third-party-outside-adapter'),
      'domain-cycle': cycles.length,
      'unversioned-api-route': planted.filter((p) => p.kind === 'unversioned-api-route').reduce((a, p) => a + p.routes, 0), // routes, 3 per planted router file
      'logic-in-ui': count('logic-in-ui'),
      'shared-mutable-state': count('shared-mutable-state'),
    },
    // what the peers' equivalent rules must report (one finding per violating import)
    expectedPeerFindings: {
      'cross-domain-import': count('cross-domain-import') + planted.filter((p) => p.alsoCrossDomainImport).length,
      'public-api-bypass': count('public-api-bypass'),
    },
    cycles,
    planted,
    config,
  };
  write('bench-manifest.json', JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

// ---------------------------------------------------------------------------------------------
function planShared(d, F, mkFile, rng) {
  const fixed = [
    ['core', 'core/result.ts', 'core-types', 'Result'], ['core', 'core/money.ts', 'core-calculator', 'Money'],
    ['core', 'core/ids.ts', 'core-model', 'EntityId'], ['core', 'core/dates.ts', 'core-mapper', 'DateRange'],
    ['core', 'core/errors.ts', 'core-errors', 'Domain'], ['core', 'core/pagination.ts', 'core-types', 'Page'],
    ['data', 'data/db.ts', 'data-dao', 'Db'], ['api', 'api/http.ts', 'api-handler', 'Http'],
    ['ui', 'ui/Button.tsx', 'ui-component', 'Button'], ['ui', 'ui/useDebounce.ts', 'ui-hook', 'Debounce'],
    ['adapters', 'adapters/logger.ts', 'adapter-generic', 'Logger'],
  ];
  let n = 0;
  for (const [layer, rel, kind, base] of fixed) { if (n >= F - 1) break; const f = mkFile(d, layer, rel, kind, base); f.feature = 'kernel'; n++; }
  for (let i = 0; n < F - 1; i++, n++) {
    const w = FEATURE_WORDS[(i * 13) % FEATURE_WORDS.length];
    const s = rng.pick(['utils', 'types', 'guards', 'format']);
    const f = mkFile(d, 'core', `core/${w}-${s}.ts`, 'core-types', pascal(w) + pascal(s));
    f.feature = 'kernel';
  }
  mkFile(d, 'index', 'index.ts', 'index', 'Shared');
}

function exportsFor(f) {
  const B = f.base, b = camel(B);
  switch (f.kind) {
    case 'core-service': return [{ name: `${B}`, kind: 'class' }, { name: `create${B}`, kind: 'fn' }, { name: `${B}Options`, kind: 'type' }];
    case 'core-policy': return [{ name: `evaluate${B}`, kind: 'fn' }, { name: `${B}Decision`, kind: 'type' }];
    case 'core-calculator': return [{ name: `calculate${B}`, kind: 'fn' }, { name: `${B}Breakdown`, kind: 'type' }, { name: `round${B}`, kind: 'fn' }];
    case 'core-validator': return [{ name: `validate${B}`, kind: 'fn' }, { name: `${B}Error`, kind: 'class' }];
    case 'core-model': return [{ name: `${B}`, kind: 'type' }, { name: `${B}Id`, kind: 'type' }, { name: `make${B}`, kind: 'fn' }];
    case 'core-types': return [{ name: `${B}`, kind: 'type' }, { name: `${B}Status`, kind: 'type' }, { name: `is${B}`, kind: 'fn' }];
    case 'core-rules': return [{ name: `apply${B}`, kind: 'fn' }, { name: `default${B}`, kind: 'const' }];
    case 'core-mapper': return [{ name: `map${B}ToDto`, kind: 'fn' }, { name: `map${B}FromDto`, kind: 'fn' }, { name: `${B}Dto`, kind: 'type' }];
    case 'core-factory': return [{ name: `build${B}`, kind: 'fn' }, { name: `${B}Input`, kind: 'type' }];
    case 'core-events': return [{ name: `${B}Event`, kind: 'type' }, { name: `emit${B}`, kind: 'fn' }, { name: `on${B}`, kind: 'fn' }];
    case 'core-errors': return [{ name: `${B}Error`, kind: 'class' }, { name: `is${B}Error`, kind: 'fn' }];
    case 'core-specification': return [{ name: `${b}Spec`, kind: 'const' }, { name: `satisfies${B}`, kind: 'fn' }];
    case 'data-repository': return [{ name: `${B}`, kind: 'class' }, { name: `${B}Row`, kind: 'type' }];
    case 'data-dao': return [{ name: `${B}`, kind: 'class' }, { name: `open${B}`, kind: 'fn' }];
    case 'data-queries': return [{ name: `${b}Sql`, kind: 'const' }, { name: `run${B}`, kind: 'fn' }];
    case 'data-record': return [{ name: `${B}`, kind: 'type' }, { name: `to${B}`, kind: 'fn' }];
    case 'data-cache': return [{ name: `${B}`, kind: 'class' }, { name: `${b}Ttl`, kind: 'const' }];
    case 'api-routes': return [{ name: `${b}Router`, kind: 'router' }, { name: `register${B}`, kind: 'fn' }];
    case 'api-controller': return [{ name: `${B}`, kind: 'class' }];
    case 'api-handler': return [{ name: `handle${B}`, kind: 'fn' }, { name: `${B}Params`, kind: 'type' }];
    case 'api-dto': return [{ name: `${B}`, kind: 'type' }, { name: `parse${B}`, kind: 'fn' }];
    case 'ui-component': return [{ name: `${B}`, kind: 'component' }, { name: `${B}Props`, kind: 'type' }];
    case 'ui-hook': return [{ name: `use${B}`, kind: 'hook' }, { name: `${B}Result`, kind: 'type' }];
    case 'adapter-stripe': case 'adapter-generic': return [{ name: `${B}`, kind: 'class' }, { name: `create${B}`, kind: 'fn' }];
    default: return [];
  }
}

// ---------------------------------------------------------------------------------------------
const stripExt = (p) => p.replace(/\.(tsx?|d\.ts)$/, '');
function relSpec(fromPath, toPath) {
  let r = path.posix.relative(path.posix.dirname(fromPath), stripExt(toPath));
  if (!r.startsWith('.')) r = './' + r;
  return r;
}
function countLines(s) { let n = 0; for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++; return n; }

function renderImports(f) {
  const lines = [];
  const seen = new Set(f.exports.map((e) => e.name));
  const used = []; // [{local, kind}]
  for (const imp of f.imports) {
    if (imp.ext && imp.def) { lines.push(`import ${imp.def} from '${imp.spec}';`); used.push({ local: imp.def, kind: 'class', ext: true }); continue; }
    const parts = [];
    for (const s of imp.names) {
      let local = s.name;
      if (seen.has(local)) { let k = 2; while (seen.has(`${s.name}${k}`)) k++; local = `${s.name}${k}`; }
      seen.add(local);
      parts.push(local === s.name ? s.name : `${s.name} as ${local}`);
      used.push({ local, kind: s.kind, ext: !!imp.ext });
    }
    if (!parts.length) { lines.push(`import '${imp.spec}';`); continue; }
    const allTypes = imp.names.every((s) => s.kind === 'type');
    lines.push(`import ${allTypes ? 'type ' : ''}{ ${parts.join(', ')} } from '${imp.spec}';`);
  }
  return { text: lines.join('\n'), used };
}

// statements that exercise imported names (so nothing is an unused import)
function usageLines(used, indent, { jsx = false } = {}) {
  const out = [];
  let i = 0;
  for (const u of used) {
    if (u.ext) continue;
    i++;
    switch (u.kind) {
      case 'fn': out.push(`${indent}const r${i} = ${u.local}(input as never);`, `${indent}trace.push(r${i});`); break;
      case 'class': out.push(`${indent}const o${i} = new ${u.local}(${'' /* args */});`, `${indent}trace.push(o${i});`); break;
      case 'const': out.push(`${indent}trace.push(${u.local});`); break;
      case 'mutable': out.push(`${indent}${u.local}.counter++; // another domain mutates the owner's module state`, `${indent}trace.push(${u.local});`); break;
      case 'router': out.push(`${indent}trace.push(${u.local});`); break;
      case 'type': out.push(`${indent}let t${i}: ${u.local} | undefined;`, `${indent}trace.push(t${i});`); break;
      case 'hook': out.push(jsx ? `${indent}const h${i} = ${u.local}();` : `${indent}const h${i} = ${u.local}();`, `${indent}trace.push(h${i});`); break;
      case 'component': if (!jsx) out.push(`${indent}trace.push(${u.local});`); break;
      default: break;
    }
  }
  return out;
}

function helperFns(f, rng, n) {
  const out = [];
  const B = f.base;
  for (let k = 0; k < n; k++) {
    const v = rng.int(0, 3);
    const name = `${['normalize', 'score', 'group', 'summarize'][v]}${B}${k ? k + 1 : ''}`;
    if (v === 0) out.push(
      `function ${name}(values: readonly string[]): string[] {`,
      `  const result: string[] = [];`,
      `  for (const value of values) {`,
      `    const trimmed = value.trim().toLowerCase();`,
      `    if (trimmed.length === 0 || result.includes(trimmed)) continue;`,
      `    result.push(trimmed);`,
      `  }`,
      `  return result.sort();`,
      `}`, '');
    else if (v === 1) out.push(
      `function ${name}(amount: number, weight = ${rng.int(2, 9)}): number {`,
      `  if (!Number.isFinite(amount)) {`,
      `    throw new RangeError('${name}: amount must be finite');`,
      `  }`,
      `  const scaled = amount * weight;`,
      `  return scaled > ${rng.int(100, 5000)} ? Math.round(scaled / 10) * 10 : Math.max(0, scaled);`,
      `}`, '');
    else if (v === 2) out.push(
      `function ${name}<T extends { id: string }>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {`,
      `  const groups = new Map<string, T[]>();`,
      `  for (const item of items) {`,
      `    const k = key(item);`,
      `    const bucket = groups.get(k);`,
      `    if (bucket) bucket.push(item);`,
      `    else groups.set(k, [item]);`,
      `  }`,
      `  return groups;`,
      `}`, '');
    else out.push(
      `function ${name}(entries: ReadonlyArray<{ label: string; count: number }>): string {`,
      `  const total = entries.reduce((sum, entry) => sum + entry.count, 0);`,
      `  return entries`,
      `    .filter((entry) => entry.count > 0)`,
      `    .map((entry) => \`\${entry.label}: \${((entry.count / (total || 1)) * 100).toFixed(1)}%\`)`,
      `    .join(', ');`,
      `}`, '');
  }
  return out;
}

function renderFile(f, rng) {
  const { text: importText, used } = renderImports(f);
  const B = f.base, b = camel(B);
  const L = [importText, ''];
  const helpers = helperFns(f, rng, rng.int(0, 3));
  const helperNames = helpers.filter((l) => l.startsWith('function ')).map((l) => l.slice(9, l.search(/[<(]/)));
  const isTsx = f.path.endsWith('.tsx');
  const exportsByName = Object.fromEntries(f.exports.map((e) => [e.name, e]));
  const has = (n) => n in exportsByName;

  // type declarations first
  for (const e of f.exports) {
    if (e.kind !== 'type') continue;
    if (e.name.endsWith('Id')) L.push(`export type ${e.name} = string & { readonly __brand: '${e.name}' };`, '');
    else if (e.name.endsWith('Status')) L.push(`export type ${e.name} = 'draft' | 'active' | 'suspended' | 'archived';`, '');
    else if (e.name.endsWith('Props')) L.push(`export interface ${e.name} {`, `  id: string;`, `  title?: string;`, `  items?: ReadonlyArray<{ id: string; label: string; amount: number }>;`, `  onSelect?: (id: string) => void;`, `}`, '');
    else L.push(`export interface ${e.name} {`, `  id: string;`, `  createdAt: string;`, `  updatedAt?: string;`, `  amount: number;`, `  currency: string;`, `  tags: string[];`, `  status: 'draft' | 'active' | 'archived';`, `}`, '');
  }
  L.push(...helpers);
  if (f.extra.includes('mutable')) L.push(`export let ${b}State: { tenant: string | null; counter: number } = { tenant: null, counter: 0 };`, '');

  const usage = usageLines(used, '  ', { jsx: isTsx });
  const callHelpers = helperNames.map((h, i) => `  trace.push(${h} as unknown);${i < 0 ? '' : ''}`);

  if (f.layer === 'ui' && f.kind === 'ui-component') {
    const comps = used.filter((u) => u.kind === 'component' && !u.ext).map((u) => u.local);
    const propsT = has(`${B}Props`) ? `${B}Props` : '{ id: string }';
    L.push(`export function ${B}(props: ${propsT}) {`, `  const trace: unknown[] = [];`, `  const input = props;`,
      `  const [expanded, setExpanded] = useState(false);`,
      `  const visible = useMemo(() => (props.items ?? []).filter((item) => item.label.length > 0), [props.items]);`,
      ...usage, ...callHelpers);
    if (f.extra.includes('logic')) L.push(
      `  // pricing decided in the component`,
      `  let total = 0;`,
      `  for (const item of visible) {`,
      `    const discount = item.amount > 500 ? 0.15 : item.amount > 100 ? 0.05 : 0;`,
      `    const taxRate = props.title === 'EU' ? 0.21 : 0.08;`,
      `    total += item.amount * (1 - discount) * (1 + taxRate);`,
      `  }`,
      `  if (total > 10000) total = total * 0.98;`);
    L.push(`  return (`, `    <section className="${f.domain.name}-${camel(B)}" data-id={props.id}>`,
      `      <header onClick={() => setExpanded(!expanded)}>{props.title ?? '${B}'}</header>`,
      ...(f.extra.includes('logic') ? [`      <strong>{total.toFixed(2)}</strong>`] : []),
      `      {expanded && (`, `        <ul>`, `          {visible.map((item) => (`,
      `            <li key={item.id} onClick={() => props.onSelect?.(item.id)}>`, `              {item.label} — {item.amount}`, `            </li>`,
      `          ))}`, `        </ul>`, `      )}`,
      ...comps.map((c) => `      <${c} id={props.id} />`),
      `      <span hidden>{trace.length}</span>`, `    </section>`, `  );`, `}`, '');
    return L.join('\n') + '\n';
  }
  if (f.kind === 'ui-hook') {
    L.push(`export function use${B}(initial: string = '') {`, `  const trace: unknown[] = [];`, `  const input = initial;`,
      `  const [value, setValue] = useState(initial);`, `  useEffect(() => {`, `    if (value !== initial) trace.push(value);`, `  }, [value]);`,
      ...usage, ...callHelpers,
      `  const result: ${has(`${B}Result`) ? `${B}Result` : 'unknown'} = { id: value, createdAt: '', amount: trace.length, currency: 'EUR', tags: [], status: 'active' } as never;`,
      `  return { value, setValue, result, trace };`, `}`, '');
    return L.join('\n') + '\n';
  }
  if (f.kind === 'api-routes') {
    const router = f.exports.find((e) => e.kind === 'router').name;
    const seg = f.feature;
    const v = f.extra.includes('unversioned') ? '' : '/v1';
    L.push(`export const ${router} = Router();`, '',
      `${router}.get('${v}/${seg}s', async (req: Request, res: Response) => {`, `  const trace: unknown[] = [];`, `  const input = req.query;`, ...usage, ...callHelpers,
      `  res.json({ items: trace.length, page: Number(req.query.page ?? 1) });`, `});`, '',
      `${router}.get('${v}/${seg}s/:id', async (req: Request, res: Response) => {`, `  if (!req.params.id) {`, `    res.status(400).json({ error: 'missing id' });`, `    return;`, `  }`, `  res.json({ id: req.params.id });`, `});`, '',
      `${router}.post('${v}/${seg}s', async (req: Request, res: Response) => {`, `  res.status(201).json({ ...(req.body as object) });`, `});`, '',
      `export function register${B}(app: { use(path: string, router: unknown): void }): void {`, `  app.use('/api', ${router});`, `}`, '');
    return L.join('\n') + '\n';
  }
  // everything else: class / function shaped modules
  const body = [`  const trace: unknown[] = [];`, ...usage, ...callHelpers];
  for (const e of f.exports) {
    if (e.kind === 'type' || e.kind === 'router') continue;
    if (e.kind === 'class') {
      const isRepo = f.layer === 'data';
      const isStripe = f.kind === 'adapter-stripe';
      L.push(`export class ${e.name}${e.name.endsWith('Error') ? ' extends Error' : ''} {`);
      if (e.name.endsWith('Error')) L.push(`  constructor(message = '${e.name}', readonly code = '${e.name.toUpperCase()}') {`, `    super(message);`, `  }`, `}`, '');
      else {
        if (isStripe) L.push(`  private readonly stripe = new Stripe(process.env.STRIPE_KEY ?? '', { apiVersion: '2024-06-20' });`, '');
        if (isRepo && used.some((u) => u.local === 'Pool')) L.push(`  constructor(private readonly pool?: Pool) {}`, '');
        L.push(`  private readonly cache = new Map<string, unknown>();`, '',
          `  async run(input: unknown): Promise<unknown[]> {`, ...body.map((l) => '  ' + l),
          ...(isRepo && used.some((u) => u.local === 'Pool') ? [`    const rows = await this.pool?.query('select * from ${f.feature?.replace(/-/g, '_')}s where id = $1', [input]);`, `    trace.push(rows?.rows.length ?? 0);`] : []),
          ...(isStripe ? [`    trace.push(await this.stripe.paymentIntents.create({ amount: 100, currency: 'eur' }));`] : []),
          `    this.cache.set(String(input), trace);`, `    return trace;`, `  }`, '',
          `  get size(): number {`, `    return this.cache.size;`, `  }`, `}`, '');
      }
      continue;
    }
    if (e.kind === 'const') {
      L.push(`export const ${e.name} = Object.freeze({`, `  enabled: true,`, `  threshold: ${rng.int(1, 500)},`, `  labels: ['${f.feature}', '${f.domain.name}'],`, `});`, '');
      continue;
    }
    if (e.kind === 'fn') {
      const first = !L.some((l) => l.includes('const trace: unknown[]'));
      L.push(`export function ${e.name}(input: unknown): unknown {`);
      if (first) L.push(...body);
      else L.push(`  const trace: unknown[] = [input];`);
      if (f.extra.includes('mutable')) L.push(`  ${camel(f.base)}State.counter++;`);
      L.push(`  if (input === null || input === undefined) {`, `    return trace;`, `  }`,
        `  return typeof input === 'object' ? { ...(input as object), trace } : [input, ...trace];`, `}`, '');
    }
  }
  return L.join('\n') + '\n';
}

function renderBarrel(f) {
  const d = f.domain;
  const L = [`// Public API of the ${d.name} domain.`];
  const files = d.name === 'shared' ? d.files.filter((x) => x.kind !== 'index') : d.barrelFiles;
  for (const t of files) {
    const spec = relSpec(f.path, t.path);
    const values = t.exports.filter((e) => e.kind !== 'type').map((e) => e.name);
    const types = t.exports.filter((e) => e.kind === 'type').map((e) => e.name);
    if (values.length) L.push(`export { ${values.join(', ')} } from '${spec}';`);
    if (types.length) L.push(`export type { ${types.join(', ')} } from '${spec}';`);
  }
  return L.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
const AMBIENT_STUBS = {
  react: `declare module 'react' {
  export type ReactNode = unknown;
  export interface FC<P = object> { (props: P): ReactNode }
  export function useState<T>(initial: T): [T, (next: T) => void];
  export function useEffect(effect: () => void | (() => void), deps?: readonly unknown[]): void;
  export function useMemo<T>(factory: () => T, deps: readonly unknown[]): T;
  export function useCallback<T extends (...args: never[]) => unknown>(fn: T, deps: readonly unknown[]): T;
  const React: { createElement(...args: unknown[]): unknown };
  export default React;
}
declare module 'react/jsx-runtime' {
  export const jsx: (...args: unknown[]) => unknown;
  export const jsxs: (...args: unknown[]) => unknown;
  export const Fragment: unknown;
}
declare namespace JSX {
  interface IntrinsicElements { [tag: string]: Record<string, unknown> }
  interface IntrinsicAttributes { key?: string | number }
}
`,
  express: `declare module 'express' {
  export interface Request { params: Record<string, string>; query: Record<string, string | undefined>; body: unknown }
  export interface Response { status(code: number): Response; json(body: unknown): void }
  export type NextFunction = (err?: unknown) => void;
  type Handler = (req: Request, res: Response, next?: NextFunction) => unknown;
  export interface IRouter { get(path: string, ...h: Handler[]): IRouter; post(path: string, ...h: Handler[]): IRouter; put(path: string, ...h: Handler[]): IRouter; delete(path: string, ...h: Handler[]): IRouter; use(...args: unknown[]): IRouter }
  export function Router(): IRouter;
  export default function express(): IRouter & { listen(port: number): void };
}
`,
  pg: `declare module 'pg' {
  export interface QueryResult<R = unknown> { rows: R[]; rowCount: number }
  export interface PoolClient { query<R = unknown>(sql: string, args?: unknown[]): Promise<QueryResult<R>>; release(): void }
  export class Pool { constructor(config?: { connectionString?: string; max?: number }); query<R = unknown>(sql: string, args?: unknown[]): Promise<QueryResult<R>>; connect(): Promise<PoolClient>; end(): Promise<void> }
}
`,
  stripe: `declare module 'stripe' {
  export default class Stripe {
    constructor(apiKey: string, config?: { apiVersion?: string });
    paymentIntents: { create(params: { amount: number; currency: string }): Promise<{ id: string; status: string }> };
    customers: { retrieve(id: string): Promise<{ id: string; email: string | null }> };
  }
}
`,
  node: `declare const process: { env: Record<string, string | undefined> };
`,
};

function rmGenerated(outDir) {
  if (fs.existsSync(outDir)) {
    const entries = fs.readdirSync(outDir);
    if (entries.length && !entries.includes('bench-manifest.json')) {
      throw new Error(`${outDir} exists, is not empty and was not generated by this script: refusing to overwrite`);
    }
    fs.rmSync(outDir, { recursive: true, force: true });
  }
  fs.mkdirSync(outDir, { recursive: true });
}

// ---------------------------------------------------------------------------------------------
function parseArgs(argv) {
  const out = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [k, v] = a.includes('=') ? a.slice(2).split('=') : [a.slice(2), argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : 'true'];
      out[k] = v;
    } else out._.push(a);
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2));
  const outDir = args._[0];
  const files = Number(args.files);
  const seed = args.seed === undefined ? 1 : Number(args.seed);
  if (!outDir || !Number.isInteger(files) || !Number.isInteger(seed)) {
    console.error('usage: node bench/generate-monolith.mjs <outDir> --files N [--seed S]');
    process.exit(2);
  }
  const t0 = performance.now();
  const m = generateMonolith(path.resolve(outDir), { files, seed });
  const { writePeerConfigs } = await import('./peers.mjs');
  writePeerConfigs(path.resolve(outDir), m.config);
  const ms = performance.now() - t0;
  console.log(`generated ${m.sourceFiles} files (${m.domains} domains, ${m.lines} lines, ${m.imports} imports) in ${(ms / 1000).toFixed(2)} s -> ${path.resolve(outDir)}`);
  console.log('planted:', JSON.stringify(m.plantedCounts));
}
