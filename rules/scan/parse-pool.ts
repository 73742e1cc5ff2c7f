import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ParsedFile } from './parse-file';

export interface ParseJob {
  file: string;
  text: string;
  /** Ids of the collectors whose facts the file needs. */
  collectors: string[];
}

export interface ParseRequest {
  id: number;
  jobs: ParseJob[];
}

export type ParseResponse = { id: number; results: ParsedFile[] } | { id: number; error: string };

/** The worker script sits next to this module, in the compiled tree and in the bundle alike. */
const WORKER_SCRIPT = path.join(__dirname, 'parse-worker.js');

/** Every core's CPU time counters: two samples tell how many cores were idle in between. */
export type CpuSample = os.CpuInfo['times'][];

export function sampleCpus(): CpuSample {
  return os.cpus().map((cpu) => cpu.times);
}

/**
 * Workers that pay off: the cores that stayed idle since `since` (taken when the scan began, so
 * the main thread's own work counts as busy). A worker on a core another process keeps busy only
 * shares it with the main thread, and its start-up and a second warm-up of the parser make the
 * scan slower, not faster. The load average would say so too late: it lags by a minute.
 */
export function defaultParseWorkers(since: CpuSample): number {
  const now = sampleCpus();
  const total = (t: os.CpuInfo['times']) => t.user + t.nice + t.sys + t.idle + t.irq;
  let idle = 0;
  let elapsed = 0;
  now.forEach((t, i) => {
    const before = since[i];
    if (!before) return;
    elapsed += total(t) - total(before);
    idle += t.idle - before.idle;
  });
  const cores = now.length;
  // Counters tick every 10 ms: under a few ticks per core the sample says nothing; trust the load average then.
  const idleCores = elapsed >= 30 * cores ? (idle / elapsed) * cores : cores - 1 - os.loadavg()[0];
  return Math.min(Math.max(Math.round(idleCores), 0), 7);
}

/** One parse worker: requests are answered in the order they were sent. */
export class ParseWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (r: ParsedFile[]) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private failure: Error | undefined;

  constructor(script: string) {
    this.worker = new Worker(script);
    // A CLI run must not wait for an idle worker to exit.
    this.worker.unref();
    this.worker.on('message', (response: ParseResponse) => {
      const pending = this.pending.get(response.id);
      if (!pending) return;
      this.pending.delete(response.id);
      if ('error' in response) pending.reject(new Error(response.error));
      else pending.resolve(response.results);
    });
    const fail = (err: Error) => {
      this.failure ??= err;
      for (const pending of this.pending.values()) pending.reject(err);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`the parse worker exited (code ${code})`)));
  }

  parse(jobs: ParseJob[]): Promise<ParsedFile[]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, jobs } satisfies ParseRequest);
    });
  }

  close(): void {
    void this.worker.terminate();
  }
}

/** Starts `count` parse workers; none when the worker script is not there (a bundle that left it out). */
export function startParseWorkers(count: number, script = WORKER_SCRIPT): ParseWorker[] {
  if (count <= 0 || !fs.existsSync(script)) return [];
  return Array.from({ length: count }, () => new ParseWorker(script));
}
