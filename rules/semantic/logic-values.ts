// A plain require: the namespace import's getters cost a quarter of the walk's time on hot paths.
import ts = require('typescript');
import { isNonDomainName, isPresentationCallee, isPresentationName, isTextName } from './identifier-vocabulary';
import { CONVERSIONS, type FileNumbers, containsFraction, isFraction } from './logic-numbers';
import { enclosingFunction, functionLabel, parentSkippingWrappers, propertyName, referencesAny, rootIdentifier, trailingName, unwrap } from './syntax';

export const RELATIONAL = new Set([ts.SyntaxKind.LessThanToken, ts.SyntaxKind.LessThanEqualsToken, ts.SyntaxKind.GreaterThanToken, ts.SyntaxKind.GreaterThanEqualsToken]);
export const EQUALITY = new Set([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken]);
/** Properties that tag the variant of a tagged union. */
const TAG_KEYS = new Set(['type', 'kind', 'tag', '__typename', '$type']);
/** A value that names a state of the domain: 'gold', 'paid', 'restricted', 'A'. */
export const STATE_LITERAL = /^[A-Za-z][A-Za-z0-9]*(?:[_-][A-Za-z0-9]+)*$/;
const BITWISE = new Set([ts.SyntaxKind.BarToken, ts.SyntaxKind.AmpersandToken, ts.SyntaxKind.CaretToken, ts.SyntaxKind.LessThanLessThanToken, ts.SyntaxKind.GreaterThanGreaterThanToken]);

/** What a value is. 'transition': an entity that came from elsewhere gets a new state (`{ ...order, status: 'paid' }`, `order.status = 'paid'`). */
export type ValueKind = 'amount' | 'number' | 'state' | 'transition' | 'bool' | 'text' | 'none' | 'value';

export function isBusinessKind(k: ValueKind): boolean {
  return k === 'amount' || k === 'number' || k === 'state' || k === 'transition' || k === 'bool';
}

function isStateLiteral(node: ts.Expression): boolean {
  const n = unwrap(node);
  return (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && STATE_LITERAL.test(n.text) && n.text.length <= 32;
}

function isAssignment(e: ts.BinaryExpression): boolean {
  return e.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && e.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
}

/** Identifiers and property names read by an expression (not inside nested functions). */
export function namesIn(node: ts.Node): string[] {
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
}

/** The last name an expression reads: what an assignment writes to. */
function lastName(node: ts.Node): string {
  return namesIn(node).slice(-1)[0] ?? '';
}

/** Whether a variable is built in the function itself (`new X()`, `{}`, `[]`) rather than an entity handed in or loaded. */
function isLocallyBuilt(root: ts.Identifier): boolean {
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
}

function isCallbackArgument(fn: ts.SignatureDeclaration | undefined): boolean {
  return !!fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isCallExpression(fn.parent) && fn.parent.arguments.includes(fn as ts.Expression);
}

/**
 * What the values of one file are and where they go: domain data or not, a business quantity or
 * text, shown to the user or acted on. Presentation (formatting, layout, CSS), transport (retries,
 * status codes, paging) and input validation are told apart from decisions here.
 */
export class ValueRoles {
  /** Each expression's kinds, computed once: a chain `a ? x : b ? y : …` asks for the same tails again at every level. */
  private readonly kinds = new Map<ts.Node, readonly ValueKind[]>();

  constructor(
    private readonly sf: ts.SourceFile,
    readonly numbers: FileNumbers,
  ) {}

  /** The name to show for a subject: `profile.riskScore`, `tier`. */
  subjectText(node: ts.Expression): string {
    const n = unwrap(node);
    const text = n.getText(this.sf).replace(/\s+/g, ' ');
    return text.length <= 40 ? text : lastName(n) || text.slice(0, 40);
  }

  /** Whether an operand is business data (not a literal, not transport/paging/layout/error/random/input text). */
  isDomainSubject(node: ts.Expression): boolean {
    node = unwrap(node);
    if (this.numbers.value(node) !== undefined || ts.isStringLiteralLike(node)) return false;
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
      } else if (ts.isBinaryExpression(n) && BITWISE.has(n.operatorToken.kind)) {
        excluded = true;
      }
      if (ts.isIdentifier(n) && n.text !== 'Math' && n.text !== 'Number' && n.text !== 'Date') anyName = true;
      if (!excluded && !ts.isFunctionLike(n)) ts.forEachChild(n, visit);
    };
    visit(node);
    if (excluded || !anyName) return false;
    return !isNonDomainName(namesIn(node));
  }

  /** A rate applied in a product or a quotient, described for the user; undefined when the operand is no rate. */
  rateOperand(node: ts.Expression): { text: string } | undefined {
    node = unwrap(node);
    const numbers = this.numbers;
    if (ts.isConditionalExpression(node) && numbers.isRate(node)) return { text: `a rate chosen by ${this.subjectText(node.condition)}` };
    if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.SlashToken || node.operatorToken.kind === ts.SyntaxKind.AsteriskToken) && numbers.isRate(node)) return { text: this.subjectText(node) };
    const v = numbers.value(node);
    if (v !== undefined) return isFraction(v) ? { text: String(v) } : undefined;
    if (ts.isIdentifier(node) && numbers.holdsRate(node.text)) return { text: node.text };
    if (ts.isElementAccessExpression(node) && referencesAny(node.expression, numbers.rateTables)) return { text: node.getText(this.sf) };
    if (ts.isElementAccessExpression(node) && ts.isObjectLiteralExpression(unwrap(node.expression)) && containsFraction(node.expression)) return { text: 'a rate table' };
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && numbers.holdsRate(node.expression.text)) return { text: node.getText(this.sf) };
    if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.MinusToken || node.operatorToken.kind === ts.SyntaxKind.PlusToken)) {
      return this.rateOperand(node.left) ?? this.rateOperand(node.right);
    }
    return undefined;
  }

  /** What an expression's value can be, each kind once. */
  classifyValue(node: ts.Expression): readonly ValueKind[] {
    node = unwrap(node);
    let kinds = this.kinds.get(node);
    if (!kinds) {
      kinds = [...new Set(this.computeKinds(node))];
      this.kinds.set(node, kinds);
    }
    return kinds;
  }

  private computeKinds(node: ts.Expression): readonly ValueKind[] {
    const v = this.numbers.value(node);
    if (v !== undefined) return [CONVERSIONS.has(v) ? 'number' : 'amount'];
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [isStateLiteral(node) ? 'state' : 'text'];
    if (ts.isTemplateExpression(node) || ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node)) return ['text'];
    if (node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword) return ['bool'];
    if (node.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(node) && node.text === 'undefined')) return ['none'];
    if (ts.isConditionalExpression(node)) return [...this.classifyValue(node.whenTrue), ...this.classifyValue(node.whenFalse)];
    if (ts.isBinaryExpression(node)) {
      const op = node.operatorToken.kind;
      if (op === ts.SyntaxKind.AsteriskToken || op === ts.SyntaxKind.SlashToken || op === ts.SyntaxKind.MinusToken || op === ts.SyntaxKind.PercentToken) return ['number'];
      if (op === ts.SyntaxKind.PlusToken) {
        const sides = [...this.classifyValue(node.left), ...this.classifyValue(node.right)];
        return sides.includes('text') ? ['text'] : ['number'];
      }
      if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken) return this.classifyValue(node.right).includes('text') ? ['text'] : ['bool'];
      if (RELATIONAL.has(op) || EQUALITY.has(op)) return ['bool'];
    }
    if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) return ['bool'];
    if (ts.isCallExpression(node)) {
      const callee = unwrap(node.expression);
      const name = trailingName(callee);
      if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'Math') return ['number'];
      if (isPresentationCallee(name) || /format/i.test(name)) return ['text'];
      return ['value'];
    }
    if (ts.isArrayLiteralExpression(node)) {
      if (node.elements.length === 0) return ['none'];
      const kinds = node.elements.flatMap((e) => (ts.isSpreadElement(e) ? ['value' as ValueKind] : this.classifyValue(e)));
      return kinds.every(isBusinessKind) ? kinds : ['value'];
    }
    if (ts.isObjectLiteralExpression(node)) return this.classifyObject(node);
    return ['value'];
  }

  private classifyObject(node: ts.ObjectLiteralExpression): ValueKind[] {
    const kinds: ValueKind[] = [];
    const updates = node.properties.some(ts.isSpreadAssignment);
    for (const p of node.properties) {
      const key = p.name ? propertyName(p.name) : undefined;
      if (updates && key && !TAG_KEYS.has(key) && !isPresentationName(key) && ts.isPropertyAssignment(p) && isStateLiteral(p.initializer)) kinds.push('transition');
      else if (key && isPresentationName(key)) kinds.push('text');
      // `{ type: 'message', … }`: the tag of a tagged union says what the object is, not what was decided.
      else if (key && TAG_KEYS.has(key)) kinds.push('value');
      else if (ts.isPropertyAssignment(p)) kinds.push(...this.classifyValue(p.initializer));
      else kinds.push('value');
    }
    return kinds.some(isBusinessKind) ? kinds.filter(isBusinessKind) : kinds;
  }

  /** What the statements of a branch produce. */
  classifyBranch(statement: ts.Statement | undefined): readonly ValueKind[] {
    if (!statement) return [];
    if (ts.isBlock(statement)) return statement.statements.flatMap((s) => this.classifyBranch(s));
    if (ts.isReturnStatement(statement)) {
      if (!statement.expression) return ['none'];
      // What a `colorOf()` or `labelFor()` returns is shown, whatever it looks like.
      const fn = enclosingFunction(statement);
      const name = fn ? functionLabel(fn) : undefined;
      if (name && isPresentationName(name)) return ['text'];
      return this.classifyValue(statement.expression);
    }
    if (ts.isThrowStatement(statement)) return ['text'];
    if (ts.isIfStatement(statement)) return this.classifyBranch(statement.thenStatement);
    if (ts.isExpressionStatement(statement)) return this.classifyEffect(unwrap(statement.expression));
    if (ts.isContinueStatement(statement) || ts.isBreakStatement(statement)) return ['none'];
    return ['value'];
  }

  /** What an expression statement does: an assignment, a call. */
  private classifyEffect(e: ts.Expression): readonly ValueKind[] {
    if (ts.isBinaryExpression(e) && isAssignment(e)) {
      const target = lastName(e.left);
      if (isPresentationName(target) || isNonDomainName([target])) return ['text'];
      if (e.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return ['number'];
      const chainRoot = ts.isPropertyAccessExpression(e.left) ? rootIdentifier(e.left) : undefined;
      if (chainRoot && !TAG_KEYS.has(target) && isStateLiteral(e.right) && !isLocallyBuilt(chainRoot)) return ['transition'];
      return this.classifyValue(e.right);
    }
    if (ts.isCallExpression(e) || ts.isAwaitExpression(e)) {
      const call = ts.isAwaitExpression(e) ? unwrap(e.expression) : e;
      if (ts.isCallExpression(call)) {
        if (isPresentationCallee(trailingName(unwrap(call.expression)))) return ['text'];
        // `updated.push({ ...invoice, status: 'void' })`, `orders.save({ ...order, status })`: the entity changes state.
        if (call.arguments.some((a) => this.classifyValue(a).includes('transition'))) return ['transition'];
      }
      return ['value'];
    }
    return ['value'];
  }

  /** Where a computed value ends up: somewhere shown, or somewhere that matters. */
  sinkIsPresentation(start: ts.Node): boolean {
    let node: ts.Node = start;
    for (let depth = 0; depth < 40; depth++) {
      const parent = node.parent;
      if (!parent) return false;
      if (ts.isJsxAttribute(parent) || ts.isJsxExpression(parent) || ts.isJsxElement(parent) || ts.isTemplateSpan(parent)) return true;
      // `values[Math.ceil(values.length * 0.95) - 1]`: an index, not a business quantity.
      if (ts.isElementAccessExpression(parent) && parent.argumentExpression === node) return true;
      if (ts.isVariableDeclaration(parent)) return ts.isIdentifier(parent.name) && isShownName(parent.name.text);
      if (ts.isPropertyAssignment(parent) || ts.isShorthandPropertyAssignment(parent)) {
        const key = propertyName(parent.name);
        if (key && isShownName(key)) return true;
        node = parent.parent; // the object literal: where does it go?
        continue;
      }
      if (ts.isBinaryExpression(parent) && isAssignment(parent) && parent.right === node) return isShownName(lastName(parent.left));
      if (ts.isCallExpression(parent) && parent.expression !== node) {
        const callee = unwrap(parent.expression);
        if (isValueConversion(callee)) {
          node = parent;
          continue;
        }
        const name = trailingName(callee);
        return isPresentationCallee(name) || /format|Intl/.test(name) || (ts.isPropertyAccessExpression(callee) && /Intl|rtf|formatter/i.test(callee.expression.getText(this.sf)));
      }
      if (ts.isNewExpression(parent)) return /Intl|Format/.test(parent.expression.getText(this.sf));
      if (ts.isPropertyAccessExpression(parent) && parent.expression === node) return isPresentationCallee(parent.name.text);
      if (ts.isReturnStatement(parent) || (ts.isArrowFunction(parent) && parent.body === node)) {
        const fn = ts.isReturnStatement(parent) ? enclosingFunction(parent) : parent;
        const name = fn ? functionLabel(fn) : undefined;
        return !!name && (isPresentationName(name) || /^(format|render|to[A-Z]\w*(Label|Text|String|Class))/.test(name));
      }
      if (ts.isExpressionStatement(parent) || ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isIfStatement(parent)) return false;
      node = parent;
    }
    return false;
  }

  /** The role of the decision a condition makes. */
  conditionOutcome(condition: ts.Node): 'business' | 'guard' | 'other' {
    let top: ts.Node = condition;
    for (;;) {
      const parent = parentSkippingWrappers(top);
      if (ts.isPrefixUnaryExpression(parent) && parent.operator === ts.SyntaxKind.ExclamationToken) top = parent;
      else if (ts.isBinaryExpression(parent) && (parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || parent.operatorToken.kind === ts.SyntaxKind.BarBarToken)) top = parent;
      else break;
    }
    const parent = parentSkippingWrappers(top);
    let kinds: readonly ValueKind[];
    if (ts.isConditionalExpression(parent) && (parent.condition === top || unwrap(parent.condition) === top)) {
      if (this.sinkIsPresentation(parent)) return 'other';
      kinds = [...this.classifyValue(parent.whenTrue), ...this.classifyValue(parent.whenFalse)];
    } else if (ts.isIfStatement(parent) && (parent.expression === top || unwrap(parent.expression) === top)) {
      kinds = this.classifyBranch(parent.thenStatement);
      // `if (balance < 100_000) continue;`: a guard that leaves out what does not qualify.
      if (!parent.elseStatement && kinds.length > 0 && kinds.every((k) => k === 'none')) return 'guard';
      if (parent.elseStatement && !ts.isIfStatement(parent.elseStatement)) kinds = [...kinds, ...this.classifyBranch(parent.elseStatement)];
    } else if ((ts.isReturnStatement(parent) && isCallbackArgument(enclosingFunction(parent))) || (ts.isArrowFunction(parent) && parent.body === top && isCallbackArgument(parent))) {
      // A condition an anonymous callback returns to its caller is a predicate (filter, find, waitFor…).
      return 'other';
    } else if (ts.isWhileStatement(parent) || ts.isDoStatement(parent) || ts.isForStatement(parent)) {
      return 'other';
    } else if (ts.isReturnStatement(parent) || ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isArrowFunction(parent) || (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken)) {
      // The decision itself is the value: a boolean someone acts on.
      if (ts.isBinaryExpression(top) && (top.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || top.operatorToken.kind === ts.SyntaxKind.BarBarToken) && this.classifyValue(top.right).includes('text')) return 'other';
      return this.sinkIsPresentation(top) ? 'other' : 'business';
    } else {
      return 'other';
    }
    if (kinds.includes('text') && !kinds.some(isBusinessKind)) return 'other';
    return kinds.some(isBusinessKind) ? 'business' : 'other';
  }

  /** `x.status === 'paid'`, `tier !== 'gold'`, `categories.includes('eco')`. */
  stateTest(node: ts.Expression): { subject: ts.Expression; literal: string } | undefined {
    node = unwrap(node);
    if (ts.isBinaryExpression(node) && EQUALITY.has(node.operatorToken.kind)) {
      for (const [lit, other] of [[node.right, node.left], [node.left, node.right]] as const) {
        const l = unwrap(lit);
        if (ts.isStringLiteralLike(l) && STATE_LITERAL.test(l.text) && this.isDomainSubject(other)) return { subject: other, literal: l.text };
      }
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'includes') {
      const arg = node.arguments[0] && unwrap(node.arguments[0]);
      if (arg && ts.isStringLiteralLike(arg) && STATE_LITERAL.test(arg.text) && this.isDomainSubject(node.expression.expression)) return { subject: node.expression.expression, literal: arg.text };
    }
    return undefined;
  }

  /** The first test of domain state anywhere inside a condition (callbacks included: `lines.some(l => l.category === 'x')`). */
  findStateTest(node: ts.Node): { subject: ts.Expression; literal: string } | undefined {
    let found: { subject: ts.Expression; literal: string } | undefined;
    const visit = (n: ts.Node) => {
      if (found) return;
      if (ts.isExpression(n)) found = this.stateTest(n);
      if (!found) ts.forEachChild(n, visit);
    };
    visit(node);
    return found;
  }

  /** A condition about domain data (a comparison, a state test or a flag of a domain object). */
  isDomainCondition(node: ts.Expression): boolean {
    let domain = false;
    const check = (n: ts.Node) => {
      if (domain) return;
      if (ts.isBinaryExpression(n) && (RELATIONAL.has(n.operatorToken.kind) || EQUALITY.has(n.operatorToken.kind))) {
        domain = this.isDomainSubject(n.left) || this.isDomainSubject(n.right);
        return;
      }
      if (ts.isPropertyAccessExpression(n) && this.isDomainSubject(n)) domain = true;
      else if (ts.isIdentifier(n) && !isNonDomainName([n.text])) domain = true;
      else ts.forEachChild(n, check);
    };
    check(node);
    return domain;
  }
}

/** A name whose value is shown or is not domain data: `label`, `width`, `retries`. */
function isShownName(name: string): boolean {
  return isPresentationName(name) || isNonDomainName([name]);
}

/** `Math.round(…)`, `Number(…)`: the value passes through unchanged in role. */
function isValueConversion(callee: ts.Expression): boolean {
  if (ts.isPropertyAccessExpression(callee)) return ts.isIdentifier(callee.expression) && (callee.expression.text === 'Math' || callee.expression.text === 'Number');
  return ts.isIdentifier(callee) && (callee.text === 'Number' || callee.text === 'String' || callee.text === 'Boolean');
}
