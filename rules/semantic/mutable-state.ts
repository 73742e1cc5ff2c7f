// A plain require: the namespace import's getters cost a quarter of the walk's time on hot paths.
import ts = require('typescript');
import type { FactCollector } from '../checks/rule';
import type { Range } from '../model';
import { collectModuleBindings } from './module-bindings';
import { rootIdentifier, trailingName } from './syntax';

/** What a module-level variable holds, judged from its initializer and type annotation. */
export type StateValue = 'array' | 'object' | 'map' | 'set' | 'instance' | 'primitive' | 'unknown';

/** A module-level variable that could be state. */
export interface ModuleState {
  local: string;
  declaration: 'let' | 'var' | 'const';
  value: StateValue;
  /** Frozen, `as const`, or typed read-only: nobody can change it through this binding. */
  readonly: boolean;
  /** For `new X()`: the class name as written in this file. */
  className?: string;
  /** For `new X()`, `new lib.X()`, `f()`, `lib.create()`: the name in this file the value comes from (X, lib, f). */
  madeBy?: string;
  /** The declared name. */
  range: Range;
  /** Module-level functions that reassign it (a `let`/`var` changed by the owning module). */
  reassignedBy: string[];
}

export type MutationKind =
  /** `x.p = v`, `x[k] += v`, `Object.assign(x, …)` */
  | 'assign'
  /** `delete x.p` */
  | 'delete'
  /** `x.p++` */
  | 'update'
  /** A method call on the binding (or a property of it): mutating or not depends on what it is. */
  | 'method'
  /** The binding itself is called (an imported function). */
  | 'call';

/** A use of an imported binding that may change it. */
export interface MutationSite {
  /** The import's local name. */
  local: string;
  /** For a namespace import: the member used (`ns.member`). */
  member?: string;
  /** Properties between the binding and the change (`x.a.b.push()` → ['a', 'b']). */
  path: string[];
  kind: MutationKind;
  /** For 'method': the method's name. */
  method?: string;
  range: Range;
}

export interface StateFacts {
  state: ReadonlyMap<string, ModuleState>;
}

/** Classes declared in a file → their methods that change instance state. */
export type ClassMutators = ReadonlyMap<string, readonly string[]>;

/** Methods that change the array, Map or Set they are called on. */
export const ARRAY_MUTATORS = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin']);
export const COLLECTION_MUTATORS = new Set(['set', 'delete', 'clear', 'add']);
const OBJECT_MUTATORS = new Set(['assign', 'defineProperty', 'defineProperties', 'setPrototypeOf']);
const REFLECT_MUTATORS = new Set(['set', 'deleteProperty', 'defineProperty', 'setPrototypeOf']);

function rangeOf(sf: ts.SourceFile, node: ts.Node): Range {
  return { start: sf.getLineAndCharacterOfPosition(node.getStart(sf)), end: sf.getLineAndCharacterOfPosition(node.getEnd()) };
}

function isReadonlyType(type: ts.TypeNode | undefined): boolean {
  if (!type) return false;
  if (ts.isTypeOperatorNode(type) && type.operator === ts.SyntaxKind.ReadonlyKeyword) return true;
  if (ts.isTypeReferenceNode(type)) {
    const name = ts.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text;
    return /Readonly|Immutable/.test(name);
  }
  if (ts.isUnionTypeNode(type) || ts.isIntersectionTypeNode(type)) return type.types.some(isReadonlyType);
  return false;
}

function unwrap(node: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(node) || ts.isSatisfiesExpression(node) || ts.isNonNullExpression(node) || ts.isTypeAssertionExpression(node)) node = node.expression;
  return node;
}

function isAsConst(node: ts.Expression): boolean {
  return ts.isAsExpression(node) && ts.isTypeReferenceNode(node.type) && ts.isIdentifier(node.type.typeName) && node.type.typeName.text === 'const';
}

/** Classifies a module-level variable's initializer. */
function classify(init: ts.Expression | undefined, type: ts.TypeNode | undefined): { value: StateValue; readonly: boolean; className?: string; madeBy?: string } {
  let readonly = isReadonlyType(type);
  if (!init) return { value: typeValue(type), readonly };
  let node = unwrap(init);
  if (isAsConst(node)) return { value: 'object', readonly: true };
  if (ts.isAsExpression(node)) {
    readonly ||= isReadonlyType(node.type);
    node = unwrap(node.expression);
  }
  if (ts.isCallExpression(node)) {
    if (/freeze$/i.test(trailingName(node.expression))) return { value: 'object', readonly: true };
  }
  if (ts.isArrayLiteralExpression(node)) return { value: 'array', readonly };
  if (ts.isObjectLiteralExpression(node)) return { value: 'object', readonly };
  if (ts.isNewExpression(node)) {
    const name = ts.isIdentifier(node.expression) ? node.expression.text : ts.isPropertyAccessExpression(node.expression) ? node.expression.name.text : '';
    if (/^(Weak)?Map$/.test(name)) return { value: 'map', readonly };
    if (/^(Weak)?Set$/.test(name)) return { value: 'set', readonly };
    if (name === 'Array') return { value: 'array', readonly };
    if (/^(Date|URL|RegExp|Error|Promise|[A-Z]\w*Error)$/.test(name)) return { value: 'primitive', readonly };
    return { value: 'instance', readonly, className: ts.isIdentifier(node.expression) ? node.expression.text : undefined, madeBy: rootIdentifier(node.expression)?.text };
  }
  if (
    ts.isStringLiteralLike(node) ||
    ts.isNumericLiteral(node) ||
    ts.isTemplateExpression(node) ||
    ts.isPrefixUnaryExpression(node) ||
    node.kind === ts.SyntaxKind.TrueKeyword ||
    node.kind === ts.SyntaxKind.FalseKeyword ||
    node.kind === ts.SyntaxKind.NullKeyword ||
    node.kind === ts.SyntaxKind.BigIntLiteral ||
    ts.isRegularExpressionLiteral(node)
  ) {
    return { value: 'primitive', readonly };
  }
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isClassExpression(node)) return { value: 'primitive', readonly: true };
  const madeBy = ts.isCallExpression(node) ? rootIdentifier(node.expression)?.text : undefined;
  return { value: typeValue(type) === 'primitive' ? 'primitive' : 'unknown', readonly, madeBy };
}

function typeValue(type: ts.TypeNode | undefined): StateValue {
  if (!type) return 'unknown';
  if (ts.isArrayTypeNode(type) || ts.isTupleTypeNode(type)) return 'array';
  if (ts.isTypeReferenceNode(type)) {
    const name = ts.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text;
    if (name === 'Array') return 'array';
    if (/Map$/.test(name)) return 'map';
    if (/Set$/.test(name)) return 'set';
    if (name === 'Record') return 'object';
  }
  if (ts.isTypeLiteralNode(type)) return 'object';
  const primitive = [ts.SyntaxKind.StringKeyword, ts.SyntaxKind.NumberKeyword, ts.SyntaxKind.BooleanKeyword, ts.SyntaxKind.BigIntKeyword];
  if (primitive.includes(type.kind) || ts.isLiteralTypeNode(type)) return 'primitive';
  return 'unknown';
}

/** The names a function-like or block node declares directly (parameters, variables, functions, classes). */
function declaredNames(node: ts.Node): Set<string> {
  const names = new Set<string>();
  const addBinding = (name: ts.BindingName) => {
    if (ts.isIdentifier(name)) names.add(name.text);
    else for (const el of name.elements) if (!ts.isOmittedExpression(el)) addBinding(el.name);
  };
  if (ts.isFunctionLike(node)) for (const p of node.parameters) addBinding(p.name);
  if (ts.isCatchClause(node) && node.variableDeclaration) addBinding(node.variableDeclaration.name);
  const statements = ts.isBlock(node) || ts.isSourceFile(node) || ts.isModuleBlock(node) ? node.statements : ts.isCaseClause(node) || ts.isDefaultClause(node) ? node.statements : undefined;
  for (const s of statements ?? []) {
    if (ts.isVariableStatement(s)) for (const d of s.declarationList.declarations) addBinding(d.name);
    else if ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) && s.name) names.add(s.name.text);
  }
  if ((ts.isForStatement(node) || ts.isForOfStatement(node) || ts.isForInStatement(node)) && node.initializer && ts.isVariableDeclarationList(node.initializer)) {
    for (const d of node.initializer.declarations) addBinding(d.name);
  }
  return names;
}

/** `x`, `x.a`, `x['a']`, `x[k].b` → the root identifier and the property path (computed keys as '[]'). */
function accessChain(node: ts.Expression): { root: ts.Identifier; path: string[] } | undefined {
  const path: string[] = [];
  let current = unwrap(node);
  for (;;) {
    if (ts.isIdentifier(current)) return { root: current, path: path.reverse() };
    if (ts.isPropertyAccessExpression(current)) {
      path.push(current.name.text);
      current = unwrap(current.expression);
    } else if (ts.isElementAccessExpression(current)) {
      path.push(ts.isStringLiteralLike(current.argumentExpression) ? current.argumentExpression.text : '[]');
      current = unwrap(current.expression);
    } else {
      return undefined;
    }
  }
}

const ASSIGNMENT_OPERATORS = new Set([
  ts.SyntaxKind.EqualsToken,
  ts.SyntaxKind.PlusEqualsToken,
  ts.SyntaxKind.MinusEqualsToken,
  ts.SyntaxKind.AsteriskEqualsToken,
  ts.SyntaxKind.SlashEqualsToken,
  ts.SyntaxKind.PercentEqualsToken,
  ts.SyntaxKind.AsteriskAsteriskEqualsToken,
  ts.SyntaxKind.AmpersandEqualsToken,
  ts.SyntaxKind.BarEqualsToken,
  ts.SyntaxKind.CaretEqualsToken,
  ts.SyntaxKind.LessThanLessThanEqualsToken,
  ts.SyntaxKind.GreaterThanGreaterThanEqualsToken,
  ts.SyntaxKind.GreaterThanGreaterThanGreaterThanEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
]);

/** Module-level variables and the functions that reassign them. */
function collectModuleState(sf: ts.SourceFile): Map<string, ModuleState> {
  const state = new Map<string, ModuleState>();
  const functions = new Map<string, ts.Node>();
  for (const statement of sf.statements) {
    if (ts.isVariableStatement(statement)) {
      const flags = statement.declarationList.flags;
      const declaration = flags & ts.NodeFlags.Const ? 'const' : flags & ts.NodeFlags.Let ? 'let' : 'var';
      for (const decl of statement.declarationList.declarations) {
        if (!ts.isIdentifier(decl.name)) continue;
        const init = decl.initializer && unwrap(decl.initializer);
        if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) functions.set(decl.name.text, init);
        const { value, readonly, className, madeBy } = classify(decl.initializer, decl.type);
        if (declaration === 'const' && (value === 'primitive' || readonly)) continue;
        state.set(decl.name.text, { local: decl.name.text, declaration, value, readonly, className, madeBy, range: rangeOf(sf, decl.name), reassignedBy: [] });
      }
    } else if (ts.isFunctionDeclaration(statement) && statement.name && statement.body) {
      functions.set(statement.name.text, statement);
    } else if (ts.isExportAssignment(statement) && !statement.isExportEquals) {
      const expression = unwrap(statement.expression);
      if (ts.isIdentifier(expression)) continue;
      const { value, readonly, className, madeBy } = classify(statement.expression, undefined);
      if (value === 'primitive' || readonly) continue;
      state.set('default', { local: 'default', declaration: 'const', value, readonly, className, madeBy, range: rangeOf(sf, statement.expression), reassignedBy: [] });
    }
  }
  // Which module-level functions reassign a module-level let/var, directly or through another one.
  const reassignable = new Set([...state.values()].filter((s) => s.declaration !== 'const').map((s) => s.local));
  if (reassignable.size === 0) return state;
  const direct = new Map<string, Set<string>>();
  const calls = new Map<string, Set<string>>();
  for (const [name, fn] of functions) {
    const assigned = new Set<string>();
    const called = new Set<string>();
    const visit = (node: ts.Node, shadowed: ReadonlySet<string>) => {
      let inner = shadowed;
      if (ts.isFunctionLike(node) || ts.isBlock(node)) {
        const declared = [...declaredNames(node)].filter((n) => reassignable.has(n) || functions.has(n));
        if (declared.length > 0) inner = new Set([...shadowed, ...declared]);
      }
      if (ts.isBinaryExpression(node) && ASSIGNMENT_OPERATORS.has(node.operatorToken.kind) && ts.isIdentifier(node.left) && reassignable.has(node.left.text) && !inner.has(node.left.text)) {
        assigned.add(node.left.text);
      } else if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && ts.isIdentifier(node.operand) && reassignable.has(node.operand.text) && !inner.has(node.operand.text)) {
        if (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken) assigned.add(node.operand.text);
      } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && functions.has(node.expression.text) && !inner.has(node.expression.text)) {
        called.add(node.expression.text);
      }
      ts.forEachChild(node, (child) => visit(child, inner));
    };
    ts.forEachChild(fn, (child) => visit(child, new Set(ts.isFunctionLike(fn) ? [...declaredNames(fn)].filter((n) => reassignable.has(n)) : [])));
    direct.set(name, assigned);
    calls.set(name, called);
  }
  for (const [name] of functions) {
    const reached = new Set<string>();
    const stack = [name];
    const done = new Set<string>();
    while (stack.length > 0) {
      const fn = stack.pop()!;
      if (done.has(fn)) continue;
      done.add(fn);
      for (const s of direct.get(fn) ?? []) reached.add(s);
      for (const c of calls.get(fn) ?? []) stack.push(c);
    }
    for (const s of reached) state.get(s)!.reassignedBy.push(name);
  }
  return state;
}

/** Classes of the file and the methods that change `this` (directly or through another such method). */
function collectClasses(sf: ts.SourceFile): Map<string, string[]> {
  const classes = new Map<string, string[]>();
  for (const statement of sf.statements) {
    if (!ts.isClassDeclaration(statement) || !statement.name) continue;
    const direct = new Set<string>();
    const calls = new Map<string, Set<string>>();
    for (const member of statement.members) {
      if (!(ts.isMethodDeclaration(member) || ts.isSetAccessorDeclaration(member) || ts.isPropertyDeclaration(member)) || !member.name || !ts.isIdentifier(member.name)) continue;
      const name = member.name.text;
      const body = ts.isPropertyDeclaration(member) ? member.initializer : member.body;
      if (!body || (ts.isPropertyDeclaration(member) && !(ts.isArrowFunction(body) || ts.isFunctionExpression(body)))) continue;
      if (ts.isSetAccessorDeclaration(member)) direct.add(name);
      const called = new Set<string>();
      const visit = (node: ts.Node) => {
        const target = thisTarget(node);
        if (target === 'mutates') direct.add(name);
        else if (target) called.add(target);
        ts.forEachChild(node, visit);
      };
      visit(body);
      calls.set(name, called);
    }
    const mutating = new Set(direct);
    for (let changed = true; changed; ) {
      changed = false;
      for (const [name, called] of calls) {
        if (!mutating.has(name) && [...called].some((c) => mutating.has(c))) {
          mutating.add(name);
          changed = true;
        }
      }
    }
    classes.set(statement.name.text, [...mutating].sort());
  }
  return classes;
}

/** Whether a node changes `this` ('mutates'), calls another method of `this` (its name), or neither. */
function thisTarget(node: ts.Node): 'mutates' | string | undefined {
  const rootedAtThis = (e: ts.Expression): boolean => {
    let current = unwrap(e);
    while (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) current = unwrap(current.expression);
    return current.kind === ts.SyntaxKind.ThisKeyword;
  };
  const isMember = (e: ts.Expression) => (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) && rootedAtThis(e);
  if (ts.isBinaryExpression(node) && ASSIGNMENT_OPERATORS.has(node.operatorToken.kind) && isMember(node.left)) return 'mutates';
  if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && isMember(node.operand as ts.Expression)) {
    if (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken) return 'mutates';
  }
  if (ts.isDeleteExpression(node) && isMember(node.expression)) return 'mutates';
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    const callee = node.expression;
    if (unwrap(callee.expression).kind === ts.SyntaxKind.ThisKeyword) return callee.name.text;
    if (rootedAtThis(callee.expression) && (ARRAY_MUTATORS.has(callee.name.text) || COLLECTION_MUTATORS.has(callee.name.text))) return 'mutates';
  }
  return undefined;
}

const SK = ts.SyntaxKind;

/** Nodes that open a scope in which a name can be declared again (and hide an import). */
function opensScope(node: ts.Node): boolean {
  switch (node.kind) {
    case SK.Block:
    case SK.CatchClause:
    case SK.ForStatement:
    case SK.ForOfStatement:
    case SK.ForInStatement:
    case SK.CaseClause:
    case SK.DefaultClause:
    case SK.FunctionDeclaration:
    case SK.FunctionExpression:
    case SK.ArrowFunction:
    case SK.MethodDeclaration:
    case SK.Constructor:
    case SK.GetAccessor:
    case SK.SetAccessor:
      return true;
    default:
      return false;
  }
}

/** Uses of imported bindings (and of local aliases of them) that may change them. */
function collectSites(sf: ts.SourceFile, imported: ReadonlyMap<string, { namespace: boolean }>): MutationSite[] {
  const sites: MutationSite[] = [];
  if (imported.size === 0) return sites;
  /** Local const aliases of an import (`const items = cart.items`). */
  const aliases = new Map<string, { local: string; member?: string; path: string[] }>();
  let shadowed: ReadonlySet<string> = new Set();

  const resolve = (node: ts.Expression): { local: string; member?: string; path: string[] } | undefined => {
    const chain = accessChain(node);
    if (!chain || shadowed.has(chain.root.text)) return undefined;
    const alias = aliases.get(chain.root.text);
    if (alias) return { local: alias.local, member: alias.member, path: [...alias.path, ...chain.path] };
    const binding = imported.get(chain.root.text);
    if (!binding) return undefined;
    if (binding.namespace && chain.path.length > 0) {
      const [member, ...rest] = chain.path;
      return { local: chain.root.text, member, path: rest };
    }
    return { local: chain.root.text, path: chain.path };
  };
  const add = (target: ReturnType<typeof resolve>, kind: MutationKind, node: ts.Node, method?: string) => {
    if (target) sites.push({ local: target.local, member: target.member, path: target.path, kind, method, range: rangeOf(sf, node) });
  };
  const isTracked = (name: string) => imported.has(name) || aliases.has(name);

  const visit = (node: ts.Node): void => {
    const saved = shadowed;
    if (opensScope(node)) {
      let declared: string[] | undefined;
      for (const name of declaredNames(node)) if (isTracked(name)) (declared ??= []).push(name);
      if (declared) shadowed = new Set([...shadowed, ...declared]);
    }
    switch (node.kind) {
      case SK.VariableDeclarationList:
        if ((node as ts.VariableDeclarationList).flags & ts.NodeFlags.Const) {
          for (const decl of (node as ts.VariableDeclarationList).declarations) {
            if (!ts.isIdentifier(decl.name) || !decl.initializer) continue;
            const target = resolve(decl.initializer);
            if (target && !shadowed.has(decl.name.text)) aliases.set(decl.name.text, target);
          }
        }
        break;
      case SK.BinaryExpression: {
        const e = node as ts.BinaryExpression;
        if (ASSIGNMENT_OPERATORS.has(e.operatorToken.kind)) {
          const target = resolve(e.left);
          if (target && target.path.length > 0) add(target, 'assign', e.left);
        }
        break;
      }
      case SK.PrefixUnaryExpression:
      case SK.PostfixUnaryExpression: {
        const e = node as ts.PrefixUnaryExpression | ts.PostfixUnaryExpression;
        if (e.operator === SK.PlusPlusToken || e.operator === SK.MinusMinusToken) {
          const target = resolve(e.operand);
          if (target && target.path.length > 0) add(target, 'update', e.operand);
        }
        break;
      }
      case SK.DeleteExpression: {
        const target = resolve((node as ts.DeleteExpression).expression);
        if (target && target.path.length > 0) add(target, 'delete', (node as ts.DeleteExpression).expression);
        break;
      }
      case SK.CallExpression: {
        const call = node as ts.CallExpression;
        const callee = unwrap(call.expression);
        if (ts.isPropertyAccessExpression(callee)) {
          const receiver = callee.expression;
          if (ts.isIdentifier(receiver) && (receiver.text === 'Object' || receiver.text === 'Reflect') && !isTracked(receiver.text)) {
            const mutators = receiver.text === 'Object' ? OBJECT_MUTATORS : REFLECT_MUTATORS;
            const first = call.arguments[0];
            if (mutators.has(callee.name.text) && first) add(resolve(first), 'assign', first);
            break;
          }
          const target = resolve(callee);
          // `ns.fn()` calls an imported function through a namespace; `x.method()` calls a method of x.
          if (target && target.member !== undefined && target.path.length === 0) add(target, 'call', callee);
          else {
            const owner = resolve(receiver);
            if (owner && !(imported.get(owner.local)?.namespace && owner.member === undefined)) add(owner, 'method', callee, callee.name.text);
          }
        } else if (ts.isIdentifier(callee)) {
          const target = resolve(callee);
          if (target && target.path.length === 0) add(target, 'call', callee);
        }
        break;
      }
    }
    ts.forEachChild(node, visit);
    shadowed = saved;
  };
  visit(sf);
  return sites;
}

export function collectStateFacts(sf: ts.SourceFile): StateFacts {
  return { state: collectModuleState(sf) };
}

function collectMutationSites(sf: ts.SourceFile): MutationSite[] {
  const imported = new Map<string, { namespace: boolean }>();
  for (const [local, imp] of collectModuleBindings(sf).imports) if (!imp.typeOnly) imported.set(local, { namespace: imp.name === '*' });
  return collectSites(sf, imported);
}

export const stateFacts: FactCollector<StateFacts> = {
  id: 'mutable-state',
  readByOtherFiles: true,
  appliesTo: (membership) => membership.domain !== undefined,
  collect: collectStateFacts,
};

/**
 * Not listed in any rule's collectors on purpose: every call of an imported function is a site, so
 * collecting them walked every node of every file, and only files that import another domain's
 * state need them; the session computes them on demand for those few files.
 */
export const mutationSites: FactCollector<readonly MutationSite[]> = {
  id: 'mutation-sites',
  readByOtherFiles: true,
  appliesTo: (membership) => membership.domain !== undefined,
  collect: collectMutationSites,
};

/**
 * Not listed in any rule's collectors on purpose: only the class of an exported instance that
 * another domain calls needs it, so the session computes it on demand for those few files.
 */
export const classMutators: FactCollector<ClassMutators> = {
  id: 'class-mutators',
  readByOtherFiles: true,
  appliesTo: (membership) => membership.domain !== undefined,
  collect: collectClasses,
};
