// A plain require: the namespace import's getters cost a quarter of the walk's time on hot paths.
import ts = require('typescript');
import type { FactCollector } from '../checks/rule';
import { withParents } from './parent-pointers';
import type { Range } from '../model';
import { isNonDomainName, isPresentationCallee, isPresentationName, isTextName } from './identifier-vocabulary';

/**
 * Evidence of business logic, per named function: each signal is one expression that decides or
 * calculates something about domain data with a business constant (a rate, a threshold, an amount,
 * a state). Presentation (formatting, layout, CSS), transport (retries, status codes, paging) and
 * input validation are recognised by what their values feed and are never counted.
 */
export type SignalKind = 'rate' | 'threshold' | 'branch' | 'eligibility' | 'transition' | 'amount' | 'cap';

export interface LogicSignal {
  kind: SignalKind;
  weight: number;
  /** What fired, for the user: "applies rate 0.05 to subtotalCents". */
  detail: string;
  /** 1-based line. */
  line: number;
  /** The domain values involved (names as written). */
  subjects: string[];
}

export interface FunctionLogic {
  /** `name`, `Class.method`, or `object.method`. */
  name: string;
  /** The function's name (where a finding goes). */
  range: Range;
  signals: LogicSignal[];
}

export interface LogicFacts {
  functions: FunctionLogic[];
}

/** Weights of each kind and the most one kind can add, so no single habit decides alone. */
export const SIGNAL_WEIGHTS: Record<SignalKind, { weight: number; cap: number }> = {
  rate: { weight: 2, cap: 4 },
  threshold: { weight: 1.5, cap: 4.5 },
  branch: { weight: 1, cap: 3 },
  eligibility: { weight: 2, cap: 4 },
  transition: { weight: 2, cap: 2 },
  amount: { weight: 1, cap: 2 },
  cap: { weight: 1, cap: 2 },
};

/** Unit conversions (percent, milliseconds, minutes, days…): scaling by these computes nothing. */
const CONVERSIONS = new Set([0, 1, -1, 10, 100, 1000, 60, 24, 7, 12, 30, 365, 3600, 86400, 60000, 3600000, 86400000, 604800000, 1e6]);
/** In a comparison only these are trivial: "is there any", "is it empty". */
const TRIVIAL_BOUNDS = new Set([0, 1, -1]);
const RELATIONAL = new Set([ts.SyntaxKind.LessThanToken, ts.SyntaxKind.LessThanEqualsToken, ts.SyntaxKind.GreaterThanToken, ts.SyntaxKind.GreaterThanEqualsToken]);
const EQUALITY = new Set([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken]);
/** Properties that tag the variant of a tagged union. */
const TAG_KEYS = new Set(['type', 'kind', 'tag', '__typename', '$type']);
/** A value that names a state of the domain: 'gold', 'paid', 'restricted', 'A'. */
const STATE_LITERAL = /^[A-Za-z][A-Za-z0-9]*(?:[_-][A-Za-z0-9]+)*$/;

function unwrap(node: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isNonNullExpression(node) || ts.isTypeAssertionExpression(node)) node = node.expression;
  return node;
}

/** Climbs out of wrappers that do not change a value's role. */
function parentSkippingWrappers(node: ts.Node): ts.Node {
  let parent = node.parent;
  while (parent && (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent) || ts.isNonNullExpression(parent))) parent = parent.parent;
  return parent;
}

function isFraction(v: number): boolean {
  const a = Math.abs(v);
  return (a > 0 && a < 1) || (a > 1 && a < 3 && !Number.isInteger(a));
}

function propertyName(name: ts.PropertyName | ts.MemberName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name) || ts.isNumericLiteral(name) ? name.text : undefined;
}

interface ModuleNumbers {
  /** `const MAX = 5_000` and products of such. */
  values: Map<string, number>;
  /** Module-level objects or arrays holding rates (fractions): `VAT = { DE: 0.19 }`, `BREAKS = [{ off: 0.15 }]`. */
  rateTables: Set<string>;
}

function containsFraction(node: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node) => {
    if (found) return;
    if (ts.isNumericLiteral(n) && isFraction(Number(n.text))) found = true;
    else if (!ts.isFunctionLike(n)) ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

export function collectLogicFacts(sf: ts.SourceFile): LogicFacts {
  withParents(sf);
  const numbers: ModuleNumbers = { values: new Map(), rateTables: new Set() };
  const numberValue = (node: ts.Expression | undefined): number | undefined => {
    if (!node) return undefined;
    node = unwrap(node);
    if (ts.isNumericLiteral(node)) return Number(node.text);
    if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken) {
      const v = numberValue(node.operand);
      return v === undefined ? undefined : -v;
    }
    if (ts.isIdentifier(node)) return numbers.values.get(node.text);
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.AsteriskToken) {
      const a = numberValue(node.left);
      const b = numberValue(node.right);
      return a !== undefined && b !== undefined ? a * b : undefined;
    }
    return undefined;
  };
  for (const statement of sf.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const decl of statement.declarationList.declarations) {
      if (!ts.isIdentifier(decl.name) || !decl.initializer) continue;
      const v = numberValue(decl.initializer);
      if (v !== undefined) numbers.values.set(decl.name.text, v);
      else if (containsFraction(decl.initializer) && !ts.isArrowFunction(decl.initializer) && !ts.isFunctionExpression(decl.initializer)) numbers.rateTables.add(decl.name.text);
    }
  }
  /** A business constant in a comparison or a cap: a literal or an UPPER_CASE constant that is not trivial. */
  const boundValue = (node: ts.Expression): { text: string; value?: number } | undefined => {
    node = unwrap(node);
    const v = numberValue(node);
    if (v !== undefined) return TRIVIAL_BOUNDS.has(v) ? undefined : { text: ts.isIdentifier(node) ? node.text : String(v), value: v };
    if (ts.isIdentifier(node) && /^[A-Z][A-Z0-9_]*$/.test(node.text) && node.text.length > 1) return { text: node.text };
    return undefined;
  };

  // Variables that hold rates: a choice between fractions, a lookup in a rate table, a sum of rates.
  // A product or a rounding of a rate is an amount, not a rate.
  const rateVars = new Set<string>();
  const isRateExpression = (node: ts.Expression): boolean => {
    node = unwrap(node);
    const v = numberValue(node);
    if (v !== undefined) return isFraction(v);
    if (ts.isIdentifier(node)) return rateVars.has(node.text) || numbers.rateTables.has(node.text);
    if (ts.isConditionalExpression(node)) {
      const sides = [node.whenTrue, node.whenFalse];
      return sides.some(isRateExpression) && sides.every((e) => isRateExpression(e) || numberValue(e) !== undefined);
    }
    if (ts.isBinaryExpression(node)) {
      const op = node.operatorToken.kind;
      if (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken) return isRateExpression(node.left);
      if (op === ts.SyntaxKind.PlusToken || op === ts.SyntaxKind.MinusToken) {
        const sides = [node.left, node.right];
        return sides.some(isRateExpression) && sides.every((e) => isRateExpression(e) || numberValue(e) !== undefined);
      }
      // A rate scaled by a constant is still a rate (an annual rate / 12).
      if (op === ts.SyntaxKind.SlashToken) return isRateExpression(node.left) && numberValue(node.right) !== undefined;
      if (op === ts.SyntaxKind.AsteriskToken) {
        return (isRateExpression(node.left) && numberValue(node.right) !== undefined) || (isRateExpression(node.right) && numberValue(node.left) !== undefined);
      }
      return false;
    }
    if (ts.isElementAccessExpression(node)) {
      const table = unwrap(node.expression);
      return (ts.isIdentifier(table) && numbers.rateTables.has(table.text)) || (ts.isObjectLiteralExpression(table) && containsFraction(table)) || (ts.isArrayLiteralExpression(table) && containsFraction(table));
    }
    if (ts.isPropertyAccessExpression(node)) return ts.isIdentifier(unwrap(node.expression)) && rateVars.has((unwrap(node.expression) as ts.Identifier).text);
    if (ts.isCallExpression(node)) {
      const callee = unwrap(node.expression);
      // A row picked from a rate table: BREAKS.find(…), TABLE.at(-1).
      if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(unwrap(callee.expression)) && numbers.rateTables.has((unwrap(callee.expression) as ts.Identifier).text)) return true;
      if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'Math' && (callee.name.text === 'min' || callee.name.text === 'max')) {
        return node.arguments.some(isRateExpression);
      }
    }
    return false;
  };
  const rateCandidates: [string, ts.Expression][] = [];
  const collectRateCandidates = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.VariableDeclaration) {
      const decl = node as ts.VariableDeclaration;
      if (ts.isIdentifier(decl.name) && decl.initializer && !ts.isFunctionLike(decl.initializer)) rateCandidates.push([decl.name.text, decl.initializer]);
    } else if (node.kind === ts.SyntaxKind.BinaryExpression) {
      const e = node as ts.BinaryExpression;
      const op = e.operatorToken.kind;
      if (ts.isIdentifier(e.left) && (op === ts.SyntaxKind.EqualsToken || op === ts.SyntaxKind.PlusEqualsToken || op === ts.SyntaxKind.MinusEqualsToken)) rateCandidates.push([e.left.text, e.right]);
    }
    ts.forEachChild(node, collectRateCandidates);
  };
  // Rates are written with a decimal point somewhere in the file (0.19, 1.5): without one there is nothing to find.
  if (/(?:^|[^\w.])\d*\.\d/.test(sf.text)) collectRateCandidates(sf);
  // Twice, so a rate assigned after its first use (`let f = 1; … f = 0.5`) is known everywhere.
  for (let pass = 0; pass < 2; pass++) for (const [name, value] of rateCandidates) if (!rateVars.has(name) && isRateExpression(value)) rateVars.add(name);

  /** Identifiers and property names read by an expression (not inside nested functions). */
  const namesIn = (node: ts.Node): string[] => {
    const names: string[] = [];
    const visit = (n: ts.Node) => {
      if (ts.isIdentifier(n)) names.push(n.text);
      else if (ts.isPropertyAccessExpression(n)) {
        visit(n.expression);
        names.push(n.name.text);
      } else if (!ts.isFunctionLike(n)) ts.forEachChild(n, visit);
    };
    visit(node);
    return names;
  };
  /** The name to show for a subject: `profile.riskScore`, `tier`. */
  const subjectText = (node: ts.Expression): string => {
    const n = unwrap(node);
    const text = n.getText(sf).replace(/\s+/g, ' ');
    return text.length <= 40 ? text : namesIn(n).slice(-1)[0] ?? text.slice(0, 40);
  };

  /** Whether an operand is business data (not a literal, not transport/paging/layout/error/random/input text). */
  const isDomainSubject = (node: ts.Expression): boolean => {
    node = unwrap(node);
    if (numberValue(node) !== undefined || ts.isStringLiteralLike(node)) return false;
    let excluded = false;
    let anyName = false;
    const visit = (n: ts.Node) => {
      if (excluded) return;
      if (ts.isTypeOfExpression(n)) excluded = true;
      else if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
        const callee = n.expression;
        if (ts.isIdentifier(callee.expression) && callee.expression.text === 'Math' && callee.name.text === 'random') excluded = true;
        if (callee.name.text === 'test' || callee.name.text === 'match' || callee.name.text === 'charCodeAt') excluded = true;
        if (/^(isNaN|isFinite|isInteger|isArray)$/.test(callee.name.text)) excluded = true;
      } else if (ts.isPropertyAccessExpression(n) && n.name.text === 'length') {
        const receiver = unwrap(n.expression);
        if (ts.isCallExpression(receiver) || isTextName(namesIn(receiver))) excluded = true;
      } else if (ts.isBinaryExpression(n) && [ts.SyntaxKind.BarToken, ts.SyntaxKind.AmpersandToken, ts.SyntaxKind.CaretToken, ts.SyntaxKind.LessThanLessThanToken, ts.SyntaxKind.GreaterThanGreaterThanToken].includes(n.operatorToken.kind)) {
        excluded = true;
      }
      if (ts.isIdentifier(n) && n.text !== 'Math' && n.text !== 'Number' && n.text !== 'Date') anyName = true;
      if (!excluded && !ts.isFunctionLike(n)) ts.forEachChild(n, visit);
    };
    visit(node);
    if (excluded || !anyName) return false;
    return !isNonDomainName(namesIn(node));
  };

  // --- where values go ------------------------------------------------------------------
  /** 'transition': an entity that came from elsewhere gets a new state (`{ ...order, status: 'paid' }`, `order.status = 'paid'`). */
  type ValueKind = 'amount' | 'number' | 'state' | 'transition' | 'bool' | 'text' | 'none' | 'value';
  const isBusinessKind = (k: ValueKind) => k === 'amount' || k === 'number' || k === 'state' || k === 'transition' || k === 'bool';
  const isStateLiteral = (node: ts.Expression) => {
    const n = unwrap(node);
    return (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && STATE_LITERAL.test(n.text) && n.text.length <= 32;
  };
  /** Whether a variable is built in the function itself (`new X()`, `{}`, `[]`) rather than an entity handed in or loaded. */
  const isLocallyBuilt = (root: ts.Identifier): boolean => {
    for (let scope: ts.Node | undefined = root.parent; scope; scope = scope.parent) {
      if (!ts.isFunctionLike(scope) && !ts.isSourceFile(scope)) continue;
      let built: boolean | undefined;
      const find = (n: ts.Node): void => {
        if (built !== undefined) return;
        if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === root.text) {
          const init = n.initializer && unwrap(n.initializer);
          built = !!init && (ts.isNewExpression(init) || ts.isObjectLiteralExpression(init) || ts.isArrayLiteralExpression(init));
        } else ts.forEachChild(n, find);
      };
      find(scope);
      if (built !== undefined) return built;
    }
    return false;
  };

  const classifyValue = (node: ts.Expression): ValueKind[] => {
    node = unwrap(node);
    const v = numberValue(node);
    if (v !== undefined) return [CONVERSIONS.has(v) ? 'number' : 'amount'];
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [STATE_LITERAL.test(node.text) && node.text.length <= 32 ? 'state' : 'text'];
    if (ts.isTemplateExpression(node) || ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node)) return ['text'];
    if (node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword) return ['bool'];
    if (node.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(node) && node.text === 'undefined')) return ['none'];
    if (ts.isConditionalExpression(node)) return [...classifyValue(node.whenTrue), ...classifyValue(node.whenFalse)];
    if (ts.isBinaryExpression(node)) {
      const op = node.operatorToken.kind;
      if ([ts.SyntaxKind.AsteriskToken, ts.SyntaxKind.SlashToken, ts.SyntaxKind.MinusToken, ts.SyntaxKind.PercentToken].includes(op)) return ['number'];
      if (op === ts.SyntaxKind.PlusToken) {
        const sides = [...classifyValue(node.left), ...classifyValue(node.right)];
        return sides.includes('text') ? ['text'] : ['number'];
      }
      if (RELATIONAL.has(op) || EQUALITY.has(op) || op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken) {
        if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken) {
          const right = classifyValue(node.right);
          if (right.includes('text')) return ['text'];
        }
        return ['bool'];
      }
    }
    if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) return ['bool'];
    if (ts.isCallExpression(node)) {
      const callee = unwrap(node.expression);
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
      if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'Math') return ['number'];
      if (isPresentationCallee(name) || /format/i.test(name)) return ['text'];
      return ['value'];
    }
    if (ts.isArrayLiteralExpression(node)) {
      if (node.elements.length === 0) return ['none'];
      const kinds = node.elements.flatMap((e) => (ts.isSpreadElement(e) ? ['value' as ValueKind] : classifyValue(e)));
      return kinds.every(isBusinessKind) ? kinds : ['value'];
    }
    if (ts.isObjectLiteralExpression(node)) {
      const kinds: ValueKind[] = [];
      const updates = node.properties.some(ts.isSpreadAssignment);
      for (const p of node.properties) {
        const k = p.name ? propertyName(p.name) : undefined;
        if (updates && k && !TAG_KEYS.has(k) && !isPresentationName(k) && ts.isPropertyAssignment(p) && isStateLiteral(p.initializer)) {
          kinds.push('transition');
          continue;
        }
        const key = p.name ? propertyName(p.name) : undefined;
        if (key && isPresentationName(key)) kinds.push('text');
        // `{ type: 'message', … }`: the tag of a tagged union says what the object is, not what was decided.
        else if (key && TAG_KEYS.has(key)) kinds.push('value');
        else if (ts.isPropertyAssignment(p)) kinds.push(...classifyValue(p.initializer));
        else kinds.push('value');
      }
      return kinds.some(isBusinessKind) ? kinds.filter(isBusinessKind) : kinds;
    }
    return ['value'];
  };

  /** What the statements of a branch produce. */
  const classifyBranch = (statement: ts.Statement | undefined): ValueKind[] => {
    if (!statement) return [];
    if (ts.isBlock(statement)) return statement.statements.flatMap((s) => classifyBranch(s));
    if (ts.isReturnStatement(statement)) {
      if (!statement.expression) return ['none'];
      // What a `colorOf()` or `labelFor()` returns is shown, whatever it looks like.
      const fn = enclosingFunction(statement);
      const name = fn ? functionLabel(fn) : undefined;
      if (name && isPresentationName(name)) return ['text'];
      return classifyValue(statement.expression);
    }
    if (ts.isThrowStatement(statement)) return ['text'];
    if (ts.isIfStatement(statement)) return classifyBranch(statement.thenStatement);
    if (ts.isExpressionStatement(statement)) {
      const e = unwrap(statement.expression);
      if (ts.isBinaryExpression(e) && e.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && e.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
        const target = namesIn(e.left).slice(-1)[0] ?? '';
        if (isPresentationName(target) || isNonDomainName([target])) return ['text'];
        if (e.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return ['number'];
        const chainRoot = ts.isPropertyAccessExpression(e.left) ? rootIdentifier(e.left) : undefined;
        if (chainRoot && !TAG_KEYS.has(target) && isStateLiteral(e.right) && !isLocallyBuilt(chainRoot)) return ['transition'];
        return classifyValue(e.right);
      }
      if (ts.isCallExpression(e) || ts.isAwaitExpression(e)) {
        const call = ts.isAwaitExpression(e) ? unwrap(e.expression) : e;
        if (ts.isCallExpression(call)) {
          const callee = unwrap(call.expression);
          const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
          if (isPresentationCallee(name)) return ['text'];
          // `updated.push({ ...invoice, status: 'void' })`, `orders.save({ ...order, status })`: the entity changes state.
          if (call.arguments.some((a) => classifyValue(a).includes('transition'))) return ['transition'];
        }
        return ['value'];
      }
    }
    if (ts.isContinueStatement(statement) || ts.isBreakStatement(statement)) return ['none'];
    return ['value'];
  };

  /** Where a computed value ends up: somewhere shown, or somewhere that matters. */
  const sinkIsPresentation = (start: ts.Node): boolean => {
    let node: ts.Node = start;
    for (let depth = 0; depth < 40; depth++) {
      const parent = node.parent;
      if (!parent) return false;
      if (ts.isJsxAttribute(parent) || ts.isJsxExpression(parent) || ts.isJsxElement(parent) || ts.isTemplateSpan(parent)) return true;
      // `values[Math.ceil(values.length * 0.95) - 1]`: an index, not a business quantity.
      if (ts.isElementAccessExpression(parent) && parent.argumentExpression === node) return true;
      if (ts.isVariableDeclaration(parent)) return ts.isIdentifier(parent.name) && (isPresentationName(parent.name.text) || isNonDomainName([parent.name.text]));
      if (ts.isPropertyAssignment(parent) || ts.isShorthandPropertyAssignment(parent)) {
        const key = propertyName(parent.name);
        if (key && (isPresentationName(key) || isNonDomainName([key]))) return true;
        node = parent.parent; // the object literal: where does it go?
        continue;
      }
      if (ts.isBinaryExpression(parent) && parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment && parent.right === node) {
        const target = namesIn(parent.left).slice(-1)[0] ?? '';
        return isPresentationName(target) || isNonDomainName([target]);
      }
      if (ts.isCallExpression(parent) && parent.expression !== node) {
        const callee = unwrap(parent.expression);
        const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
        if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && (callee.expression.text === 'Math' || callee.expression.text === 'Number')) {
          node = parent;
          continue;
        }
        if (isPresentationCallee(name) || /format|Intl/.test(name) || (ts.isPropertyAccessExpression(callee) && /Intl|rtf|formatter/i.test(callee.expression.getText(sf)))) return true;
        if (ts.isIdentifier(callee) && (callee.text === 'Number' || callee.text === 'String' || callee.text === 'Boolean')) {
          node = parent;
          continue;
        }
        return false;
      }
      if (ts.isNewExpression(parent)) {
        const name = parent.expression.getText(sf);
        return /Intl|Format/.test(name);
      }
      if (ts.isPropertyAccessExpression(parent) && parent.expression === node) {
        return isPresentationCallee(parent.name.text);
      }
      if (ts.isReturnStatement(parent) || (ts.isArrowFunction(parent) && parent.body === node)) {
        const fn = ts.isReturnStatement(parent) ? enclosingFunction(parent) : parent;
        const name = fn ? functionLabel(fn) : undefined;
        return !!name && (isPresentationName(name) || /^(format|render|to[A-Z]\w*(Label|Text|String|Class))/.test(name));
      }
      if (ts.isExpressionStatement(parent) || ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isIfStatement(parent)) return false;
      node = parent;
    }
    return false;
  };

  /** The role of the decision a condition makes. */
  const conditionOutcome = (condition: ts.Node): 'business' | 'guard' | 'other' => {
    let top: ts.Node = condition;
    for (;;) {
      const parent = parentSkippingWrappers(top);
      if (ts.isPrefixUnaryExpression(parent) && parent.operator === ts.SyntaxKind.ExclamationToken) top = parent;
      else if (ts.isBinaryExpression(parent) && (parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || parent.operatorToken.kind === ts.SyntaxKind.BarBarToken)) top = parent;
      else break;
    }
    const parent = parentSkippingWrappers(top);
    let kinds: ValueKind[];
    if (ts.isConditionalExpression(parent) && (parent.condition === top || unwrap(parent.condition) === top)) {
      if (sinkIsPresentation(parent)) return 'other';
      kinds = [...classifyValue(parent.whenTrue), ...classifyValue(parent.whenFalse)];
    } else if (ts.isIfStatement(parent) && (parent.expression === top || unwrap(parent.expression) === top)) {
      kinds = classifyBranch(parent.thenStatement);
      // `if (balance < 100_000) continue;`: a guard that leaves out what does not qualify.
      if (!parent.elseStatement && kinds.length > 0 && kinds.every((k) => k === 'none')) return 'guard';
      if (parent.elseStatement && !ts.isIfStatement(parent.elseStatement)) kinds.push(...classifyBranch(parent.elseStatement));
    } else if ((ts.isReturnStatement(parent) && isCallbackArgument(enclosingFunction(parent))) || (ts.isArrowFunction(parent) && parent.body === top && isCallbackArgument(parent))) {
      // A condition an anonymous callback returns to its caller is a predicate (filter, find, waitFor…).
      return 'other';
    } else if (ts.isWhileStatement(parent) || ts.isDoStatement(parent) || ts.isForStatement(parent)) {
      return 'other';
    } else if (ts.isReturnStatement(parent) || ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isArrowFunction(parent) || (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken)) {
      // The decision itself is the value: a boolean someone acts on.
      if (ts.isBinaryExpression(top) && (top.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || top.operatorToken.kind === ts.SyntaxKind.BarBarToken) && classifyValue(top.right).includes('text')) return 'other';
      return sinkIsPresentation(top) ? 'other' : 'business';
    } else {
      return 'other';
    }
    if (kinds.includes('text') && !kinds.some(isBusinessKind)) return 'other';
    return kinds.some(isBusinessKind) ? 'business' : 'other';
  };

  const isCallbackArgument = (fn: ts.SignatureDeclaration | undefined): boolean =>
    !!fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isCallExpression(fn.parent) && fn.parent.arguments.includes(fn as ts.Expression);

  // --- units --------------------------------------------------------------------------------
  const units = new Map<ts.Node, FunctionLogic>();
  const functions: FunctionLogic[] = [];
  const unitFor = (node: ts.Node): FunctionLogic | undefined => {
    for (let n: ts.Node | undefined = node; n; n = n.parent) {
      const unit = units.get(n);
      if (unit) return unit;
    }
    return undefined;
  };
  const signal = (at: ts.Node, kind: SignalKind, detail: string, subjects: string[], weight = SIGNAL_WEIGHTS[kind].weight) => {
    const unit = unitFor(at);
    if (!unit) return;
    unit.signals.push({ kind, weight, detail, line: sf.getLineAndCharacterOfPosition(at.getStart(sf)).line + 1, subjects });
  };

  const registerUnit = (node: ts.SignatureDeclaration) => {
    const named = unitName(node, sf);
    if (!named) return;
    const start = sf.getLineAndCharacterOfPosition(named.node.getStart(sf));
    const end = sf.getLineAndCharacterOfPosition(named.node.getEnd());
    const unit: FunctionLogic = { name: named.name, range: { start, end }, signals: [] };
    units.set(node, unit);
    functions.push(unit);
  };

  // --- the signals ----------------------------------------------------------------------------
  const isRateOperand = (node: ts.Expression): { text: string } | undefined => {
    node = unwrap(node);
    if (ts.isConditionalExpression(node) && isRateExpression(node)) return { text: `a rate chosen by ${subjectText(node.condition)}` };
    if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.SlashToken || node.operatorToken.kind === ts.SyntaxKind.AsteriskToken) && isRateExpression(node)) return { text: subjectText(node) };
    const v = numberValue(node);
    if (v !== undefined) return isFraction(v) ? { text: String(v) } : undefined;
    if (ts.isIdentifier(node) && rateVars.has(node.text)) return { text: node.text };
    if (ts.isElementAccessExpression(node) && referencesAny(node.expression, numbers.rateTables)) return { text: node.getText(sf) };
    if (ts.isElementAccessExpression(node) && ts.isObjectLiteralExpression(unwrap(node.expression)) && containsFraction(node.expression)) return { text: 'a rate table' };
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && rateVars.has(node.expression.text)) return { text: node.getText(sf) };
    if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.MinusToken || node.operatorToken.kind === ts.SyntaxKind.PlusToken)) {
      return isRateOperand(node.left) ?? isRateOperand(node.right);
    }
    return undefined;
  };

  const visitArithmetic = (node: ts.BinaryExpression) => {
    const op = node.operatorToken.kind;
    const multiply = op === ts.SyntaxKind.AsteriskToken || op === ts.SyntaxKind.AsteriskEqualsToken;
    const divide = op === ts.SyntaxKind.SlashToken || op === ts.SyntaxKind.SlashEqualsToken;
    if (multiply || divide) {
      for (const [rate, other] of [[node.right, node.left], [node.left, node.right]] as const) {
        const r = isRateOperand(rate);
        if (r && isDomainSubject(other) && !sinkIsPresentation(node)) {
          signal(node, 'rate', `applies ${r.text} to ${subjectText(other)}`, [subjectText(other)]);
          return;
        }
        const v = numberValue(rate);
        if (multiply && v !== undefined && Number.isInteger(v) && v >= 2 && v <= 5 && isDomainSubject(other) && !sinkIsPresentation(node)) {
          signal(node, 'rate', `multiplies ${subjectText(other)} by ${v}`, [subjectText(other)]);
          return;
        }
      }
      // (amount × percent) / 100: applying a percentage.
      if (divide && numberValue(node.right) === 100) {
        const left = unwrap(node.left);
        if (ts.isBinaryExpression(left) && left.operatorToken.kind === ts.SyntaxKind.AsteriskToken && isDomainSubject(left.left) && numberValue(left.right) === undefined && !sinkIsPresentation(node)) {
          signal(node, 'rate', `applies ${subjectText(left.right)} percent to ${subjectText(left.left)}`, [subjectText(left.left), subjectText(left.right)]);
        }
      }
    } else if ((op === ts.SyntaxKind.PlusEqualsToken || op === ts.SyntaxKind.MinusEqualsToken) && isDomainSubject(node.left)) {
      const v = numberValue(node.right);
      if (v !== undefined && !CONVERSIONS.has(v) && !isFraction(v)) {
        signal(node, 'amount', `${op === ts.SyntaxKind.PlusEqualsToken ? 'adds' : 'subtracts'} ${v} ${op === ts.SyntaxKind.PlusEqualsToken ? 'to' : 'from'} ${subjectText(node.left)}`, [subjectText(node.left)]);
      }
    }
  };

  const visitComparison = (node: ts.BinaryExpression) => {
    for (const [bound, other] of [[node.right, node.left], [node.left, node.right]] as const) {
      const b = boundValue(bound);
      if (!b || !isDomainSubject(other)) continue;
      const outcome = conditionOutcome(node);
      if (outcome === 'other') return;
      if (outcome === 'guard') signal(node, 'threshold', `stops unless ${subjectText(other)} passes ${b.text}`, [subjectText(other)], 1);
      else signal(node, 'threshold', `compares ${subjectText(other)} against ${b.text}`, [subjectText(other)]);
      return;
    }
    // Two domain quantities compared to choose a quantity: `free <= reorderAt ? orderQty : 0`.
    if (numberValue(node.left) === undefined && numberValue(node.right) === undefined && isDomainSubject(node.left) && isDomainSubject(node.right)) {
      const parent = parentSkippingWrappers(node);
      if (!ts.isConditionalExpression(parent) || sinkIsPresentation(parent)) return;
      const kinds = [...classifyValue(parent.whenTrue), ...classifyValue(parent.whenFalse)];
      if (!kinds.includes('number') && !kinds.includes('amount')) return;
      signal(node, 'threshold', `compares ${subjectText(node.left)} with ${subjectText(node.right)} to choose a quantity`, [subjectText(node.left), subjectText(node.right)], 1);
    }
  };

  /** `x.status === 'paid'`, `tier !== 'gold'`, `categories.includes('eco')`. */
  const stateTest = (node: ts.Expression): { subject: ts.Expression; literal: string } | undefined => {
    node = unwrap(node);
    if (ts.isBinaryExpression(node) && EQUALITY.has(node.operatorToken.kind)) {
      for (const [lit, other] of [[node.right, node.left], [node.left, node.right]] as const) {
        const l = unwrap(lit);
        if (ts.isStringLiteralLike(l) && STATE_LITERAL.test(l.text) && isDomainSubject(other)) return { subject: other, literal: l.text };
      }
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'includes') {
      const arg = node.arguments[0] && unwrap(node.arguments[0]);
      if (arg && ts.isStringLiteralLike(arg) && STATE_LITERAL.test(arg.text) && isDomainSubject(node.expression.expression)) return { subject: node.expression.expression, literal: arg.text };
    }
    return undefined;
  };

  /** Whether a condition tests domain state anywhere inside (callbacks included: `lines.some(l => l.category === 'x')`). */
  const findStateTest = (node: ts.Node): { subject: ts.Expression; literal: string } | undefined => {
    let found: { subject: ts.Expression; literal: string } | undefined;
    const visit = (n: ts.Node) => {
      if (found) return;
      if (ts.isExpression(n)) found = stateTest(n);
      if (!found) ts.forEachChild(n, visit);
    };
    visit(node);
    return found;
  };

  const visitBranch = (condition: ts.Expression, at: ts.Node) => {
    const test = findStateTest(condition);
    if (!test) return;
    const parent = condition.parent;
    let kinds: ValueKind[] = [];
    if (ts.isConditionalExpression(parent)) {
      if (sinkIsPresentation(parent)) return;
      kinds = [...classifyValue(parent.whenTrue), ...classifyValue(parent.whenFalse)];
    } else if (ts.isIfStatement(parent)) {
      kinds = classifyBranch(parent.thenStatement);
    }
    if (!kinds.some(isBusinessKind)) return;
    const subject = subjectText(test.subject);
    const amount = kinds.includes('amount');
    const transition = kinds.includes('transition');
    const purpose = amount ? ' to pick an amount' : transition ? ' to set a new state' : '';
    signal(at, 'branch', `branches on ${subject} ('${test.literal}')${purpose}`, [subject], amount || transition ? 1.5 : 1);
  };

  const visitSwitch = (node: ts.SwitchStatement) => {
    if (!isDomainSubject(node.expression)) return;
    const subject = subjectText(node.expression);
    for (const clause of node.caseBlock.clauses) {
      if (!ts.isCaseClause(clause)) continue;
      const label = unwrap(clause.expression);
      if (!ts.isStringLiteralLike(label) || !STATE_LITERAL.test(label.text)) continue;
      const kinds = clause.statements.flatMap((s) => classifyBranch(s));
      if (kinds.some(isBusinessKind) && !(kinds.includes('text') && !kinds.some((k) => k === 'amount' || k === 'number'))) {
        signal(clause, 'branch', `branches on ${subject} ('${label.text}')`, [subject]);
      }
    }
  };

  /** `a && b && c` deciding something from several facts about domain data. */
  const visitLogical = (node: ts.BinaryExpression) => {
    const parent = parentSkippingWrappers(node);
    if (ts.isBinaryExpression(parent) && (parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || parent.operatorToken.kind === ts.SyntaxKind.BarBarToken)) return;
    if (ts.isPrefixUnaryExpression(parent)) return;
    const atoms: ts.Expression[] = [];
    const flatten = (e: ts.Expression) => {
      e = unwrap(e);
      if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
        flatten(e.left);
        flatten(e.right);
      } else atoms.push(e);
    };
    flatten(node);
    if (atoms.length < 3) return;
    let facts = 0;
    const subjects: string[] = [];
    for (const atom of atoms) {
      const a = ts.isPrefixUnaryExpression(atom) && atom.operator === ts.SyntaxKind.ExclamationToken ? unwrap(atom.operand) : atom;
      if (ts.isBinaryExpression(a) && (RELATIONAL.has(a.operatorToken.kind) || EQUALITY.has(a.operatorToken.kind))) {
        const sides = [a.left, a.right].filter((s) => isDomainSubject(s));
        if (sides.length === 0) return; // a validation or transport check in the chain: not a domain decision
        facts++;
        subjects.push(subjectText(sides[0]));
      } else if (ts.isPropertyAccessExpression(a)) {
        if (!isDomainSubject(a)) return;
        facts++;
        subjects.push(subjectText(a));
      } else if (ts.isCallExpression(a) && stateTest(a)) {
        facts++;
        subjects.push(subjectText(stateTest(a)!.subject));
      } else if (!ts.isIdentifier(a) && !ts.isCallExpression(a)) {
        return;
      } else if (ts.isCallExpression(a) && !isDomainSubject(a)) {
        return;
      }
    }
    // Several facts about one value (`cmd === 'a' || cmd === 'b'`) is a membership test, not a decision.
    if (facts < 2 || new Set(subjects).size < 2) return;
    if (conditionOutcome(node) !== 'business') return;
    signal(node, 'eligibility', `decides from ${atoms.length} conditions (${[...new Set(subjects)].slice(0, 3).join(', ')})`, subjects);
  };

  /** `{ draft: ['placed'], placed: ['paid', 'cancelled'], … }`: which states may follow which. */
  const visitObject = (node: ts.ObjectLiteralExpression) => {
    if (node.properties.length < 3) return;
    let nonEmpty = 0;
    for (const p of node.properties) {
      if (!ts.isPropertyAssignment(p) || !propertyName(p.name)) return;
      const value = unwrap(p.initializer);
      if (!ts.isArrayLiteralExpression(value)) return;
      if (!value.elements.every((e) => ts.isStringLiteralLike(e) && STATE_LITERAL.test(e.text))) return;
      if (value.elements.length > 0) nonEmpty++;
    }
    if (nonEmpty >= 2) signal(node, 'transition', `declares which states may follow which (${node.properties.length} states)`, []);
  };

  /** `Math.min(x, 10_000)`: a cap or a floor that is a business constant. */
  const visitMinMax = (node: ts.CallExpression) => {
    const callee = node.expression;
    if (!ts.isPropertyAccessExpression(callee) || (callee.name.text !== 'min' && callee.name.text !== 'max')) return;
    if (!ts.isIdentifier(callee.expression) || callee.expression.text !== 'Math') return;
    const bound = node.arguments.map((a) => boundValue(a)).find((b) => b && b.value !== 100);
    const subject = node.arguments.find((a) => isDomainSubject(a));
    if (!bound || !subject || sinkIsPresentation(node)) return;
    signal(node, 'cap', `${callee.name.text === 'min' ? 'caps' : 'floors'} ${subjectText(subject)} at ${bound.text}`, [subjectText(subject)]);
  };

  const SK = ts.SyntaxKind;
  const visit = (node: ts.Node): void => {
    switch (node.kind) {
      case SK.BinaryExpression: {
        const e = node as ts.BinaryExpression;
        const op = e.operatorToken.kind;
        if (RELATIONAL.has(op)) visitComparison(e);
        else if (op === SK.AmpersandAmpersandToken || op === SK.BarBarToken) visitLogical(e);
        else visitArithmetic(e);
        break;
      }
      case SK.ConditionalExpression:
        visitBranch((node as ts.ConditionalExpression).condition, node);
        visitAmountChoice(node as ts.ConditionalExpression);
        break;
      case SK.IfStatement:
        visitBranch((node as ts.IfStatement).expression, node);
        break;
      case SK.SwitchStatement:
        visitSwitch(node as ts.SwitchStatement);
        break;
      case SK.ObjectLiteralExpression:
        visitObject(node as ts.ObjectLiteralExpression);
        break;
      case SK.CallExpression:
        visitMinMax(node as ts.CallExpression);
        break;
      case SK.FunctionDeclaration:
      case SK.FunctionExpression:
      case SK.ArrowFunction:
      case SK.MethodDeclaration:
      case SK.Constructor:
      case SK.GetAccessor:
      case SK.SetAccessor:
        if ((node as ts.FunctionLikeDeclaration).body) registerUnit(node as ts.FunctionLikeDeclaration);
        break;
    }
    ts.forEachChild(node, visit);
  };

  /** `cond ? 2_500 : 1_000`: a decision between business amounts. */
  const visitAmountChoice = (node: ts.ConditionalExpression) => {
    const amounts = [node.whenTrue, node.whenFalse].map((e) => numberValue(e)).filter((v): v is number => v !== undefined && !CONVERSIONS.has(v) && !isFraction(v));
    if (amounts.length === 0 || sinkIsPresentation(node)) return;
    if (!isDomainCondition(node.condition)) return;
    signal(node, 'amount', `sets the amount ${amounts.join(' or ')}`, []);
  };

  /** A condition about domain data (a comparison, a state test or a flag of a domain object). */
  const isDomainCondition = (node: ts.Expression): boolean => {
    let domain = false;
    const check = (n: ts.Node) => {
      if (domain) return;
      if (ts.isBinaryExpression(n) && (RELATIONAL.has(n.operatorToken.kind) || EQUALITY.has(n.operatorToken.kind))) {
        if (isDomainSubject(n.left) || isDomainSubject(n.right)) domain = true;
        return;
      }
      if (ts.isPropertyAccessExpression(n) && isDomainSubject(n)) {
        domain = true;
        return;
      }
      if (ts.isIdentifier(n) && !isNonDomainName([n.text])) {
        domain = true;
        return;
      }
      ts.forEachChild(n, check);
    };
    check(node);
    return domain;
  };

  visit(sf);
  return { functions: functions.filter((f) => f.signals.length > 0) };
}

export function referencesAny(node: ts.Node, names: ReadonlySet<string>): boolean {
  if (names.size === 0) return false;
  let found = false;
  const visit = (n: ts.Node) => {
    if (found) return;
    if (ts.isIdentifier(n) && names.has(n.text)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

function rootIdentifier(node: ts.Expression): ts.Identifier | undefined {
  let current = node;
  while (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current) || ts.isParenthesizedExpression(current) || ts.isNonNullExpression(current)) current = current.expression;
  return ts.isIdentifier(current) ? current : undefined;
}

function enclosingFunction(node: ts.Node): ts.SignatureDeclaration | undefined {
  for (let n = node.parent; n; n = n.parent) if (ts.isFunctionLike(n)) return n;
  return undefined;
}

function functionLabel(fn: ts.SignatureDeclaration): string | undefined {
  if (fn.name && ts.isIdentifier(fn.name)) return fn.name.text;
  const parent = fn.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (parent && ts.isPropertyAssignment(parent)) return propertyName(parent.name);
  return undefined;
}

/** The name a function is known by, when it has one; anonymous callbacks belong to the function around them. */
export function unitName(node: ts.SignatureDeclaration, sf: ts.SourceFile): { name: string; node: ts.Node } | undefined {
  const className = (cls: ts.Node): string | undefined => {
    if (ts.isClassDeclaration(cls) || ts.isClassExpression(cls)) {
      if (cls.name) return cls.name.text;
      if (ts.isVariableDeclaration(cls.parent) && ts.isIdentifier(cls.parent.name)) return cls.parent.name.text;
      return 'default';
    }
    return undefined;
  };
  if (ts.isFunctionDeclaration(node)) {
    if (node.name) return { name: node.name.text, node: node.name };
    return { name: 'default', node: node.getFirstToken(sf) ?? node };
  }
  if ((ts.isMethodDeclaration(node) || ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node)) && node.name) {
    const method = propertyName(node.name);
    if (!method) return undefined;
    const owner = className(node.parent);
    if (owner) return { name: `${owner}.${method}`, node: node.name };
    // A method of an object literal: named only at module level (`export const handlers = { create() {} }`).
    const object = node.parent;
    if (ts.isObjectLiteralExpression(object) && ts.isVariableDeclaration(object.parent) && ts.isIdentifier(object.parent.name) && isModuleLevel(object.parent)) {
      return { name: `${object.parent.name.text}.${method}`, node: node.name };
    }
    return undefined;
  }
  if (ts.isConstructorDeclaration(node)) {
    const owner = className(node.parent);
    return owner ? { name: `${owner}.constructor`, node: node.getFirstToken(sf) ?? node } : undefined;
  }
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
    if (ts.isFunctionExpression(node) && node.name) return { name: node.name.text, node: node.name };
    const parent = node.parent;
    if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return { name: parent.name.text, node: parent.name };
    if (ts.isPropertyDeclaration(parent) && parent.name) {
      const owner = className(parent.parent);
      const prop = propertyName(parent.name);
      if (owner && prop) return { name: `${owner}.${prop}`, node: parent.name };
    }
    if (ts.isPropertyAssignment(parent)) {
      const object = parent.parent;
      const prop = propertyName(parent.name);
      if (prop && ts.isVariableDeclaration(object.parent) && ts.isIdentifier(object.parent.name) && isModuleLevel(object.parent)) {
        return { name: `${object.parent.name.text}.${prop}`, node: parent.name };
      }
    }
    if (ts.isExportAssignment(parent)) return { name: 'default', node: parent.getFirstToken(sf) ?? parent };
    // A callback handed to a call at module level (`router.post('/x', (req, res) => …)`) has no name
    // of its own and no function around it: it is known by the call, `router.post('/x')`.
    if (ts.isCallExpression(parent) && isAtModuleLevel(parent)) {
      const callee = parent.expression;
      const first = parent.arguments[0];
      const label = ts.isStringLiteralLike(first) ? `${callee.getText(sf)}('${first.text}')` : `${callee.getText(sf)}(…)`;
      const nameNode = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
      return { name: label.length <= 80 ? label : `${label.slice(0, 77)}…`, node: nameNode };
    }
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(parent.left)) {
      const target = parent.left.expression.getText(sf);
      if (target === 'exports' || target === 'module.exports') return { name: parent.left.name.text, node: parent.left.name };
    }
  }
  return undefined;
}

/** Whether a node runs at module level: no function encloses it. */
function isAtModuleLevel(node: ts.Node): boolean {
  for (let n = node.parent; n; n = n.parent) if (ts.isFunctionLike(n) || ts.isClassLike(n)) return false;
  return true;
}

function isModuleLevel(decl: ts.VariableDeclaration): boolean {
  return ts.isVariableStatement(decl.parent.parent) && ts.isSourceFile(decl.parent.parent.parent);
}

export const logicFacts: FactCollector<LogicFacts> = {
  id: 'logic-signals',
  readByOtherFiles: false,
  appliesTo: (membership) => membership.layer === 'ui' || membership.layer === 'integration',
  collect: collectLogicFacts,
};
