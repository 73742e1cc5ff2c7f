#!/usr/bin/env node
// Foundations benchmark runner (issue 7).
//
//   node bench/run.mjs [--sizes 1000,5000,7000,20000] [--seed 1] [--reps 1] [--smoke]
//                      [--tools foundations,depcruise,eslint] [--no-peers] [--real rxjs|none]
//                      [--timeout 900] [--eslint-max-files 20000] [--eslint-concurrency off]
//                      [--cache DIR] [--json FILE]
//
// Corpora are generated (or packed and inferred) into a cache outside the repository
// ($FOUNDATIONS_BENCH_CACHE or <os.tmpdir()>/foundations-bench) and reused when present.
// Every tool runs in its own child process, one at a time; wall time is measured around the
// child, peak RSS with /usr/bin/time -v (else by polling /proc/<pid>/status VmHWM).
// Exit code: 0 when every tool that ran worked (findings are fine: `foundations check` exits 1 on
// findings), 1 when a tool failed (our exit 2, a crash, a timeout, a peer that reported none of
// the planted violations), 2 on bad arguments.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { generateMonolith, GENERATOR_VERSION } from './generate-monolith.mjs';
import { writePeerConfigs, countDepcruise, countEslint, countFoundations, REPO_ROOT } from './peers.mjs';
import { prepareRealCorpus } from './real-corpus.mjs';

// ---- arguments ----------------------------------------------------------------------------------
const argv = process.argv.slice(2);
const opt = { sizes: '1000,5000,7000,20000', seed: '1', reps: '1', timeout: '900', real: 'rxjs', tools: 'foundations,depcruise,eslint', 'eslint-max-files': '20000', 'eslint-concurrency': 'off' };
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (!a.startsWith('--')) { console.error(`unexpected argument ${a}`); process.exit(2); }
  const [k, inline] = a.slice(2).split(/=(.*)/s);
  if (['smoke', 'no-peers', 'help'].includes(k)) { opt[k] = true; continue; }
  const v = inline ?? argv[++i];
  if (v === undefined) { console.error(`--${k} needs a value`); process.exit(2); }
  opt[k] = v;
}
if (opt.help) {
  console.log(fs.readFileSync(new URL(import.meta.url), 'utf8').split('\n').slice(1, 17).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
  process.exit(0);
}
if (opt.smoke) { opt.sizes = '1000'; opt.reps = '1'; opt.real = 'none'; }
const sizes = opt.sizes.split(',').filter(Boolean).map(Number);
const seed = Number(opt.seed);
const reps = Math.max(1, Number(opt.reps));
const timeoutMs = Number(opt.timeout) * 1000;
let tools = opt.tools.split(',').map((s) => s.trim()).filter(Boolean);
if (opt['no-peers']) tools = tools.filter((t) => t === 'foundations');
if (sizes.some((n) => !Number.isInteger(n) || n < 40) || !Number.isInteger(seed) || tools.some((t) => !['foundations', 'depcruise', 'eslint'].includes(t))) {
  console.error('bad arguments: --sizes N,N (integers >= 40), --seed integer, --tools foundations,depcruise,eslint');
  process.exit(2);
}
const cacheDir = path.resolve(opt.cache ?? process.env.FOUNDATIONS_BENCH_CACHE ?? path.join(os.tmpdir(), 'foundations-bench'));
if (cacheDir === REPO_ROOT || cacheDir.startsWith(REPO_ROOT + path.sep)) { console.error('the cache must be outside the repository'); process.exit(2); }
fs.mkdirSync(cacheDir, { recursive: true });
const outDir = fs.mkdtempSync(path.join(cacheDir, 'run-'));

const log = (...a) => console.error('[bench]', ...a);
const BIN = {
  foundations: path.join(REPO_ROOT, 'bin', 'foundations.js'),
  depcruise: path.join(REPO_ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs'),
  eslint: path.join(REPO_ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'),
};
const version = (pkg) => { try { return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version; } catch { return '?'; } };
const TOOL_LABEL = {
  foundations: 'foundations',
  depcruise: `dependency-cruiser ${version('dependency-cruiser')}`,
  eslint: `eslint ${version('eslint')} + boundaries ${version('eslint-plugin-boundaries')}`,
};

// ---- measuring one child process ------------------------------------------------------------
const TIME_BIN = (() => {
  try { fs.accessSync('/usr/bin/time', fs.constants.X_OK); } catch { return null; }
  return '/usr/bin/time';
})();

/** Runs `node <args>` in cwd; stdout to stdoutFile. -> { code, seconds, cpuSeconds (user+sys, with /usr/bin/time), rssMB, timedOut, stderr } */
function measure(args, { cwd, stdoutFile }) {
  return new Promise((resolve) => {
    const timeFile = path.join(outDir, `time-${process.hrtime.bigint()}.txt`);
    const cmd = TIME_BIN ?? process.execPath;
    const cmdArgs = TIME_BIN ? ['-v', '-o', timeFile, process.execPath, ...args] : args;
    const out = stdoutFile ? fs.openSync(stdoutFile, 'w') : 'ignore';
    const t0 = performance.now();
    const child = spawn(cmd, cmdArgs, { cwd, stdio: ['ignore', out, 'pipe'], detached: true });
    let stderr = '';
    child.stderr.on('data', (d) => { if (stderr.length < 20000) stderr += d; });
    let hwmKB = 0;
    const poll = TIME_BIN ? null : setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) hwmKB = Math.max(hwmKB, Number(m[1]));
      } catch { /* gone */ }
    }, 25);
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, timeoutMs);
    child.on('close', (code) => {
      const seconds = (performance.now() - t0) / 1000;
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      if (typeof out === 'number') fs.closeSync(out);
      let rssKB = hwmKB;
      let cpuSeconds;
      if (TIME_BIN) {
        try {
          const t = fs.readFileSync(timeFile, 'utf8');
          rssKB = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(t)?.[1] ?? 0);
          cpuSeconds = Number(/User time \(seconds\): ([\d.]+)/.exec(t)?.[1] ?? NaN) + Number(/System time \(seconds\): ([\d.]+)/.exec(t)?.[1] ?? NaN);
          const st = /Exit status: (\d+)/.exec(t);
          if (st) code = Number(st[1]);
        } catch { /* killed before time wrote it */ }
      }
      resolve({ code, seconds, cpuSeconds, rssMB: rssKB / 1024, timedOut, stderr });
    });
  });
}

// ---- the tools ----------------------------------------------------------------------------------
// Each returns { status: 'ok'|'error'|'timeout'|'skipped', seconds, rssMB, findings, byRule, items, note }
const TOOLS = {
  async foundations(corpus, rep) {
    if (!fs.existsSync(BIN.foundations)) return { status: 'skipped', note: 'not built (bin/foundations.js missing: npm run build)' };
    const file = path.join(outDir, `foundations-${corpus.id}-${rep}.json`);
    const r = await measure([BIN.foundations, 'check', corpus.dir, '--format', 'json'], { cwd: corpus.dir, stdoutFile: file });
    if (r.timedOut) return { status: 'timeout', ...r };
    if (r.code !== 0 && r.code !== 1) return { status: 'error', ...r, note: `exit ${r.code}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}` };
    try { return { status: 'ok', ...r, ...countFoundations(fs.readFileSync(file, 'utf8')), raw: file }; } catch (e) { return { status: 'error', ...r, note: `unreadable JSON output: ${e.message}` }; }
  },
  async depcruise(corpus, rep) {
    const file = path.join(outDir, `depcruise-${corpus.id}-${rep}.json`);
    const r = await measure([BIN.depcruise, 'src', '--config', '.bench/dependency-cruiser.cjs', '--output-type', 'json', '--output-to', file], { cwd: corpus.dir });
    if (r.timedOut) return { status: 'timeout', ...r };
    try { return { status: 'ok', ...r, ...countDepcruise(fs.readFileSync(file, 'utf8')), raw: file }; } catch (e) { return { status: 'error', ...r, note: `exit ${r.code}, no JSON (${e.message}): ${r.stderr.trim().split('\n').slice(-3).join(' | ')}` }; }
  },
  async eslint(corpus, rep) {
    if (corpus.files > Number(opt['eslint-max-files'])) return { status: 'skipped', note: `skipped above --eslint-max-files ${opt['eslint-max-files']}` };
    const file = path.join(outDir, `eslint-${corpus.id}-${rep}.json`);
    const args = [BIN.eslint, '-c', '.bench/eslint.config.mjs', '--format', 'json', '-o', file];
    if (opt['eslint-concurrency'] !== 'off') args.push('--concurrency', opt['eslint-concurrency']);
    args.push('src');
    const r = await measure(args, { cwd: corpus.dir });
    if (r.timedOut) return { status: 'timeout', ...r };
    if (r.code !== 0 && r.code !== 1) return { status: 'error', ...r, note: `exit ${r.code}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}` };
    try { return { status: 'ok', ...r, ...countEslint(fs.readFileSync(file, 'utf8')), raw: file }; } catch (e) { return { status: 'error', ...r, note: `unreadable JSON output: ${e.message}` }; }
  },
};

// ---- corpora ------------------------------------------------------------------------------------
function prepareGenerated(n) {
  const dir = path.join(cacheDir, `${n}-${seed}`);
  const mf = path.join(dir, 'bench-manifest.json');
  let manifest = null;
  try { manifest = JSON.parse(fs.readFileSync(mf, 'utf8')); } catch { /* absent */ }
  if (!manifest || manifest.generatorVersion !== GENERATOR_VERSION || manifest.files !== n || manifest.seed !== seed) {
    const t0 = performance.now();
    manifest = generateMonolith(dir, { files: n, seed });
    log(`generated ${n} files in ${((performance.now() - t0) / 1000).toFixed(2)} s -> ${dir}`);
  } else log(`reusing ${dir}`);
  writePeerConfigs(dir, manifest.config);
  return { id: `gen-${n}`, name: `generated ${n / 1000}k`, dir, files: manifest.sourceFiles, manifest, generated: true };
}

function prepareReal(name) {
  try {
    const { dir, manifest } = prepareRealCorpus(name, cacheDir, log);
    writePeerConfigs(dir, manifest.config);
    return { id: `real-${name}`, name: `${name} ${manifest.version}`, dir, files: manifest.sourceFiles, manifest, generated: false };
  } catch (e) {
    log(`real corpus ${name} unavailable: ${e.message.split('\n')[0]}`);
    return null;
  }
}

// ---- planted vs found ---------------------------------------------------------------------------
const PEER_RULES = ['cross-domain-import', 'public-api-bypass'];
/** For generated corpora: how many planted peer-equivalent violations each tool reported at the right place. */
function matchPlanted(corpus, tool, res) {
  if (!corpus.generated || res.status !== 'ok') return null;
  const planted = corpus.manifest.planted.filter((p) => PEER_RULES.includes(p.kind) || p.alsoCrossDomainImport)
    .map((p) => ({ rule: p.alsoCrossDomainImport ? 'cross-domain-import' : p.kind, file: p.file, line: p.line, to: p.to }));
  let found = [];
  if (tool === 'depcruise') {
    const j = JSON.parse(fs.readFileSync(res.raw, 'utf8'));
    found = (j.summary?.violations ?? []).map((v) => ({ rule: v.rule.name, file: v.from, toFile: v.to }));
  } else if (tool === 'eslint') {
    const j = JSON.parse(fs.readFileSync(res.raw, 'utf8'));
    for (const f of j) for (const m of f.messages) {
      const rule = /^([a-z-]+):/.exec(m.message)?.[1];
      if (rule) found.push({ rule, file: path.relative(corpus.dir, f.filePath).split(path.sep).join('/'), line: m.line });
    }
  } else {
    const j = JSON.parse(fs.readFileSync(res.raw, 'utf8'));
    for (const f of Array.isArray(j) ? j : j.findings ?? []) {
      const file = String(f.file ?? f.path ?? f.uri ?? '').replace(/^file:\/\//, '');
      const start = f.range?.start?.line;
      found.push({ rule: f.rule ?? f.ruleId ?? f.code, file: path.isAbsolute(file) ? path.relative(corpus.dir, file).split(path.sep).join('/') : file, line: typeof start === 'number' ? start + 1 : undefined });
    }
  }
  const pool = found.filter((f) => PEER_RULES.includes(f.rule));
  const out = {};
  for (const rule of PEER_RULES) {
    const want = planted.filter((p) => p.rule === rule);
    let matched = 0;
    for (const p of want) {
      const i = pool.findIndex((f) => f.rule === rule && f.file === p.file && (f.line === undefined || f.line === p.line) && (!f.toFile || !p.to || f.toFile.startsWith(`src/${p.to}/`)));
      if (i >= 0) { matched++; pool.splice(i, 1); }
    }
    out[rule] = { planted: want.length, matched, extra: pool.filter((f) => f.rule === rule).length };
  }
  return out;
}

// ---- formatting ---------------------------------------------------------------------------------
const median = (xs) => { const s = xs.slice().sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
function table(columns, rows) {
  const w = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i < 3 ? String(c).padEnd(w[i]) : String(c).padStart(w[i]))).join('  ');
  return [line(columns), w.map((n) => '-'.repeat(n)).join('  '), ...rows.map(line)].join('\n');
}

// ---- main -------------------------------------------------------------------------------------------
const loadAtStart = os.loadavg().map((x) => x.toFixed(2)).join(' ');
const corpora = [];
for (const n of sizes) corpora.push(prepareGenerated(n));
if (opt.real !== 'none') for (const name of opt.real.split(',')) { const c = prepareReal(name); if (c) corpora.push(c); }

const results = []; // { corpus, tool, runs: [...], summary }
let failed = false;

// Section 1: cold whole-workspace check, every tool on every corpus, one process at a time.
for (const corpus of corpora) {
  for (const tool of tools) {
    const runs = [];
    for (let rep = 0; rep < reps; rep++) {
      log(`${corpus.name}: ${TOOL_LABEL[tool]} (run ${rep + 1}/${reps}) ...`);
      const r = await TOOLS[tool](corpus, rep);
      runs.push(r);
      if (r.status !== 'ok') break;
    }
    const ok = runs.filter((r) => r.status === 'ok');
    const last = runs.at(-1);
    const summary = ok.length === runs.length
      ? { status: 'ok', seconds: median(ok.map((r) => r.seconds)), cpuSeconds: median(ok.map((r) => r.cpuSeconds)), rssMB: Math.max(...ok.map((r) => r.rssMB)), findings: last.total, byRule: last.byRule, planted: matchPlanted(corpus, tool, last) }
      : { status: last.status, note: last.note ?? (last.status === 'timeout' ? `timed out after ${opt.timeout} s` : ''), seconds: last.seconds };
    summary.load1 = os.loadavg()[0]; // 1-minute load average right after the runs: > ~1.3 on 2 cores means something else competed
    if (summary.status === 'error' || summary.status === 'timeout') failed = true;
    if (summary.status === 'ok' && tool !== 'foundations' && corpus.generated && PEER_RULES.every((k) => (summary.byRule[k] ?? 0) === 0)) {
      summary.note = 'reported none of the planted violations: its config checks nothing'; failed = true;
    }
    results.push({ corpus: corpus.id, corpusName: corpus.name, files: corpus.files, tool, summary });
    log(`  -> ${summary.status}${summary.seconds !== undefined ? ` ${summary.seconds.toFixed(2)} s` : ''}${summary.rssMB ? `, ${summary.rssMB.toFixed(0)} MB` : ''}${summary.findings !== undefined ? `, ${summary.findings} findings` : ''}${summary.note ? ` (${summary.note})` : ''}`);
  }
}

// >>> SERVER SECTION: the language server as shipped (dist/start-server.js), over a real LSP connection:
// first scan, memory after it, keystroke latency on an unsaved buffer, and a warm start from the
// persisted cache, each corpus measured by bench/server-figures.mjs in a fresh process.
const serverRows = [];
/** About a minute of typing: a p95 of 60 edits was decided by their three slowest. */
const KEYSTROKES = 200;
const JIT_WARMUP_EDITS = 50;
const IDLE_SECONDS = 40;
const serverFigures = []; // { files, coldSeconds, warmSeconds, p50, p95 (round trip), serverP50, serverP95 (in the server), rss, idleRss }
const clientModule = path.join(REPO_ROOT, 'out', 'server', 'test', 'lsp-test-client.js');
if (tools.includes('foundations') && fs.existsSync(clientModule) && fs.existsSync(path.join(REPO_ROOT, 'dist', 'server.js'))) {
  const percentile = (xs, p) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((xs.length * p) / 100) - 1)];
  for (const corpus of corpora.filter((c) => c.generated)) {
    log(`${corpus.name}: language server (first scan, keystrokes, warm start) ...`);
    const measured = await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bench', 'server-figures.mjs'), corpus.dir, '--keystrokes', String(KEYSTROKES), '--idle-seconds', String(opt.smoke ? 0 : IDLE_SECONDS)], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`bench/server-figures.mjs exited with ${code} on ${corpus.name}`))));
    });
    const { coldSeconds, warmSeconds, rss, idleRss, warmRss, latencies, inServer } = measured;
    const p50 = percentile(latencies, 50);
    const p95 = percentile(latencies, 95);
    // The first edits after a scan run code V8 has not optimised yet (the re-check path runs only on edits): shown apart, never left out.
    const warmup = latencies.slice(0, JIT_WARMUP_EDITS);
    const serverP50 = percentile(inServer, 50);
    const serverP95 = percentile(inServer, 95);
    serverFigures.push({ files: corpus.files, coldSeconds, warmSeconds, p50, p95, serverP50, serverP95, rss, idleRss });
    serverRows.push([
      corpus.name, corpus.files, coldSeconds.toFixed(2), warmSeconds.toFixed(2),
      `${serverP50.toFixed(2)} / ${serverP95.toFixed(2)} / ${percentile(inServer, 99).toFixed(2)}`,
      `${p50.toFixed(2)} / ${p95.toFixed(2)} / ${percentile(latencies, 99).toFixed(2)}`,
      `${percentile(warmup, 50).toFixed(2)} / ${percentile(warmup, 95).toFixed(2)}`, rss.toFixed(0), idleRss?.toFixed(0) ?? '—', warmRss.toFixed(0),
    ]);
    log(`  -> first scan ${coldSeconds.toFixed(2)} s, warm ${warmSeconds.toFixed(2)} s, keystroke p50 ${p50.toFixed(2)} ms`);
  }
} else if (tools.includes('foundations')) {
  log('language server: skipped (run `npm run build` first: needs dist/server.js and out/)');
}
// <<< SERVER SECTION

// ---- report -------------------------------------------------------------------------------------
const columns = ['corpus', 'tool', 'status', 'files', 'cold s', 's / 1k files', 'cpu s', 'peak RSS MB', 'findings', 'vs ours', 'load'];
const rows = [];
for (const corpus of corpora) {
  const ours = results.find((r) => r.corpus === corpus.id && r.tool === 'foundations' && r.summary.status === 'ok')?.summary;
  for (const r of results.filter((x) => x.corpus === corpus.id)) {
    const s = r.summary;
    if (s.status !== 'ok') { rows.push([corpus.name, TOOL_LABEL[r.tool], s.status === 'skipped' ? `skipped: ${s.note}` : `${s.status}: ${s.note ?? ''}`, corpus.files, '', '', '', '', '', '', '']); continue; }
    rows.push([
      corpus.name, TOOL_LABEL[r.tool], s.note ? `WARNING: ${s.note}` : 'ok', corpus.files, s.seconds.toFixed(2), ((s.seconds * 1000) / corpus.files).toFixed(2),
      Number.isFinite(s.cpuSeconds) ? s.cpuSeconds.toFixed(2) : '?', s.rssMB ? s.rssMB.toFixed(0) : '?', s.findings,
      ours ? (r.tool === 'foundations' ? '1.0x' : `${(s.seconds / ours.seconds).toFixed(1)}x slower`) : '—',
      s.load1.toFixed(1),
    ]);
  }
}
console.log(`\nCold whole-workspace check (${reps} run${reps > 1 ? 's, median' : ''}; Node ${process.version}, ${os.cpus().length} cores, load average at start ${loadAtStart}; peak RSS via ${TIME_BIN ? '/usr/bin/time -v' : '/proc VmHWM polling'})\n`);
console.log(table(columns, rows));

// What each further 1,000 files cost, between the two largest generated corpora: the start, the
// JIT's warm-up and the listing drop out, leaving how a tool scales.
const generatedSizes = corpora.filter((c) => c.generated).sort((a, b) => a.files - b.files);
if (generatedSizes.length >= 2) {
  const [small, large] = generatedSizes.slice(-2);
  const okSummary = (corpus, tool) => results.find((r) => r.corpus === corpus.id && r.tool === tool && r.summary.status === 'ok')?.summary;
  const perExtraK = (tool, key) => {
    const a = okSummary(small, tool);
    const b = okSummary(large, tool);
    return a && b && Number.isFinite(a[key]) && Number.isFinite(b[key]) ? ((b[key] - a[key]) * 1000) / (large.files - small.files) : undefined;
  };
  const oursPerK = perExtraK('foundations', 'seconds');
  const marginalRows = tools
    .filter((tool) => perExtraK(tool, 'seconds') !== undefined)
    .map((tool) => {
      const wall = perExtraK(tool, 'seconds');
      const cpu = perExtraK(tool, 'cpuSeconds');
      return [TOOL_LABEL[tool], wall.toFixed(2), cpu === undefined ? '?' : cpu.toFixed(2), oursPerK ? (tool === 'foundations' ? '1.0x' : `${(wall / oursPerK).toFixed(1)}x slower`) : '—'];
    });
  if (marginalRows.length > 0) {
    console.log(`\nCost of each further 1,000 files, from ${small.name} to ${large.name} (the difference of the two cold checks; for information, not a target)\n`);
    console.log(table(['tool', 's / extra 1k files', 'cpu s / extra 1k', 'vs ours'], marginalRows));
  }
}

if (serverRows.length > 0) {
  console.log(`\nLanguage server (dist/start-server.js over Node IPC, as the extension starts it; debounce 0): first scan to "ready", warm start from the persisted cache and code cache, ${KEYSTROKES} unsaved edits right after the scan: the re-check in the server (its protocol trace: from the change to the diagnostics sent) and the round trip (change sent → diagnostics received by this client), and the round trip of the first ${JIT_WARMUP_EDITS} edits alone; RSS after the scan\n`);
  console.log(table(['corpus', 'files', 'first scan s', 'warm start s', 'in server p50 / p95 / p99 ms', 'round trip p50 / p95 / p99 ms', `first ${JIT_WARMUP_EDITS} round trip p50 / p95`, 'RSS MB', `RSS idle ${IDLE_SECONDS} s`, 'warm RSS MB'], serverRows));
}

// The targets of issue #7, each next to the figure this run measured for it.
const targetRows = [];
const nearest = (xs, files) => xs.slice().sort((a, b) => Math.abs(a.files - files) - Math.abs(b.files - files))[0];
const verdict = (ok) => (ok ? 'met' : 'NOT met');
for (const corpus of corpora.filter((c) => c.generated)) {
  const byTool = (tool) => results.find((r) => r.corpus === corpus.id && r.tool === tool && r.summary.status === 'ok')?.summary;
  const ours = byTool('foundations');
  if (!ours) continue;
  const perK = (ours.seconds * 1000) / corpus.files;
  targetRows.push([`cold check, ${corpus.files} files`, '<= 0.30 s per 1k files', `${perK.toFixed(2)} s per 1k`, verdict(perK <= 0.3)]);
  for (const [tool, goal] of [['depcruise', 8], ['eslint', 13]]) {
    const peer = byTool(tool);
    if (peer) targetRows.push([`  vs ${TOOL_LABEL[tool]}`, `>= ${goal}x faster`, `${(peer.seconds / ours.seconds).toFixed(1)}x`, verdict(peer.seconds / ours.seconds >= goal)]);
  }
}
const keystrokeAt = nearest(serverFigures, 5000);
if (keystrokeAt) {
  targetRows.push([`keystroke re-check in the server, ${keystrokeAt.files} files (${KEYSTROKES} edits)`, 'p50 <= 2 ms, p95 <= 5 ms', `p50 ${keystrokeAt.serverP50.toFixed(2)}, p95 ${keystrokeAt.serverP95.toFixed(2)} ms`, verdict(keystrokeAt.serverP50 <= 2 && keystrokeAt.serverP95 <= 5)]);
  targetRows.push(['  and the round trip over LSP', 'p50 <= 2 ms, p95 <= 5 ms', `p50 ${keystrokeAt.p50.toFixed(2)}, p95 ${keystrokeAt.p95.toFixed(2)} ms`, verdict(keystrokeAt.p50 <= 2 && keystrokeAt.p95 <= 5)]);
}
const serverAt = nearest(serverFigures, 7000);
if (serverAt) {
  targetRows.push([`server RSS right after the first scan, ${serverAt.files} files`, '<= 250 MB at 7k files', `${serverAt.rss.toFixed(0)} MB`, verdict(serverAt.rss <= 250)]);
  if (serverAt.idleRss !== undefined) targetRows.push([`  and after ${IDLE_SECONDS} s idle`, '<= 250 MB at 7k files', `${serverAt.idleRss.toFixed(0)} MB`, verdict(serverAt.idleRss <= 250)]);
  targetRows.push([`warm start, ${serverAt.files} files`, '<= 0.5 s at 7k files', `${serverAt.warmSeconds.toFixed(2)} s`, verdict(serverAt.warmSeconds <= 0.5)]);
}
if (targetRows.length > 0) {
  console.log('\nTargets (issue #7) against this run\n');
  console.log(table(['target', 'goal', 'measured', ''], targetRows));
}

console.log('\nPeer-equivalent rules: findings vs planted (generated corpora) or expected from the inferred config (real ones)\n');
const prow = [];
for (const r of results) {
  const c = corpora.find((x) => x.id === r.corpus);
  if (r.summary.status !== 'ok') continue;
  for (const rule of PEER_RULES) {
    const found = r.summary.byRule[rule] ?? 0;
    if (r.summary.planted) {
      const v = r.summary.planted[rule];
      prow.push([c.name, TOOL_LABEL[r.tool], rule, found, v.planted, `${v.matched} / ${v.planted}`]);
    } else if (!c.generated) {
      prow.push([c.name, TOOL_LABEL[r.tool], rule, found, `~${c.manifest.expectedPeerFindings?.[rule] ?? 0}`, '—']);
    }
  }
}
console.log(prow.length ? table(['corpus', 'tool', 'rule', 'found', 'planted', 'at the planted place'], prow) : '(no tool ran)');
for (const r of results.filter((x) => x.tool === 'foundations' && x.summary.status === 'ok')) {
  const c = corpora.find((x) => x.id === r.corpus);
  console.log(`\nfoundations on ${c.name}, findings by rule: ${JSON.stringify(r.summary.byRule)}${c.generated ? `\n  planted: ${JSON.stringify(c.manifest.plantedCounts)}` : ''}`);
}

const report = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, loadAtStart, seed, reps, cacheDir, corpora: corpora.map((c) => ({ id: c.id, name: c.name, dir: c.dir, files: c.files, lines: c.manifest.lines })), results };
fs.writeFileSync(path.join(outDir, 'results.json'), JSON.stringify(report, null, 2));
if (opt.json) fs.writeFileSync(path.resolve(opt.json), JSON.stringify(report, null, 2));
console.log(`\nraw outputs and results.json: ${outDir}`);
process.exit(failed ? 1 : 0);
