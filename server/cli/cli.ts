import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import {
  CONFIG_FILE_NAME,
  type CheckResult,
  type ConfigDiagnostic,
  TOOL_VERSION,
  buildDomainGraph,
  checkWorkspace,
  Session,
  createNodeHost,
  describeChange,
  encodeLike,
  exportDependencyCruiserConfig,
  fixAll,
  formatDot,
  formatJson,
  formatMermaid,
  formatSarif,
  formatText,
  holdsOtherThanCache,
  inferConfig,
  loadConfig,
  normalizePath,
  pruneStaleDebt,
  acceptAllAsDebt,
  type NewDebtEntry,
  summarize,
} from '../../rules';
import { isCalendarDate } from '../../protocol/calendar-date';
import { OutsideWorkspaceError, deleteInsideWorkspace, outsideWorkspace, writeInsideWorkspace } from './write-inside';

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Whether stderr is a terminal: progress and colours only then. */
  interactive: boolean;
  cwd: string;
}

/** Exit codes, as PRODUCT.md promises them. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

const USAGE = `Usage: foundations <command> [options]

Commands:
  check [dir]   Check a workspace against its foundations.json
                --format text|json|sarif   output format (default text)
                --fail-on error|warning|never   exit 1 when a finding reaches this severity (default error)
                --output <file>            write the report to a file instead of stdout
                --untrusted                never load JavaScript dependency-cruiser configurations
                --cache <file>             keep parsed facts there; the next run re-parses only changed files
                --concurrency <n>|auto|off  parse on n worker threads besides the main one (default auto: the cores other processes leave idle)
  fix [dir]     Apply the preferred fix to every finding of one rule
                --rule <id>                (required) e.g. public-api-bypass
                --dry-run                  print the changes instead of writing them
  export [dir]  Write the boundary rules of foundations.json in another tool's format
                --format dependency-cruiser  (required) a .dependency-cruiser.json equivalent
                --output <file>            write it to a file instead of stdout
  graph [dir]   Print the domain dependency graph: declared, actual, undeclared (red), cycles (orange)
                --format mermaid|dot       (default mermaid)
                --output <file>            write it to a file instead of stdout
  debt prune [dir]  Remove the entries of the debt register no finding matches any more
                --dry-run                  list them without changing the file
                --untrusted                never load JavaScript dependency-cruiser configurations
  debt accept [dir] Accept every current error and warning as debt: the baseline new code is held to
                --reason <text>            (required) why, recorded in each entry
                --rule <id>                only this rule's findings
                --owner <who>              recorded in each entry, e.g. @platform-team
                --expires <YYYY-MM-DD>     the last day the debt is accepted
                --dry-run                  list them without changing the file
                --untrusted                never load JavaScript dependency-cruiser configurations
  init [dir]    Write a foundations.json inferred from the folder structure
                --force                    overwrite an existing foundations.json
                --stdout                   print it instead of writing it

Options:
  --help, -h    Show this help
  --version     Show the version

Exit codes: 0 nothing reached the threshold, 1 findings reached it, 2 usage or configuration error.
`;

class UsageError extends Error {}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(USAGE);
      return command === undefined ? EXIT_USAGE : EXIT_OK;
    }
    // `foundations check --help` asks for help, as with every CLI; after `--` it is a positional.
    const end = rest.indexOf('--');
    const options = end === -1 ? rest : rest.slice(0, end);
    if (options.includes('--help') || options.includes('-h')) {
      io.stdout(USAGE);
      return EXIT_OK;
    }
    if (command === '--version' || command === '-v') {
      io.stdout(`${TOOL_VERSION}\n`);
      return EXIT_OK;
    }
    switch (command) {
      case 'check':
        return await check(rest, io);
      case 'init':
        return await init(rest, io);
      case 'export':
        return exportConfig(rest, io);
      case 'fix':
        return await fix(rest, io);
      case 'graph':
        return await graph(rest, io);
      case 'debt':
        return await debt(rest, io);
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`foundations: ${(err as Error).message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    if (err instanceof OutsideWorkspaceError) {
      io.stderr(`foundations: refusing to write outside the workspace: ${err.message}; nothing was written.\n`);
      return EXIT_USAGE;
    }
    // A file the command was told to write (or to replace) that the system refuses: a user's mistake, not ours.
    const failure = err as NodeJS.ErrnoException;
    if (failure.syscall && failure.path && failure.code) {
      io.stderr(`foundations: cannot ${failure.syscall} ${failure.path}: ${failure.code}; nothing was written there.\n`);
      return EXIT_USAGE;
    }
    throw err;
  }
}

function workspaceDir(positionals: string[], io: CliIo): string {
  if (positionals.length > 1) throw new UsageError(`expected one directory, got ${positionals.length}`);
  const dir = normalizePath(path.resolve(io.cwd, positionals[0] ?? '.'));
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`"${positionals[0] ?? '.'}" is not a directory`);
  return dir;
}

async function check(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      'fail-on': { type: 'string', default: 'error' },
      output: { type: 'string' },
      untrusted: { type: 'boolean', default: false },
      cache: { type: 'string' },
      concurrency: { type: 'string', default: 'auto' },
    },
  });
  const format = values.format!;
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif, not "${format}"`);
  const failOn = values['fail-on']!;
  if (!['error', 'warning', 'never'].includes(failOn)) throw new UsageError(`--fail-on must be error, warning or never, not "${failOn}"`);
  const concurrency = values.concurrency!;
  if (!/^(auto|off|\d+)$/.test(concurrency) || Number(concurrency) > 64) throw new UsageError(`--concurrency must be a number of workers (at most 64), auto or off, not "${concurrency}"`);
  // Workers asked for by number are started from 1,000 files to parse; `auto` waits for a larger workspace.
  const parallel = concurrency === 'auto' ? {} : concurrency === 'off' ? { workers: 0 } : { workers: Number(concurrency), minFiles: 1000 };
  const dir = workspaceDir(positionals, io);
  // A check with no domains would pass whatever the code does: in CI, a wrong directory must not pass.
  if (reportMissingConfig(dir, io, 'no domains are declared and nothing would be checked')) return EXIT_USAGE;

  const progress = io.interactive
    ? (p: { phase: string; done: number; total: number }) => {
        if (p.phase === 'analyze') io.stderr(`\rfoundations: analysing ${p.done}/${p.total} files…`);
        if (p.phase === 'check' && p.done > 0) io.stderr('\r\u001b[K');
      }
    : undefined;
  const cacheFile = values.cache ? path.resolve(io.cwd, values.cache) : undefined;
  if (cacheFile && holdsOtherThanCache(cacheFile)) throw new UsageError(`--cache ${values.cache} names a file that is not a Foundations cache; name a new file (it is left as it is)`);
  const { result } = await checkWorkspace(dir, { host: createNodeHost({ trusted: !values.untrusted }), onProgress: progress, cacheFile, parallel });

  const configErrors = result.configDiagnostics.filter((d) => d.severity === 'error');
  const configFile = path.relative(io.cwd, result.configFile ?? `${dir}/${CONFIG_FILE_NAME}`) || CONFIG_FILE_NAME;
  if (configErrors.length > 0) {
    for (const d of configErrors) io.stderr(`${describeConfigDiagnostic(configFile, d)}\n`);
    io.stderr(`foundations: ${configErrors.length} error${configErrors.length === 1 ? '' : 's'} in ${configFile}; fix ${configErrors.length === 1 ? 'it' : 'them'} and run again.\n`);
    return EXIT_USAGE;
  }
  // Warnings do not stop the check, but a config that half works must say so.
  for (const d of result.configDiagnostics) io.stderr(`${describeConfigDiagnostic(configFile, d)}\n`);

  const output = render(result, format, io.interactive && !values.output && !process.env.NO_COLOR);
  if (values.output) fs.writeFileSync(path.resolve(io.cwd, values.output), output);
  else io.stdout(output);
  const summary = summarize(result.findings);
  const reached = failOn === 'never' ? 0 : failOn === 'warning' ? summary.errors + summary.warnings : summary.errors;
  return reached > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/**
 * Tells the user the workspace has no foundations.json and what that leaves the command without;
 * true when it is missing. A folder inside a configured workspace is pointed at that workspace.
 */
function reportMissingConfig(dir: string, io: CliIo, consequence: string): boolean {
  const hasConfig = (folder: string) => fs.existsSync(`${folder}/${CONFIG_FILE_NAME}`);
  if (hasConfig(dir)) return false;
  let enclosing: string | undefined;
  for (let folder = dir; !enclosing && folder !== path.posix.dirname(folder); ) {
    folder = path.posix.dirname(folder);
    if (hasConfig(folder)) enclosing = folder;
  }
  const advice = enclosing ? `${path.relative(io.cwd, enclosing) || '.'} has one: run the command on that folder` : 'run `foundations init` first';
  io.stderr(`foundations: ${path.relative(io.cwd, `${dir}/${CONFIG_FILE_NAME}`) || CONFIG_FILE_NAME} does not exist, so ${consequence}; ${advice}.\n`);
  return true;
}

function describeConfigDiagnostic(file: string, d: ConfigDiagnostic): string {
  return `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity}: ${d.message}`;
}

function render(result: CheckResult, format: string, color: boolean): string {
  if (format === 'json') return formatJson(result);
  if (format === 'sarif') return formatSarif(result);
  return formatText(result, { color });
}

async function init(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { force: { type: 'boolean', default: false }, stdout: { type: 'boolean', default: false } },
  });
  const dir = workspaceDir(positionals, io);
  const target = `${dir}/${CONFIG_FILE_NAME}`;
  if (!values.stdout && fs.existsSync(target) && !values.force) {
    io.stderr(`foundations: ${path.relative(io.cwd, target) || CONFIG_FILE_NAME} already exists; use --force to overwrite it.\n`);
    return EXIT_USAGE;
  }
  const inferred = await inferConfig(createNodeHost({ trusted: false }), dir);
  if (values.stdout) {
    io.stdout(inferred.text);
    return EXIT_OK;
  }
  writeInsideWorkspace(dir, target, inferred.text);
  const written = path.relative(io.cwd, target) || CONFIG_FILE_NAME;
  const domains = inferred.domains.length > 0 ? ` with ${inferred.domains.length} domains (${inferred.domains.join(', ')})` : '';
  io.stderr(`foundations: wrote ${written}${domains}. ${inferred.advice}\n`);
  // What a team adopting the tool on an existing code base wants next: today's findings accepted, new ones failing.
  io.stderr(`Next: "foundations check" shows today's findings; "foundations debt accept --reason <why>" accepts them as debt, so CI fails on new ones only.\n`);
  return EXIT_OK;
}

function exportConfig(args: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string' }, output: { type: 'string' } },
  });
  if (values.format !== 'dependency-cruiser') throw new UsageError('export needs --format dependency-cruiser');
  const dir = workspaceDir(positionals, io);
  if (reportMissingConfig(dir, io, 'there are no boundaries to export')) return EXIT_USAGE;
  const loaded = loadConfig(createNodeHost({ trusted: false }), dir);
  const file = path.relative(io.cwd, `${dir}/${CONFIG_FILE_NAME}`) || CONFIG_FILE_NAME;
  if (!loaded.config) {
    for (const d of loaded.diagnostics) io.stderr(`${describeConfigDiagnostic(file, d)}\n`);
    return EXIT_USAGE;
  }
  const config = loaded.config;
  const tsconfig = fs.existsSync(`${dir}/tsconfig.json`) ? 'tsconfig.json' : undefined;
  const exported = exportDependencyCruiserConfig(config, (id, fallback) => config.rules.get(id)?.severity ?? fallback, tsconfig);
  const text = JSON.stringify(exported, null, 2) + '\n';
  if (values.output) fs.writeFileSync(path.resolve(io.cwd, values.output), text);
  else io.stdout(text);
  return EXIT_OK;
}

async function fix(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { rule: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, untrusted: { type: 'boolean', default: false } },
  });
  if (!values.rule) throw new UsageError('fix needs --rule <id>');
  const dir = workspaceDir(positionals, io);
  if (reportMissingConfig(dir, io, 'there are no findings to fix')) return EXIT_USAGE;
  const session = Session.open(dir, createNodeHost({ trusted: !values.untrusted }));
  await session.scan();
  if (session.configDiagnostics.some((d) => d.severity === 'error')) {
    const file = path.relative(io.cwd, session.configFile ?? `${dir}/${CONFIG_FILE_NAME}`) || CONFIG_FILE_NAME;
    for (const d of session.configDiagnostics) io.stderr(`${describeConfigDiagnostic(file, d)}\n`);
    return EXIT_USAGE;
  }
  if (!session.rules().some((r) => r.id === values.rule)) throw new UsageError(`unknown rule "${values.rule}"`);
  const result = fixAll(session, values.rule);
  // Written before anything is listed as fixed: a refused write must not leave "fixed" lines on stdout.
  if (!values['dry-run']) {
    // All or nothing: a file that would be written through a link out of the workspace stops every write.
    for (const file of result.files.keys()) {
      const problem = outsideWorkspace(session.root, file);
      if (problem) throw new OutsideWorkspaceError(problem);
    }
    for (const [file, change] of result.files) {
      if (change.after === undefined) deleteInsideWorkspace(session.root, file);
      else writeInsideWorkspace(session.root, file, inEncodingOf(file, change.after));
    }
  }
  const rel = (file: string) => path.posix.relative(session.root, file);
  for (const f of result.fixed) io.stdout(`fixed   ${rel(f.file)}:${f.line}  ${f.title}\n`);
  for (const f of result.skipped) io.stdout(`skipped ${rel(f.file)}:${f.line}  ${f.skipped}\n`);
  if (values['dry-run']) {
    for (const [file, change] of result.files) io.stdout(`\n${describeChange(session.root, file, change.before, change.after)}\n`);
  }
  const verb = values['dry-run'] ? 'would change' : 'changed';
  io.stderr(`foundations: ${result.fixed.length} fixed, ${result.skipped.length} left; ${verb} ${result.files.size} file${result.files.size === 1 ? '' : 's'}.\n`);
  return result.skipped.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** The engine reads text without its byte order mark, decoded (host.ts): a file keeps its encoding and mark when written back. */
function inEncodingOf(file: string, text: string): Buffer {
  let original: Buffer | undefined;
  try {
    original = fs.readFileSync(file);
  } catch {
    // a new file: UTF-8
  }
  return encodeLike(original, text);
}

/** A scanned session, or the configuration errors on stderr (exit 2). */
async function scannedSession(dir: string, io: CliIo, trusted: boolean): Promise<Session | undefined> {
  const session = Session.open(dir, createNodeHost({ trusted }));
  await session.scan();
  if (session.configDiagnostics.some((d) => d.severity === 'error')) {
    const file = path.relative(io.cwd, session.configFile ?? `${dir}/${CONFIG_FILE_NAME}`) || CONFIG_FILE_NAME;
    for (const d of session.configDiagnostics.filter((x) => x.severity === 'error')) io.stderr(`${describeConfigDiagnostic(file, d)}\n`);
    return undefined;
  }
  return session;
}

async function graph(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'mermaid' }, output: { type: 'string' } },
  });
  const format = values.format!;
  if (!['mermaid', 'dot'].includes(format)) throw new UsageError(`--format must be mermaid or dot, not "${format}"`);
  const dir = workspaceDir(positionals, io);
  if (reportMissingConfig(dir, io, 'there are no domains to draw')) return EXIT_USAGE;
  const session = await scannedSession(dir, io, false);
  if (!session) return EXIT_USAGE;
  const domainGraph = buildDomainGraph(session);
  const title = path.basename(dir);
  const text = format === 'dot' ? formatDot(domainGraph, title) : formatMermaid(domainGraph, title);
  if (values.output) fs.writeFileSync(path.resolve(io.cwd, values.output), text);
  else io.stdout(text);
  return EXIT_OK;
}

const DEBT_FLAGS = { 'dry-run': { type: 'boolean', default: false }, untrusted: { type: 'boolean', default: false } } as const;
const ACCEPT_FLAGS = { ...DEBT_FLAGS, reason: { type: 'string' }, rule: { type: 'string' }, owner: { type: 'string' }, expires: { type: 'string' } } as const;
type AcceptFlags = { reason?: string; rule?: string; owner?: string; expires?: string };

async function debt(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'prune' && sub !== 'accept') throw new UsageError(sub === undefined ? 'debt needs a subcommand: prune or accept' : `unknown debt subcommand "${sub}"`);
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: sub === 'accept' ? ACCEPT_FLAGS : DEBT_FLAGS });
  const accept = sub === 'accept' ? acceptOptions(values as AcceptFlags) : undefined;
  const dir = workspaceDir(positionals, io);
  const session = await scannedSession(dir, io, !values.untrusted);
  if (!session) return EXIT_USAGE;
  const register = path.relative(io.cwd, session.debtRegister.file) || session.config.debt;
  const invalid = session.debtRegister.diagnostics.filter((d) => d.severity === 'error');
  if (invalid.length > 0) {
    for (const d of invalid) io.stderr(`${describeConfigDiagnostic(register, d)}\n`);
    io.stderr(`foundations: fix ${register} first; nothing was ${sub === 'prune' ? 'pruned' : 'accepted'}.\n`);
    return EXIT_USAGE;
  }
  // Entries of the workspace's own dependency-cruiser rules are only judged when those rules ran.
  if (session.config.dependencyCruiser) await session.runDependencyCruiser();
  return accept ? acceptDebt(session, accept, register, values['dry-run'], io) : pruneDebt(session, register, values['dry-run'], io);
}

function pruneDebt(session: Session, register: string, dryRun: boolean, io: CliIo): number {
  if (!session.debtRegister.exists) {
    io.stderr(`foundations: no debt register (${register}); nothing to prune.\n`);
    return EXIT_OK;
  }
  const skipDepcruise = !!session.dependencyCruiserProblem;
  const stale = session.staleDebt().filter((e) => !(skipDepcruise && e.rule.startsWith('depcruise/')));
  if (stale.length === 0) {
    io.stderr(`foundations: every entry of ${register} still matches a finding; nothing to prune.\n`);
    return EXIT_OK;
  }
  if (!dryRun) {
    const change = pruneStaleDebt(session, stale);
    if (change) writeInsideWorkspace(session.root, session.debtRegister.file, inEncodingOf(session.debtRegister.file, change.text));
  }
  for (const e of stale) io.stdout(`${dryRun ? 'stale  ' : 'removed'} ${e.rule} ${e.file} (${e.fingerprint}) — ${e.reason}\n`);
  io.stderr(`foundations: ${dryRun ? 'would remove' : 'removed'} ${stale.length} stale entr${stale.length === 1 ? 'y' : 'ies'} from ${register}.\n`);
  return EXIT_OK;
}

interface AcceptOptions {
  rule?: string;
  entry: NewDebtEntry;
}

function acceptOptions(values: AcceptFlags): AcceptOptions {
  if (!values.reason?.trim()) throw new UsageError('debt accept needs --reason <text>: technical debt is a decision, and the reason is the decision written down');
  if (values.expires !== undefined && !isCalendarDate(values.expires)) throw new UsageError(`--expires "${values.expires}" is not a day that exists (YYYY-MM-DD)`);
  return { rule: values.rule, entry: { reason: values.reason, ...(values.owner ? { owner: values.owner } : {}), ...(values.expires ? { expires: values.expires } : {}) } };
}

/** Errors and warnings no entry matches yet (an expired entry stays the team's to decide on), as entries of the register. */
function acceptDebt(session: Session, options: AcceptOptions, register: string, dryRun: boolean, io: CliIo): number {
  if (options.rule && !session.rules().some((r) => r.id === options.rule)) throw new UsageError(`unknown rule "${options.rule}"`);
  const open = session
    .findings()
    .filter((f) => !f.data?.debt && (f.severity === 'error' || f.severity === 'warning') && (!options.rule || f.ruleId === options.rule));
  if (open.length === 0) {
    io.stderr(`foundations: no error or warning to accept${options.rule ? ` for ${options.rule}` : ''}; ${register} is unchanged.\n`);
    return EXIT_OK;
  }
  if (!dryRun) {
    const change = acceptAllAsDebt(session, open, options.entry);
    writeInsideWorkspace(session.root, change.file, inEncodingOf(change.file, change.text));
  }
  const rel = (file: string) => path.posix.relative(session.root, file);
  for (const f of open) io.stdout(`${dryRun ? 'would accept' : 'accepted'} ${f.ruleId} ${rel(f.file)}:${f.range.start.line + 1} — ${f.message}\n`);
  io.stderr(`foundations: ${dryRun ? 'would accept' : 'accepted'} ${open.length} finding${open.length === 1 ? '' : 's'} as debt in ${register}.\n`);
  return EXIT_OK;
}
