import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import {
  CONFIG_FILE_NAME,
  type CheckResult,
  type ConfigDiagnostic,
  TOOL_VERSION,
  checkWorkspace,
  Session,
  createNodeHost,
  describeChange,
  exportDependencyCruiserConfig,
  fixAll,
  formatJson,
  formatSarif,
  formatText,
  inferConfig,
  loadConfig,
  normalizePath,
  summarize,
} from '../../rules';

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
  fix [dir]     Apply the preferred fix to every finding of one rule
                --rule <id>                (required) e.g. public-api-bypass
                --dry-run                  print the changes instead of writing them
  export [dir]  Write the boundary rules of foundations.json in another tool's format
                --format dependency-cruiser  (required) a .dependency-cruiser.json equivalent
                --output <file>            write it to a file instead of stdout
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
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`foundations: ${(err as Error).message}\n\n${USAGE}`);
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
    },
  });
  const format = values.format!;
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif, not "${format}"`);
  const failOn = values['fail-on']!;
  if (!['error', 'warning', 'never'].includes(failOn)) throw new UsageError(`--fail-on must be error, warning or never, not "${failOn}"`);
  const dir = workspaceDir(positionals, io);

  const progress = io.interactive
    ? (p: { phase: string; done: number; total: number }) => {
        if (p.phase === 'analyze') io.stderr(`\rfoundations: analysing ${p.done}/${p.total} files…`);
        if (p.phase === 'check' && p.done > 0) io.stderr('\r\u001b[K');
      }
    : undefined;
  const { result } = await checkWorkspace(dir, { host: createNodeHost({ trusted: !values.untrusted }), onProgress: progress });

  const configErrors = result.configDiagnostics.filter((d) => d.severity === 'error');
  if (configErrors.length > 0) {
    const file = path.relative(io.cwd, result.configFile ?? `${dir}/${CONFIG_FILE_NAME}`) || CONFIG_FILE_NAME;
    for (const d of configErrors) io.stderr(`${describeConfigDiagnostic(file, d)}\n`);
    io.stderr(`foundations: ${configErrors.length} error${configErrors.length === 1 ? '' : 's'} in ${file}; fix ${configErrors.length === 1 ? 'it' : 'them'} and run again.\n`);
    return EXIT_USAGE;
  }

  const output = render(result, format, io.interactive && !values.output && !process.env.NO_COLOR);
  if (values.output) fs.writeFileSync(path.resolve(io.cwd, values.output), output);
  else io.stdout(output);
  const summary = summarize(result.findings);
  const reached = failOn === 'never' ? 0 : failOn === 'warning' ? summary.errors + summary.warnings : summary.errors;
  return reached > 0 ? EXIT_FINDINGS : EXIT_OK;
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
  fs.writeFileSync(target, inferred.text);
  io.stderr(
    inferred.domains.length > 0
      ? `foundations: wrote ${path.relative(io.cwd, target) || CONFIG_FILE_NAME} with ${inferred.domains.length} domains (${inferred.domains.join(', ')}); their dependsOn lists what they import today — tighten it.\n`
      : `foundations: wrote ${path.relative(io.cwd, target) || CONFIG_FILE_NAME}, but found no module folders (src/<domain>/…); declare your domains in it.\n`,
  );
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
  const loaded = loadConfig(createNodeHost({ trusted: false }), dir);
  const file = path.relative(io.cwd, `${dir}/${CONFIG_FILE_NAME}`) || CONFIG_FILE_NAME;
  if (!loaded.file) {
    io.stderr(`foundations: ${file} does not exist; run \`foundations init\` first.\n`);
    return EXIT_USAGE;
  }
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
  const session = Session.open(dir, createNodeHost({ trusted: !values.untrusted }));
  await session.scan();
  if (session.configDiagnostics.some((d) => d.severity === 'error')) {
    const file = path.relative(io.cwd, session.configFile ?? `${dir}/${CONFIG_FILE_NAME}`) || CONFIG_FILE_NAME;
    for (const d of session.configDiagnostics) io.stderr(`${describeConfigDiagnostic(file, d)}\n`);
    return EXIT_USAGE;
  }
  if (!session.rules().some((r) => r.id === values.rule)) throw new UsageError(`unknown rule "${values.rule}"`);
  const result = fixAll(session, values.rule);
  const rel = (file: string) => path.posix.relative(session.root, file);
  for (const f of result.fixed) io.stdout(`fixed   ${rel(f.file)}:${f.line}  ${f.title}\n`);
  for (const f of result.skipped) io.stdout(`skipped ${rel(f.file)}:${f.line}  ${f.skipped}\n`);
  if (values['dry-run']) {
    for (const [file, change] of result.files) io.stdout(`\n${describeChange(session.root, file, change.before, change.after)}\n`);
  } else {
    for (const [file, change] of result.files) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, change.after);
    }
  }
  const verb = values['dry-run'] ? 'would change' : 'changed';
  io.stderr(`foundations: ${result.fixed.length} fixed, ${result.skipped.length} left; ${verb} ${result.files.size} file${result.files.size === 1 ? '' : 's'}.\n`);
  return result.skipped.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}
