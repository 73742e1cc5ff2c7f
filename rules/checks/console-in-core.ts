// A plain require: esbuild's namespace-import getters make every `ts.x` on the hot path a call.
import ts = require('typescript');
import type { Range } from '../model';
import type { FactCollector, FileRule } from './rule';

interface ConsoleCall {
  /** `log`, `error`, … */
  method: string;
  range: Range;
  /** The enclosing function or class member, for the message and a fingerprint that survives line moves. */
  within?: string;
}

/** A logger module may wrap the console: that is the one place it belongs (`logger.ts`, `prettyLogger.ts`, `log.ts`). */
const LOGGER_MODULE = /(^|\/)([^/]*logger[^/]*|logging|log|console)\.[cm]?[jt]sx?$/i;
/** So may a logger's own function or class in any module: its console sink (`prettyLoggerTty`, `ConsoleLogger`). */
const LOGGER_NAME = /logger/i;

export const consoleCalls: FactCollector<ConsoleCall[]> = {
  id: 'console-calls',
  readByOtherFiles: false,
  appliesTo: (m) => !!m.domain && m.layer === 'core' && !m.isTest,
  collect(sf) {
    const calls: ConsoleCall[] = [];
    // Most core files never name the console: no walk for them (a third of the collectors' time in core).
    if (!sf.text.includes('console')) return calls;
    const names: string[] = [];
    const visit = (node: ts.Node): void => {
      const name = nameOf(node);
      if (name) names.push(name);
      if (ts.isCallExpression(node)) {
        const method = consoleMethod(node.expression);
        if (method && !names.some((n) => LOGGER_NAME.test(n))) {
          const start = sf.getLineAndCharacterOfPosition(node.expression.getStart(sf));
          const end = sf.getLineAndCharacterOfPosition(node.expression.getEnd());
          calls.push({ method, range: { start, end }, within: names[names.length - 1] });
        }
      }
      ts.forEachChild(node, visit);
      if (name) names.pop();
    };
    visit(sf);
    return calls;
  },
};

/** `console.log`, `console['warn']`, `globalThis.console.error` → the method name. */
function consoleMethod(callee: ts.Expression): string | undefined {
  let target: ts.Expression;
  let method: string;
  if (ts.isPropertyAccessExpression(callee)) {
    target = callee.expression;
    method = callee.name.text;
  } else if (ts.isElementAccessExpression(callee) && ts.isStringLiteralLike(callee.argumentExpression)) {
    target = callee.expression;
    method = callee.argumentExpression.text;
  } else {
    return undefined;
  }
  if (ts.isIdentifier(target) && target.text === 'console') return method;
  if (ts.isPropertyAccessExpression(target) && target.name.text === 'console' && ts.isIdentifier(target.expression) && /^(globalThis|window|global|self)$/.test(target.expression.text)) {
    return method;
  }
  return undefined;
}

/** The name a function-like node goes by (the tree has no parent pointers: a variable names its initializer). */
function nameOf(node: ts.Node): string | undefined {
  if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) || ts.isMethodDeclaration(node)) && node.name && !ts.isComputedPropertyName(node.name)) {
    return node.name.text;
  }
  if ((ts.isVariableDeclaration(node) || ts.isPropertyAssignment(node)) && ts.isIdentifier(node.name) && node.initializer && (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))) {
    return node.name.text;
  }
  return undefined;
}

export const consoleInCore: FileRule = {
  id: 'console-in-core',
  scope: 'file',
  foundation: 'production-devops',
  defaultSeverity: 'warning',
  description: 'Core code writes to the console instead of a logger.',
  rationale:
    'Basic monitoring and logging are part of deploying safely: when something goes wrong in production, logs are how anyone finds out what happened. `console.log` in the core has no level, no structure, no context (which request, which user) and no destination a team can search or alert on; it is debugging output that shipped. Business code that logs through one logger can be observed, filtered and routed without touching it again.',
  help: "Log through the project's logger (pino, winston… or a small `logger` module of a shared domain) and inject it, or return the information to the caller; keep the console for scripts and the logger itself: a module, function or class whose name contains `logger` (`prettyLogger.ts`, `ConsoleLogger`) is its console sink and is not reported.",
  collectors: [consoleCalls],
  check(ctx) {
    const { domain, layer } = ctx.membership;
    if (!domain || layer !== 'core' || LOGGER_MODULE.test(ctx.file) || /\.d\.[mc]?ts$/.test(ctx.file)) return;
    for (const call of ctx.facts(consoleCalls) ?? []) {
      const where = call.within ? ` in ${call.within}()` : '';
      ctx.report({
        range: call.range,
        message: `console.${call.method}${where} in the core of domain "${domain.name}": log through the project's logger, so the output has a level, structure and a destination.`,
        domains: { from: domain.name },
        layers: { from: layer },
        data: { symbol: `console.${call.method}`, fingerprint: `console.${call.method}${call.within ? ` in ${call.within}` : ''}` },
      });
    }
  },
};
