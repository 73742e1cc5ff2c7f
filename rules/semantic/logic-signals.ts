// A plain require: the namespace import's getters cost a quarter of the walk's time on hot paths.
import ts = require('typescript');
import type { FactCollector } from '../checks/rule';
import { withParents } from './parent-pointers';
import type { Range } from '../model';
import { CONVERSIONS, FileNumbers, isFraction } from './logic-numbers';
import { EQUALITY, RELATIONAL, STATE_LITERAL, type ValueKind, ValueRoles, isBusinessKind } from './logic-values';
import { parentSkippingWrappers, propertyName, trailingName, unwrap } from './syntax';

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

export function collectLogicFacts(sf: ts.SourceFile): LogicFacts {
  withParents(sf);
  return { functions: new SignalWalk(sf).run() };
}

/** One walk of a file: registers its named functions and adds each signal to the function it is in. */
class SignalWalk {
  private readonly values: ValueRoles;
  private readonly numbers: FileNumbers;
  private readonly units = new Map<ts.Node, FunctionLogic>();
  private readonly functions: FunctionLogic[] = [];

  constructor(private readonly sf: ts.SourceFile) {
    this.numbers = new FileNumbers(sf);
    this.values = new ValueRoles(sf, this.numbers);
  }

  /** The functions with at least one signal. */
  run(): FunctionLogic[] {
    this.visit(this.sf);
    return this.functions.filter((f) => f.signals.length > 0);
  }

  private readonly visit = (node: ts.Node): void => {
    switch (node.kind) {
      case SK.BinaryExpression: {
        const e = node as ts.BinaryExpression;
        const op = e.operatorToken.kind;
        if (RELATIONAL.has(op)) this.visitComparison(e);
        else if (op === SK.AmpersandAmpersandToken || op === SK.BarBarToken) this.visitLogical(e);
        else this.visitArithmetic(e);
        break;
      }
      case SK.ConditionalExpression:
        this.visitBranch((node as ts.ConditionalExpression).condition, node);
        this.visitAmountChoice(node as ts.ConditionalExpression);
        break;
      case SK.IfStatement:
        this.visitBranch((node as ts.IfStatement).expression, node);
        break;
      case SK.SwitchStatement:
        this.visitSwitch(node as ts.SwitchStatement);
        break;
      case SK.ObjectLiteralExpression:
        this.visitObject(node as ts.ObjectLiteralExpression);
        break;
      case SK.CallExpression:
        this.visitMinMax(node as ts.CallExpression);
        break;
      case SK.FunctionDeclaration:
      case SK.FunctionExpression:
      case SK.ArrowFunction:
      case SK.MethodDeclaration:
      case SK.Constructor:
      case SK.GetAccessor:
      case SK.SetAccessor:
        if ((node as ts.FunctionLikeDeclaration).body) this.registerUnit(node as ts.FunctionLikeDeclaration);
        break;
    }
    ts.forEachChild(node, this.visit);
  };

  private registerUnit(node: ts.SignatureDeclaration): void {
    const named = unitName(node, this.sf);
    if (!named) return;
    const start = this.sf.getLineAndCharacterOfPosition(named.node.getStart(this.sf));
    const end = this.sf.getLineAndCharacterOfPosition(named.node.getEnd());
    const unit: FunctionLogic = { name: named.name, range: { start, end }, signals: [] };
    this.units.set(node, unit);
    this.functions.push(unit);
  }

  /** Adds a signal to the named function around `at`; code outside every named function counts for none. */
  private signal(at: ts.Node, kind: SignalKind, detail: string, subjects: string[], weight = SIGNAL_WEIGHTS[kind].weight): void {
    for (let n: ts.Node | undefined = at; n; n = n.parent) {
      const unit = this.units.get(n);
      if (!unit) continue;
      unit.signals.push({ kind, weight, detail, line: this.sf.getLineAndCharacterOfPosition(at.getStart(this.sf)).line + 1, subjects });
      return;
    }
  }

  private visitArithmetic(node: ts.BinaryExpression): void {
    const values = this.values;
    const op = node.operatorToken.kind;
    const multiply = op === SK.AsteriskToken || op === SK.AsteriskEqualsToken;
    const divide = op === SK.SlashToken || op === SK.SlashEqualsToken;
    if (multiply || divide) {
      for (const [rate, other] of [[node.right, node.left], [node.left, node.right]] as const) {
        const r = values.rateOperand(rate);
        if (r && values.isDomainSubject(other) && !values.sinkIsPresentation(node)) {
          this.signal(node, 'rate', `applies ${r.text} to ${values.subjectText(other)}`, [values.subjectText(other)]);
          return;
        }
        const v = this.numbers.value(rate);
        if (multiply && v !== undefined && Number.isInteger(v) && v >= 2 && v <= 5 && values.isDomainSubject(other) && !values.sinkIsPresentation(node)) {
          this.signal(node, 'rate', `multiplies ${values.subjectText(other)} by ${v}`, [values.subjectText(other)]);
          return;
        }
      }
      // (amount × percent) / 100: applying a percentage.
      if (divide && this.numbers.value(node.right) === 100) {
        const left = unwrap(node.left);
        if (ts.isBinaryExpression(left) && left.operatorToken.kind === SK.AsteriskToken && values.isDomainSubject(left.left) && this.numbers.value(left.right) === undefined && !values.sinkIsPresentation(node)) {
          this.signal(node, 'rate', `applies ${values.subjectText(left.right)} percent to ${values.subjectText(left.left)}`, [values.subjectText(left.left), values.subjectText(left.right)]);
        }
      }
    } else if ((op === SK.PlusEqualsToken || op === SK.MinusEqualsToken) && values.isDomainSubject(node.left)) {
      const v = this.numbers.value(node.right);
      if (v !== undefined && !CONVERSIONS.has(v) && !isFraction(v)) {
        const adds = op === SK.PlusEqualsToken;
        this.signal(node, 'amount', `${adds ? 'adds' : 'subtracts'} ${v} ${adds ? 'to' : 'from'} ${values.subjectText(node.left)}`, [values.subjectText(node.left)]);
      }
    }
  }

  private visitComparison(node: ts.BinaryExpression): void {
    const values = this.values;
    for (const [bound, other] of [[node.right, node.left], [node.left, node.right]] as const) {
      const b = this.numbers.bound(bound);
      if (!b || !values.isDomainSubject(other)) continue;
      if (isHttpStatusTest(other, b.value)) return;
      const outcome = values.conditionOutcome(node);
      if (outcome === 'other') return;
      if (outcome === 'guard') this.signal(node, 'threshold', `stops unless ${values.subjectText(other)} passes ${b.text}`, [values.subjectText(other)], 1);
      else this.signal(node, 'threshold', `compares ${values.subjectText(other)} against ${b.text}`, [values.subjectText(other)]);
      return;
    }
    // Two domain quantities compared to choose a quantity: `free <= reorderAt ? orderQty : 0`.
    if (this.numbers.value(node.left) === undefined && this.numbers.value(node.right) === undefined && values.isDomainSubject(node.left) && values.isDomainSubject(node.right)) {
      const parent = parentSkippingWrappers(node);
      if (!ts.isConditionalExpression(parent) || values.sinkIsPresentation(parent)) return;
      const kinds = [...values.classifyValue(parent.whenTrue), ...values.classifyValue(parent.whenFalse)];
      if (!kinds.includes('number') && !kinds.includes('amount')) return;
      this.signal(node, 'threshold', `compares ${values.subjectText(node.left)} with ${values.subjectText(node.right)} to choose a quantity`, [values.subjectText(node.left), values.subjectText(node.right)], 1);
    }
  }

  private visitBranch(condition: ts.Expression, at: ts.Node): void {
    const values = this.values;
    const test = values.findStateTest(condition);
    if (!test) return;
    const parent = condition.parent;
    let kinds: readonly ValueKind[] = [];
    if (ts.isConditionalExpression(parent)) {
      if (values.sinkIsPresentation(parent)) return;
      kinds = [...values.classifyValue(parent.whenTrue), ...values.classifyValue(parent.whenFalse)];
    } else if (ts.isIfStatement(parent)) {
      kinds = values.classifyBranch(parent.thenStatement);
    }
    if (!kinds.some(isBusinessKind)) return;
    const subject = values.subjectText(test.subject);
    const amount = kinds.includes('amount');
    const transition = kinds.includes('transition');
    const purpose = amount ? ' to pick an amount' : transition ? ' to set a new state' : '';
    this.signal(at, 'branch', `branches on ${subject} ('${test.literal}')${purpose}`, [subject], amount || transition ? 1.5 : 1);
  }

  private visitSwitch(node: ts.SwitchStatement): void {
    if (!this.values.isDomainSubject(node.expression)) return;
    const subject = this.values.subjectText(node.expression);
    for (const clause of node.caseBlock.clauses) {
      if (!ts.isCaseClause(clause)) continue;
      const label = unwrap(clause.expression);
      if (!ts.isStringLiteralLike(label) || !STATE_LITERAL.test(label.text)) continue;
      const kinds = clause.statements.flatMap((s) => this.values.classifyBranch(s));
      if (kinds.some(isBusinessKind) && !(kinds.includes('text') && !kinds.some((k) => k === 'amount' || k === 'number'))) {
        this.signal(clause, 'branch', `branches on ${subject} ('${label.text}')`, [subject]);
      }
    }
  }

  /** `a && b && c` deciding something from several facts about domain data. */
  private visitLogical(node: ts.BinaryExpression): void {
    const parent = parentSkippingWrappers(node);
    if (ts.isBinaryExpression(parent) && (parent.operatorToken.kind === SK.AmpersandAmpersandToken || parent.operatorToken.kind === SK.BarBarToken)) return;
    if (ts.isPrefixUnaryExpression(parent)) return;
    const atoms = logicalOperands(node);
    if (atoms.length < 3) return;
    const subjects: string[] = [];
    for (const atom of atoms) {
      const subject = this.factSubject(atom);
      if (subject === null) return; // a validation or transport check in the chain: not a domain decision
      if (subject !== undefined) subjects.push(subject);
    }
    // Several facts about one value (`cmd === 'a' || cmd === 'b'`) is a membership test, not a decision.
    if (subjects.length < 2 || new Set(subjects).size < 2) return;
    if (this.values.conditionOutcome(node) !== 'business') return;
    this.signal(node, 'eligibility', `decides from ${atoms.length} conditions (${[...new Set(subjects)].slice(0, 3).join(', ')})`, subjects);
  }

  /**
   * What one operand of `a && b && c` is a fact about: the domain value it reads, undefined when it
   * is a plain flag or call that states no fact, null when it checks something other than domain data.
   */
  private factSubject(atom: ts.Expression): string | undefined | null {
    const values = this.values;
    const a = ts.isPrefixUnaryExpression(atom) && atom.operator === SK.ExclamationToken ? unwrap(atom.operand) : atom;
    if (ts.isBinaryExpression(a) && (RELATIONAL.has(a.operatorToken.kind) || EQUALITY.has(a.operatorToken.kind))) {
      // `x !== ''`, `x != null`: whether there is a value, not a fact about it.
      if (EQUALITY.has(a.operatorToken.kind) && (isAbsence(a.left) || isAbsence(a.right))) return undefined;
      const side = [a.left, a.right].find((s) => values.isDomainSubject(s));
      return side ? values.subjectText(side) : null;
    }
    if (ts.isPropertyAccessExpression(a)) return values.isDomainSubject(a) ? values.subjectText(a) : null;
    if (ts.isCallExpression(a)) {
      const test = values.stateTest(a);
      if (test) return values.subjectText(test.subject);
      return values.isDomainSubject(a) ? undefined : null;
    }
    return ts.isIdentifier(a) ? undefined : null;
  }

  /** `{ draft: ['placed'], placed: ['paid', 'cancelled'], … }`: which states may follow which. */
  private visitObject(node: ts.ObjectLiteralExpression): void {
    if (node.properties.length < 3) return;
    let nonEmpty = 0;
    for (const p of node.properties) {
      if (!ts.isPropertyAssignment(p) || !propertyName(p.name)) return;
      const value = unwrap(p.initializer);
      if (!ts.isArrayLiteralExpression(value)) return;
      if (!value.elements.every((e) => ts.isStringLiteralLike(e) && STATE_LITERAL.test(e.text))) return;
      if (value.elements.length > 0) nonEmpty++;
    }
    if (nonEmpty >= 2) this.signal(node, 'transition', `declares which states may follow which (${node.properties.length} states)`, []);
  }

  /** `Math.min(x, 10_000)`: a cap or a floor that is a business constant. */
  private visitMinMax(node: ts.CallExpression): void {
    const callee = node.expression;
    if (!ts.isPropertyAccessExpression(callee) || (callee.name.text !== 'min' && callee.name.text !== 'max')) return;
    if (!ts.isIdentifier(callee.expression) || callee.expression.text !== 'Math') return;
    const bound = node.arguments.map((a) => this.numbers.bound(a)).find((b) => b && b.value !== 100);
    const subject = node.arguments.find((a) => this.values.isDomainSubject(a));
    if (!bound || !subject || this.values.sinkIsPresentation(node)) return;
    this.signal(node, 'cap', `${callee.name.text === 'min' ? 'caps' : 'floors'} ${this.values.subjectText(subject)} at ${bound.text}`, [this.values.subjectText(subject)]);
  }

  /** `cond ? 2_500 : 1_000`: a decision between business amounts. */
  private visitAmountChoice(node: ts.ConditionalExpression): void {
    const amounts = [node.whenTrue, node.whenFalse].map((e) => this.numbers.value(e)).filter((v): v is number => v !== undefined && !CONVERSIONS.has(v) && !isFraction(v));
    if (amounts.length === 0 || this.values.sinkIsPresentation(node)) return;
    if (!this.values.isDomainCondition(node.condition)) return;
    this.signal(node, 'amount', `sets the amount ${amounts.join(' or ')}`, []);
  }
}

const SK = ts.SyntaxKind;

/** `response.status >= 400`, `statusCode === 204`: transport, whatever the subject's other words. */
function isHttpStatusTest(subject: ts.Expression, value: number | undefined): boolean {
  if (value === undefined || !Number.isInteger(value) || value < 100 || value > 599) return false;
  return /^(status|statusCode|httpStatus)$/.test(trailingName(unwrap(subject)));
}

/** `''`, `null`, `undefined`, `NaN`: what a presence check compares with. */
function isAbsence(node: ts.Expression): boolean {
  const n = unwrap(node);
  if (n.kind === SK.NullKeyword) return true;
  if (ts.isIdentifier(n)) return n.text === 'undefined' || n.text === 'NaN';
  return ts.isStringLiteralLike(n) && n.text === '';
}

/** The operands of a chain of `&&` and `||`, in order. */
function logicalOperands(node: ts.Expression): ts.Expression[] {
  const e = unwrap(node);
  if (ts.isBinaryExpression(e) && (e.operatorToken.kind === SK.AmpersandAmpersandToken || e.operatorToken.kind === SK.BarBarToken)) return [...logicalOperands(e.left), ...logicalOperands(e.right)];
  return [e];
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
    // `const onSave = useCallback(() => …, [])`: a handler kept by a hook is still the handler it is named
    // after, not a part of the component around it (two handlers would add up to one score).
    const hooked = hookResult(node);
    if (hooked) return { name: hooked.text, node: hooked };
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

/** `handleChange` for the callback in `const handleChange = useEvent((e) => …)`. */
function hookResult(fn: ts.ArrowFunction | ts.FunctionExpression): ts.Identifier | undefined {
  const call = fn.parent;
  if (!ts.isCallExpression(call) || call.arguments[0] !== fn) return undefined;
  if (!/^use[A-Z]/.test(trailingName(unwrap(call.expression)))) return undefined;
  const declaration = parentSkippingWrappers(call);
  return ts.isVariableDeclaration(declaration) && ts.isIdentifier(declaration.name) ? declaration.name : undefined;
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
  appliesTo: (membership) => (membership.layer === 'ui' || membership.layer === 'integration') && !membership.isTest,
  collect: collectLogicFacts,
};
