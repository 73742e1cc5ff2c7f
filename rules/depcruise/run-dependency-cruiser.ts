import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageNameOf } from '../config/config';
import type { ImportGraph } from '../graph/import-graph';
import type { Finding, Severity } from '../model';

interface Violation {
  from: string;
  to: string;
  rule: { name: string; severity: string };
  cycle?: { name: string }[] | string[];
}

interface CruiseModule {
  cruise(files: string[], options: Record<string, unknown>, resolveOptions?: unknown, transpileOptions?: unknown): Promise<{ output: { summary: { violations: Violation[] } } | string }>;
}

export interface DependencyCruiserRun {
  findings: Finding[];
  /** Why the run did not happen or failed, for the user (untrusted workspace, broken config…). */
  problem?: string;
  /** Set when the problem is the configuration itself (does not load, invalid, unsafe regex): a configuration error, not a notice. */
  configProblem?: boolean;
  ms: number;
}

const SEVERITY: Record<string, Severity | undefined> = { error: 'error', warn: 'warning', info: 'info' };

let queue: Promise<unknown> = Promise.resolve();

/**
 * tsconfig `paths` without a `baseUrl` are resolved by dependency-cruiser's resolver plugin
 * against the process's working directory, whatever `baseDir` says. So each run happens inside
 * the workspace folder, one run at a time (the working directory is process-wide), and the
 * previous directory is restored after.
 */
function inWorkingDirectory<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const run = queue.then(async () => {
    const previous = process.cwd();
    process.chdir(dir);
    try {
      return await work();
    } finally {
      process.chdir(previous);
    }
  });
  queue = run.catch(() => undefined);
  return run;
}

/** dependency-cruiser's folder: the workspace's own installation first, then the one next to us. */
function findDependencyCruiser(root: string): string | undefined {
  for (const start of [root, __dirname]) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, 'node_modules', 'dependency-cruiser');
      if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
      if (path.dirname(dir) === dir) break;
    }
  }
  return undefined;
}

/** Imports one of dependency-cruiser's exported entry points (ESM only) by its export name. */
async function importEntry<T>(dir: string, exportName: string): Promise<T> {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { exports: Record<string, { import: string }> };
  const target = manifest.exports[exportName]?.import;
  if (!target) throw new Error(`this dependency-cruiser has no "${exportName}" entry`);
  // A file of ours, by the path it is built to (see import-module.ts).
  const importModule = require(path.join(__dirname, 'import-module.js')) as (url: string) => Promise<unknown>;
  return (await importModule(pathToFileURL(path.join(dir, target)).href)) as T;
}

/**
 * Runs dependency-cruiser with the workspace's own configuration and reports its violations as
 * `depcruise/<rule name>` findings, located at the import that causes them. Loading a
 * configuration may execute workspace code, so an untrusted workspace gets no run, and says so.
 */
export async function runDependencyCruiser(
  root: string,
  configFile: string,
  trusted: boolean,
  graph: ImportGraph,
  directories: string[],
): Promise<DependencyCruiserRun> {
  const started = performance.now();
  const done = (findings: Finding[], problem?: string, configProblem?: boolean): DependencyCruiserRun => ({
    findings,
    problem,
    ...(configProblem ? { configProblem } : {}),
    ms: performance.now() - started,
  });
  if (!trusted) {
    return done([], `the workspace is not trusted, so its dependency-cruiser configuration (${path.basename(configFile)}) was not loaded: a configuration, and the dependency-cruiser installation it runs with, can execute workspace code`);
  }
  const dir = findDependencyCruiser(root);
  if (!dir) return done([], 'dependency-cruiser is not installed in the workspace (npm install -D dependency-cruiser)');
  try {
    const { cruise } = await importEntry<CruiseModule>(dir, '.');
    const { default: extractOptions } = await importEntry<{ default: (file: string) => Promise<Record<string, unknown>> }>(dir, './config-utl/extract-depcruise-options');
    let options: Record<string, unknown>;
    try {
      options = await extractOptions(configFile);
    } catch (err) {
      return done([], `dependency-cruiser could not load ${path.basename(configFile)}: ${firstLine(err)}`, true);
    }
    // The configuration's paths are relative to the workspace, not to this process's directory.
    const tsConfigFile = (options.tsConfig as { fileName?: string } | undefined)?.fileName;
    let tsConfig: unknown;
    if (tsConfigFile) {
      const absolute = path.resolve(root, tsConfigFile);
      options.tsConfig = { ...(options.tsConfig as object), fileName: absolute };
      const { default: extractTsConfig } = await importEntry<{ default: (file: string) => unknown }>(dir, './config-utl/extract-ts-config');
      tsConfig = extractTsConfig(absolute);
    }
    const result = await inWorkingDirectory(root, () => cruise(directories, { ...options, baseDir: root, outputType: 'json' }, undefined, { tsConfig }));
    const output = typeof result.output === 'string' ? (JSON.parse(result.output) as { summary: { violations: Violation[] } }) : result.output;
    const findings: Finding[] = [];
    const ruleSet = (options.ruleSet ?? {}) as Record<string, { name?: string; comment?: string }[] | undefined>;
    const comments = new Map([...(ruleSet.forbidden ?? []), ...(ruleSet.required ?? []), ...(ruleSet.allowed ?? [])].map((r) => [r.name, r.comment]));
    for (const v of output.summary.violations) {
      const severity = SEVERITY[v.rule.severity];
      if (!severity) continue;
      findings.push(locate(root, graph, v, severity, comments.get(v.rule.name)));
    }
    return done(findings);
  } catch (err) {
    const message = firstLine(err);
    return done([], `dependency-cruiser failed: ${message}`, INVALID_CONFIGURATION.test(message));
  }
}

/** How dependency-cruiser says it refuses a configuration (rule-set/ and options/assert-validity.mjs). */
const INVALID_CONFIGURATION = /unsafe regular expression|will probably run very slowly|supplied configuration is not valid|not a valid output type|Invalid module system|is not a valid (focus )?depth/i;

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0];
}

/** The import in `from` that leads to `to`, or the top of the file for module-level rules. */
function locate(root: string, graph: ImportGraph, v: Violation, severity: Severity, comment: string | undefined): Finding {
  const file = `${root}/${v.from}`;
  const toFile = `${root}/${v.to}`;
  const imp = v.from === v.to ? undefined : graph.importsOf(file).find((i) => (i.target.kind === 'file' ? i.target.file === toFile : packageNameOf(i.specifier) === packageNameOf(v.to.replace(/^.*node_modules\//, ''))));
  return {
    ruleId: `depcruise/${v.rule.name}`,
    severity,
    file,
    range: imp?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    message:
      (v.from === v.to ? `dependency-cruiser rule "${v.rule.name}" is violated by this module` : `dependency-cruiser rule "${v.rule.name}" forbids this dependency on "${v.to}"`) +
      (comment ? `: ${comment.trim().replace(/\.$/, '')}.` : '.'),
    data: { from: v.from, to: v.to, target: v.to },
  };
}
