import type { Evidence, ProjectCheck } from './project-check';
import { MAX_EVIDENCE, lineOf } from './project-check';

/** Logging libraries (and logging back ends of frameworks) a project may depend on. */
const LOGGER_PACKAGES = [
  'pino',
  'winston',
  'bunyan',
  'log4js',
  'loglevel',
  'signale',
  'consola',
  'tslog',
  'roarr',
  'npmlog',
  'electron-log',
  '@logtape/logtape',
  '@opentelemetry/api-logs',
  '@aws-lambda-powertools/logger',
  '@google-cloud/logging',
  '@google-cloud/logging-winston',
  '@azure/monitor-opentelemetry',
  '@datadog/browser-logs',
  'nestjs-pino',
];
const LOGGER_PREFIX = /^(pino|winston|@pinojs|@logtape)[-/]/;

/** A project's own logger module (it may wrap a library, or the console, in one place)… */
const LOGGER_MODULE = /(^|\/)(logger|logging|log)\.[cm]?[jt]sx?$/;
/** …that exports a logger. */
const EXPORTS_LOGGER = /\bexport\s+(?:default\s+)?(?:const|let|function|class|async\s+function)\s+(?:log|logger|Logger|createLogger|getLogger)\b|\bexport\s*\{[^}]*\b(?:log|logger|Logger|createLogger|getLogger)\b/;

export const logging: ProjectCheck = {
  id: 'logging',
  foundation: 'production-devops',
  title: 'Logging through a logger',
  rationale:
    'Basic monitoring and logging: when production misbehaves, logs are how anyone finds out what happened. A logger gives every line a level, structure and a destination that can be searched and alerted on; bare `console.*` calls in business code give none of that, and are the first thing postponed observability leaves behind.',
  help: 'Depend on a logger (pino, winston…) or write one `logger` module, use it in the core instead of `console.*` (the `console-in-core` findings say where), and ship its output somewhere searchable.',
  run(ctx) {
    const pkg = ctx.packageJson();
    const evidence: Evidence[] = [];
    const dependency = pkg && Object.keys(pkg.dependencies).find((d) => LOGGER_PACKAGES.includes(d) || LOGGER_PREFIX.test(d));
    if (dependency && pkg) evidence.push({ file: pkg.file, line: lineOf(pkg.text, `"${dependency}"`), note: `depends on the logger ${dependency}` });
    const module = ctx.sourceFiles
      .map((f) => ctx.relative(f))
      .find((f) => LOGGER_MODULE.test(f) && ctx.model.membership(`${ctx.root}/${f}`).domain && EXPORTS_LOGGER.test(ctx.read(f) ?? ''));
    if (module) evidence.push({ file: module, note: 'the project’s logger module' });
    const consoleFindings = ctx.findings.filter((f) => f.ruleId === 'console-in-core' && f.severity !== 'info');
    const domainFiles = ctx.sourceFiles.filter((f) => ctx.model.membership(f).domain);

    if (domainFiles.length === 0 && !pkg) {
      return { status: 'not-applicable', summary: 'No domain has source code yet: there is nothing to log.', evidence: [] };
    }
    const consoleEvidence: Evidence[] = [];
    for (const f of consoleFindings) {
      const file = ctx.relative(f.file);
      if (consoleEvidence.some((e) => e.file === file)) continue;
      const count = consoleFindings.filter((x) => x.file === f.file).length;
      consoleEvidence.push({ file, line: f.range.start.line, note: `${count} console call${count === 1 ? '' : 's'} in core code (console-in-core)` });
    }
    if (evidence.length === 0) {
      const why = consoleFindings.length > 0 ? `, and core code logs with console.* (${consoleFindings.length} call${consoleFindings.length === 1 ? '' : 's'})` : '';
      return {
        status: 'fail',
        summary: `No logger: neither a logging library in package.json nor a logger module${why}.`,
        evidence: [...(pkg ? [{ file: pkg.file, note: 'no logging library among the dependencies' }] : []), ...consoleEvidence].slice(0, MAX_EVIDENCE),
      };
    }
    if (consoleFindings.length > 0) {
      return {
        status: 'fail',
        summary: `A logger exists (${dependency ?? module}), but core code still logs with console.* in ${consoleEvidence.length} file${consoleEvidence.length === 1 ? '' : 's'}.`,
        evidence: [...evidence, ...consoleEvidence].slice(0, MAX_EVIDENCE),
      };
    }
    return { status: 'pass', summary: `Logging goes through ${dependency ?? module}, and no core code writes to the console.`, evidence };
  },
};
