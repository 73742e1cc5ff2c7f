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

/**
 * Every core's CPU time counters and this process's own CPU time: two samples tell how much of
 * the machine other processes used in between.
 */
export interface CpuSample {
  cores: os.CpuInfo['times'][];
  /** This process's CPU time, all its threads (microseconds). */
  own: NodeJS.CpuUsage;
}

export function sampleCpus(): CpuSample {
  return { cores: os.cpus().map((cpu) => cpu.times), own: process.cpuUsage() };
}

/** The counters tick every 10 ms: a sample of fewer than three ticks per core says nothing. */
const MIN_SAMPLE_MS_PER_CORE = 30;

/**
 * Workers that pay off: one per core that other processes left idle since `since` (taken when the
 * scan began), besides the main thread's. This process's own threads do not count against a core:
 * V8 compiles and collects on the second core during a scan, and a worker still pays on a large
 * one. A worker on a core another process keeps busy only shares it, and its start-up and second
 * warm-up of the parser make the scan slower. The load average lags by a minute and counts what
 * ran before the scan: it decides only when the sample is too short to.
 */
export function defaultParseWorkers(since: CpuSample, now = sampleCpus(), loadAverage = os.loadavg()[0]): number {
  const total = (t: os.CpuInfo['times']) => t.user + t.nice + t.sys + t.idle + t.irq;
  let elapsed = 0;
  let busy = 0;
  now.cores.forEach((t, i) => {
    const before = since.cores[i];
    if (!before) return;
    const spent = total(t) - total(before);
    elapsed += spent;
    busy += spent - (t.idle - before.idle);
  });
  const cores = now.cores.length;
  const own = (now.own.user - since.own.user + now.own.system - since.own.system) / 1000;
  const othersBusyCores = elapsed >= MIN_SAMPLE_MS_PER_CORE * cores ? (Math.max(busy - own, 0) / elapsed) * cores : loadAverage;
  return Math.min(Math.max(Math.round(cores - 1 - othersBusyCores), 0), 7);
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
