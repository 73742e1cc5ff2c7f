// Real codebases for the benchmark: TypeScript sources that ship inside npm packages.
// `npm pack <spec>` into the cache, copy the package's src/ into <cache>/real/<name>-<version>/src,
// write a tsconfig.json, and infer a foundations.json:
//   domains   = the folders under the package's "internal" folder (src/internal/* for rxjs) plus
//               the other top-level folders of src/ (rxjs: its entry points ajax/, fetch/, ...);
//               files directly in src/ or src/internal/ belong to no domain;
//   publicApi = ["index.ts"] when the folder has one, else "*";
//   dependsOn = the domain graph actually found in the imports, made acyclic: domains are ordered
//               with the Eades–Lin–Smyth feedback-arc heuristic (weights = import counts) and only
//               edges that go forward in that order are declared, so the imports along the few
//               dropped back-edges are cross-domain-import findings (the peers see the same config).

import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

export const REAL_CORPORA = {
  rxjs: { spec: 'rxjs@7', internal: 'internal' },
  effect: { spec: 'effect@3', internal: 'internal' },
};

function listTs(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) { if (e.name !== 'node_modules' && e.name !== '__tests__') listTs(p, out); }
    else if (/\.(ts|tsx|mts|cts)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Returns { dir, manifest } or throws with a clear message. */
export function prepareRealCorpus(name, cacheDir, log = () => {}) {
  const def = REAL_CORPORA[name];
  if (!def) throw new Error(`unknown real corpus "${name}" (known: ${Object.keys(REAL_CORPORA).join(', ')})`);
  const realRoot = path.join(cacheDir, 'real');
  fs.mkdirSync(realRoot, { recursive: true });
  const existing = fs.readdirSync(realRoot).filter((d) => d.startsWith(`${name}-`) && fs.existsSync(path.join(realRoot, d, 'bench-manifest.json')));
  if (existing.length) {
    const dir = path.join(realRoot, existing.sort().at(-1));
    return { dir, manifest: JSON.parse(fs.readFileSync(path.join(dir, 'bench-manifest.json'), 'utf8')) };
  }
  const pkgs = path.join(cacheDir, 'pkgs');
  fs.mkdirSync(pkgs, { recursive: true });
  log(`npm pack ${def.spec} ...`);
  const packed = JSON.parse(execFileSync('npm', ['pack', def.spec, '--json', '--pack-destination', pkgs], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
  const { filename, version } = packed[0];
  const tgz = path.join(pkgs, path.basename(filename));
  const extract = path.join(pkgs, `${name}-${version}`);
  fs.rmSync(extract, { recursive: true, force: true });
  fs.mkdirSync(extract, { recursive: true });
  execFileSync('tar', ['xzf', tgz, '-C', extract]);
  const srcIn = path.join(extract, 'package', 'src');
  if (!fs.existsSync(srcIn) || listTs(srcIn).length < 50) throw new Error(`${def.spec} does not ship TypeScript sources under src/`);

  const dir = path.join(realRoot, `${name}-${version}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.cpSync(srcIn, path.join(dir, 'src'), { recursive: true });
  const config = inferConfig(dir, def.internal);
  const expected = config.__expected;
  delete config.__expected;
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', lib: ['ES2022', 'DOM'], strict: true, noEmit: true, skipLibCheck: true },
    include: ['src'],
  }, null, 2) + '\n');
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: `bench-real-${name}`, version, private: true }, null, 2) + '\n');
  const files = listTs(path.join(dir, 'src'));
  const manifest = {
    generator: 'bench/real-corpus.mjs', real: name, spec: def.spec, version, sourceFiles: files.length,
    lines: files.reduce((a, f) => a + fs.readFileSync(f, 'utf8').split('\n').length, 0),
    domains: Object.keys(config.domains).length, config,
    // import statements along the dropped back-edges (relative imports, regex scan): ESLint reports
    // one finding per statement, dependency-cruiser one per (file, target file) pair
    expectedPeerFindings: expected,
  };
  fs.writeFileSync(path.join(dir, 'foundations.json'), `// Inferred by bench/real-corpus.mjs from ${def.spec} (${version}); see that file for how.\n${JSON.stringify(config, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'bench-manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return { dir, manifest };
}

const IMPORT_RE = /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;(=])import\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|[\s;])import\s*['"]([^'"]+)['"]/gm;

function resolveRel(fromFile, spec) {
  const base = path.resolve(path.dirname(fromFile), spec.replace(/\.js$/, ''));
  for (const c of [base + '.ts', base + '.tsx', path.join(base, 'index.ts'), base]) if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  return null;
}

function inferConfig(dir, internalName) {
  const src = path.join(dir, 'src');
  const domains = {};
  const add = (name, rel) => {
    const abs = path.join(dir, rel);
    if (!listTs(abs).length) return;
    let n = name;
    if (domains[n]) n = `${name}-api`;
    domains[n] = { path: rel, publicApi: fs.existsSync(path.join(abs, 'index.ts')) ? ['index.ts'] : '*', dependsOn: [] };
  };
  const internal = path.join(src, internalName);
  if (fs.existsSync(internal)) for (const e of fs.readdirSync(internal, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) if (e.isDirectory()) add(e.name, `src/${internalName}/${e.name}`);
  for (const e of fs.readdirSync(src, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) if (e.isDirectory() && e.name !== internalName) add(e.name, `src/${e.name}`);

  const names = Object.keys(domains);
  const domainOf = (abs) => {
    const rel = path.relative(dir, abs).split(path.sep).join('/');
    return names.find((n) => rel.startsWith(domains[n].path + '/')) ?? null;
  };
  // weighted domain graph from the actual imports
  const w = new Map(); // "a\0b" -> count
  for (const f of listTs(src)) {
    const from = domainOf(f);
    if (!from) continue;
    const text = fs.readFileSync(f, 'utf8');
    for (const m of text.matchAll(IMPORT_RE)) {
      const spec = m[1] ?? m[2] ?? m[3];
      if (!spec.startsWith('.')) continue;
      const r = resolveRel(f, spec);
      const to = r && domainOf(r);
      if (to && to !== from) w.set(`${from}\0${to}`, (w.get(`${from}\0${to}`) ?? 0) + 1);
    }
  }
  // Eades–Lin–Smyth ordering
  const remaining = new Set(names);
  const s1 = [], s2 = [];
  const wIn = (v) => [...remaining].reduce((a, u) => a + (w.get(`${u}\0${v}`) ?? 0), 0);
  const wOut = (v) => [...remaining].reduce((a, u) => a + (w.get(`${v}\0${u}`) ?? 0), 0);
  while (remaining.size) {
    let changed = true;
    while (changed) {
      changed = false;
      for (const v of [...remaining]) if (wOut(v) === 0) { s2.unshift(v); remaining.delete(v); changed = true; }
      for (const v of [...remaining]) if (wIn(v) === 0) { s1.push(v); remaining.delete(v); changed = true; }
    }
    if (!remaining.size) break;
    const v = [...remaining].sort((a, b) => (wOut(b) - wIn(b)) - (wOut(a) - wIn(a)) || a.localeCompare(b))[0];
    s1.push(v); remaining.delete(v);
  }
  const order = [...s1, ...s2];
  const pos = new Map(order.map((n, i) => [n, i]));
  let dropped = 0;
  for (const [k, n] of w) {
    const [a, b] = k.split('\0');
    if (pos.get(a) < pos.get(b)) domains[a].dependsOn.push(b);
    else dropped += n;
  }
  for (const d of Object.values(domains)) d.dependsOn.sort();
  return { domains, __expected: { 'cross-domain-import': dropped } };
}
