#!/usr/bin/env node
// The language server's figures on one generated corpus (issue 7), measured by a fresh client.
//
//   node bench/server-figures.mjs <corpus dir> [--keystrokes 200] [--idle-seconds 40]
//
// Starts dist/start-server.js as the extension does (over Node IPC, V8's code cache and the facts
// cache in a fresh storage folder, the extension's flags and environment) through the test client
// of server/test (compiled by `npm run build`), and prints one JSON object: the first scan and
// the warm start (seconds from spawn to "ready"), RSS at ready and after idling, and each edit's
// latency, in the server (its protocol trace) and over the connection. bench/run.mjs runs it in a
// process of its own per corpus: the client's own garbage collections count in every round trip,
// and the runner's heap (every tool's report it has read) would slow them down.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { REPO_ROOT } from './peers.mjs';

const args = process.argv.slice(2);
const dir = args[0];
const flag = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const KEYSTROKES = flag('--keystrokes', 200);
const IDLE_SECONDS = flag('--idle-seconds', 40);

const { LspTestClient } = createRequire(import.meta.url)(path.join(REPO_ROOT, 'out', 'server', 'test', 'lsp-test-client.js'));
const rssMB = (pid) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** Resident memory after IDLE_SECONDS without a request, the lowest seen on the way. */
async function settledRss(pid) {
  let lowest = Infinity;
  for (let s = 0; s < IDLE_SECONDS; s++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    lowest = Math.min(lowest, rssMB(pid));
  }
  return lowest;
}

/** Spawn to "ready", in seconds, and the client (still running). */
async function start(started) {
  const t0 = performance.now();
  const client = await LspTestClient.start(dir, started);
  await client.ready();
  return { client, seconds: (performance.now() - t0) / 1000 };
}

const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'bench-manifest.json'), 'utf8'));
const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'foundations-bench-storage-'));
try {
  // With the protocol trace on, the server says what each re-check cost it (the transport excluded).
  const started = { settings: { debounceMs: 0 }, storagePath: storage, codeCache: path.join(storage, 'code-cache'), trace: 'messages' };
  const first = await start(started);
  const client = first.client;
  const rss = rssMB(client.process.pid);
  // Keystrokes: delete and restore the line of a planted cross-domain import, unsaved.
  const plant = manifest.planted.find((p) => p.kind === 'cross-domain-import');
  const original = fs.readFileSync(path.join(dir, plant.file), 'utf8');
  const lines = original.split('\n');
  const without = [...lines.slice(0, plant.line - 1), '', ...lines.slice(plant.line)].join('\n');
  client.open(plant.file, original);
  await client.waitFor(() => client.codes(plant.file).includes('cross-domain-import'), 'the planted finding', 60000);
  const latencies = [];
  const inServer = [];
  for (let i = 0; i < KEYSTROKES; i++) {
    const adding = i % 2 === 1;
    const sent = performance.now();
    client.change(plant.file, adding ? original : without);
    await client.waitFor(() => {
      const entry = client.diagnostics.get(client.uri(plant.file));
      return entry && entry.at > sent && client.codes(plant.file).includes('cross-domain-import') === adding;
    }, 'the re-check', 60000);
    latencies.push(client.diagnostics.get(client.uri(plant.file)).at - sent);
    // The trace line follows the diagnostics on the same channel.
    const traced = await client.waitFor(() => client.notifications.findLast((n) => n.method === '$/logTrace' && n.at > sent && n.params.message.startsWith('re-checked')), 'the trace of the re-check', 60000);
    inServer.push(Number(/ in ([\d.]+) ms/.exec(traced.params.message)[1]));
  }
  // V8 gives back what a scan used only once the server has been idle a while (its memory reducer):
  // resident memory then, next to the figure right after the scan.
  const idleRss = IDLE_SECONDS > 0 ? await settledRss(client.process.pid) : undefined;
  await client.stop();
  // Warm start: a new server, same storage, nothing changed on disk.
  const warm = await start(started);
  const warmRss = rssMB(warm.client.process.pid);
  await warm.client.stop();
  console.log(JSON.stringify({ coldSeconds: first.seconds, warmSeconds: warm.seconds, rss, idleRss, warmRss, latencies, inServer }));
} finally {
  fs.rmSync(storage, { recursive: true, force: true });
}
