// A plain require: the namespace import's getters cost a quarter of the walk's time on hot paths.
import ts = require('typescript');
import type { FactCollector } from '../checks/rule';
import { withParents } from './parent-pointers';
import type { Range } from '../model';
import { collectModuleBindings, constantString, type ModuleBindings } from './module-bindings';
import { unwrap } from './syntax';

/**
 * A path as written: text, and names the file could not resolve to a constant (an imported
 * constant, resolved later through the import graph).
 */
export type PathExpr = Array<string | { ref: string }>;

/** Something routes are registered on: an app, a router, a plugin's instance, a Hono sub-app. */
export interface RouteScope {
  id: number;
  /** The variable or parameter that holds it ('' when it is only an expression). */
  name: string;
  /** Prefixes the object itself adds: `new Router({ prefix })`, `router.prefix()`, `basePath()`. */
  prefixes: PathExpr[];
  /** For a parameter of a module-level function: the function and the parameter's position. */
  fn?: string;
  index?: number;
  /** For a variable holding what a call returned (`const r = makeRouter()`): the function called. */
  callOf?: string;
  /** A module-level variable (reachable from other files through its exports). */
  moduleLevel: boolean;
}

export interface RouteRegistration {
  scope: number;
  methods: string[];
  path: PathExpr;
  /** The path as written, for messages. */
  written: string;
  range: Range;
}

/** What was mounted: a scope of this file, or a name (a module-level function or variable, or an import). */
export type MountedRef = { scope: number } | { binding: string; call: boolean; inner?: MountedRef };

export interface RouteMount {
  parent: number;
  /** undefined: mounted without a path. */
  prefix?: PathExpr;
  child: MountedRef;
}

/** `fn(app)`: a scope handed to a function that registers routes on it. */
export interface ScopePass {
  fn: string;
  index: number;
  scope: number;
}

export interface NestRoute {
  methods: string[];
  /** Controller path joined with the method path. */
  path: PathExpr;
  written: string;
  /** The version the route carries: 'neutral' (VERSION_NEUTRAL), 'none', or 'versioned'. */
  version: 'none' | 'neutral' | 'versioned';
  range: Range;
}

export interface NestBootstrap {
  globalPrefix?: PathExpr;
  globalPrefixExclude: string[];
  /** `enableVersioning({ defaultVersion })` with a real version: unversioned controllers get it. */
  defaultVersion: boolean;
}

export interface RouteFacts {
  scopes: RouteScope[];
  routes: RouteRegistration[];
  mounts: RouteMount[];
  passes: ScopePass[];
  /** Module-level functions → the scopes they return. */
  returns: ReadonlyMap<string, number[]>;
  /** Module-level variables holding a scope. */
  moduleScopes: ReadonlyMap<string, number>;
  nest: NestRoute[];
  bootstrap?: NestBootstrap;
}

/** Server frameworks whose routes we read. */
const FRAMEWORK_MODULE = /^(express|fastify|koa|@koa\/router|koa-router|hono|hono\/.+|@hono\/.+|@nestjs\/.+|restify|polka|elysia|@fastify\/.+)$/;
/** Named imports that create an app or router when called or constructed. */
const FACTORY_NAMES = new Set(['Router', 'Hono', 'Koa', 'fastify', 'Fastify', 'express', 'Elysia', 'createRouter', 'createApp', 'App', 'OpenAPIHono']);
/** Types of a parameter that receives an app or router. */
const SCOPE_TYPE = /^(Application|Express|Router|IRouter|FastifyInstance|Hono|OpenAPIHono|Koa|KoaRouter|Elysia)$|(Instance|Router|App|Application)$/;
/** Names an untyped parameter gets when it is an app or router (plain JavaScript). */
const SCOPE_PARAM_NAMES = new Set(['app', 'router', 'fastify', 'server', 'instance', 'api']);
const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'options', 'head', 'all']);
const NEST_METHODS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'Options', 'Head', 'All', 'Search']);
const NEST_PAGE_DECORATORS = new Set(['Render', 'Redirect']);
/** Calls that return the object they are called on, so chains keep their scope. */
const CHAINABLE = new Set([...HTTP_METHODS, 'on', 'use', 'register', 'prefix', 'route']);

/** A quick look at the text before the walk: files that name no framework and mount nothing have no routes. */
const MAY_HAVE_ROUTES = /express|fastify|koa|hono|@nestjs|Router|\.register\(|setGlobalPrefix|enableVersioning/;

function rangeOf(sf: ts.SourceFile, node: ts.Node): Range {
  return { start: sf.getLineAndCharacterOfPosition(node.getStart(sf)), end: sf.getLineAndCharacterOfPosition(node.getEnd()) };
}

/** A path expression: literal, template, constant, or a name to resolve later; undefined when it is not a path at all. */
export function pathOf(node: ts.Expression | undefined, constants: ReadonlyMap<string, string>, imported: ReadonlyMap<string, unknown>): PathExpr | undefined {
  if (!node) return undefined;
  node = unwrap(node);
  const constant = constantString(node, constants);
  if (constant !== undefined) return [constant];
  if (ts.isIdentifier(node)) return imported.has(node.text) ? [{ ref: node.text }] : undefined;
  if (ts.isTemplateExpression(node)) {
    const parts: PathExpr = [node.head.text];
    for (const span of node.templateSpans) {
      const inner = pathOf(span.expression, constants, imported);
      if (!inner) return undefined;
      parts.push(...inner, span.literal.text);
    }
    return parts;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = pathOf(node.left, constants, imported);
    const right = left && pathOf(node.right, constants, imported);
    return left && right ? [...left, ...right] : undefined;
  }
  return undefined;
}

export function writtenPath(path: PathExpr): string {
  return path.map((p) => (typeof p === 'string' ? p : `\${${p.ref}}`)).join('');
}

function isStringLike(node: ts.Expression | undefined): boolean {
  return !!node && (ts.isStringLiteralLike(node) || ts.isTemplateExpression(node));
}

function decoratorsOf(node: ts.Node): ts.Decorator[] {
  return [...((ts.canHaveDecorators(node) ? ts.getDecorators(node) : undefined) ?? [])];
}

/** `@Name(args)` → Name and args. */
function decoratorCall(d: ts.Decorator): { name: string; args: readonly ts.Expression[] } | undefined {
  const e = d.expression;
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression)) return { name: e.expression.text, args: e.arguments };
  if (ts.isIdentifier(e)) return { name: e.text, args: [] };
  return undefined;
}

type EnvEntry = { scope: number } | { callOf: string };
/** null: a name declared in an inner function that hides an outer app or router. */
type Frame = Map<string, EnvEntry | null>;

export function collectRouteFacts(sf: ts.SourceFile): RouteFacts {
  const facts: RouteFacts = { scopes: [], routes: [], mounts: [], passes: [], returns: new Map(), moduleScopes: new Map(), nest: [] };
  if (!MAY_HAVE_ROUTES.test(sf.text)) return facts;
  withParents(sf);
  const bindings = collectModuleBindings(sf);
  if ([...bindings.imports.values()].some((i) => i.specifier.startsWith('@nestjs/'))) collectNest(sf, bindings, facts);
  new RouteWalk(sf, bindings, facts).visit(sf);
  if (/setGlobalPrefix|enableVersioning/.test(sf.text)) facts.bootstrap = collectBootstrap(sf, bindings.constants, bindings.imports);
  return facts;
}

/**
 * One walk of a file: follows which variables and parameters hold an app or a router, function by
 * function, and records the routes registered on them, what is mounted where, which functions
 * return one and which calls hand one over.
 */
class RouteWalk {
  private readonly constants: ReadonlyMap<string, string>;
  private readonly imported: ModuleBindings['imports'];
  /** Local names of the frameworks' imports → the name imported. */
  private readonly frameworkLocals = new Map<string, string>();
  /** Functions handed to `.register(…)` are plugins: their first parameter is the instance. */
  private readonly registered = new Set<string>();
  private readonly env: Frame[] = [new Map()];
  private readonly scopeByNode = new Map<ts.Node, number>();
  /** Whether a parameter named `app` or `router` may hold one: the file uses a framework, registers plugins or is CommonJS. */
  private readonly mayTakeApp: boolean;
  /** The module-level function the walk is in, by name. */
  private currentFunction: string | undefined;

  constructor(
    private readonly sf: ts.SourceFile,
    bindings: ModuleBindings,
    private readonly facts: RouteFacts,
  ) {
    this.constants = bindings.constants;
    this.imported = bindings.imports;
    for (const [local, imp] of this.imported) if (FRAMEWORK_MODULE.test(imp.specifier)) this.frameworkLocals.set(local, imp.name);
    for (const m of sf.text.matchAll(/\.register\(\s*([A-Za-z_$][\w$]*)/g)) this.registered.add(m[1]);
    this.mayTakeApp = this.frameworkLocals.size > 0 || this.registered.size > 0 || /module\.exports/.test(sf.text);
  }

  readonly visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      this.visitFunction(node as ts.FunctionLikeDeclaration & { body: ts.ConciseBody });
      return;
    }
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      this.declare(node.name.text, unwrap(node.initializer));
    } else if (ts.isReturnStatement(node) && node.expression && this.currentFunction) {
      const s = this.scopeOf(node.expression);
      if (s !== undefined) this.addReturn(this.currentFunction, s);
    } else if (ts.isCallExpression(node)) {
      this.visitCall(node);
    }
    ts.forEachChild(node, this.visit);
  };

  private visitFunction(node: ts.FunctionLikeDeclaration & { body: ts.ConciseBody }): void {
    const name = this.enterFunction(node);
    const outer = this.currentFunction;
    if (name) this.currentFunction = name;
    if (ts.isArrowFunction(node) && !ts.isBlock(node.body) && name) {
      const s = this.scopeOf(node.body);
      if (s !== undefined) this.addReturn(name, s);
    }
    ts.forEachChild(node, this.visit);
    this.currentFunction = outer;
    this.env.pop();
  }

  /** `const name = init`: an app or router, what a function returned, or a name that hides an outer one. */
  private declare(name: string, init: ts.Expression): void {
    const scope = ts.isArrowFunction(init) || ts.isFunctionExpression(init) ? undefined : this.scopeOf(init);
    const frame = this.env[this.env.length - 1];
    if (scope !== undefined) {
      frame.set(name, { scope });
      if (!this.facts.scopes[scope].name) this.facts.scopes[scope].name = name;
      if (this.env.length === 1) this.markModuleLevel(name, scope);
      return;
    }
    const callee = ts.isCallExpression(init) ? unwrap(init.expression) : undefined;
    if (callee && ts.isIdentifier(callee) && !this.frameworkLocals.has(callee.text) && callee.text !== 'require') frame.set(name, { callOf: callee.text });
    else if (this.env.length > 1) frame.set(name, null);
  }

  private markModuleLevel(name: string, scope: number): void {
    this.facts.scopes[scope].moduleLevel = true;
    (this.facts.moduleScopes as Map<string, number>).set(name, scope);
  }

  private newScope(name: string, extra: Partial<RouteScope> = {}): number {
    const id = this.facts.scopes.length;
    this.facts.scopes.push({ id, name, prefixes: [], moduleLevel: false, ...extra });
    return id;
  }

  private isFactory(callee: ts.Expression): boolean {
    callee = unwrap(callee);
    if (ts.isIdentifier(callee)) {
      const name = this.frameworkLocals.get(callee.text);
      return name !== undefined && (name === 'default' || name === '*' || FACTORY_NAMES.has(name));
    }
    if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
      const base = this.frameworkLocals.get(callee.expression.text);
      return (base === 'default' || base === '*') && (callee.name.text === 'Router' || callee.name.text === 'default');
    }
    return false;
  }

  /** The type's name and the framework import it comes from: `Router`, `express.Router`. */
  private frameworkType(type: ts.TypeNode | undefined): string | undefined {
    if (!type || !ts.isTypeReferenceNode(type)) return undefined;
    const typeName = type.typeName;
    const root = ts.isIdentifier(typeName) ? typeName.text : ts.isIdentifier(typeName.left) ? typeName.left.text : '';
    if (!this.frameworkLocals.has(root)) return undefined;
    return ts.isIdentifier(typeName) ? typeName.text : typeName.right.text;
  }

  private lookup(name: string): EnvEntry | undefined {
    for (let i = this.env.length - 1; i >= 0; i--) {
      const entry = this.env[i].get(name);
      if (entry) return entry;
      if (entry === null) return undefined;
    }
    return undefined;
  }

  /** The scope an expression evaluates to, if it is an app or router we know. */
  private scopeOf(node: ts.Expression): number | undefined {
    node = unwrap(node);
    const cached = this.scopeByNode.get(node);
    if (cached !== undefined) return cached;
    if (ts.isIdentifier(node)) {
      const entry = this.lookup(node.text);
      if (!entry) return undefined;
      return 'scope' in entry ? entry.scope : this.scopeOfCallResult(node.text, entry);
    }
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && this.isFactory(node.expression)) {
      const id = this.newScope('');
      const options = node.arguments?.[0];
      if (options && ts.isObjectLiteralExpression(options)) {
        const prefix = this.propertyPath(options, 'prefix');
        if (prefix) this.facts.scopes[id].prefixes.push(prefix);
      }
      this.scopeByNode.set(node, id);
      return id;
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      if (method === 'basePath') {
        const parent = this.scopeOf(node.expression.expression);
        if (parent === undefined) return undefined;
        // basePath() returns an app that serves the same routes under the prefix, wherever it is mounted.
        const id = this.newScope('', { prefixes: [this.pathOf(node.arguments[0]) ?? UNKNOWN_PATH] });
        this.facts.mounts.push({ parent, child: { scope: id } });
        this.scopeByNode.set(node, id);
        return id;
      }
      if (CHAINABLE.has(method) && !(method === 'route' && node.arguments.length === 1 && !ts.isObjectLiteralExpression(node.arguments[0]))) {
        return this.scopeOf(node.expression.expression);
      }
    }
    return undefined;
  }

  /** A variable holding what a factory returned: a scope of its own, mounted where the factory's result is. */
  private scopeOfCallResult(name: string, entry: EnvEntry & { callOf: string }): number {
    const id = this.newScope(name, { callOf: entry.callOf });
    for (let i = this.env.length - 1; i >= 0; i--) {
      if (this.env[i].get(name) !== entry) continue;
      this.env[i].set(name, { scope: id });
      if (i === 0) this.markModuleLevel(name, id);
      break;
    }
    return id;
  }

  private pathOf(node: ts.Expression | undefined): PathExpr | undefined {
    return pathOf(node, this.constants, this.imported);
  }

  /** The prefix an options object sets; one written so that it is only known at run time is an unknown one, not none. */
  private propertyPath(object: ts.ObjectLiteralExpression, key: string): PathExpr | undefined {
    for (const p of object.properties) {
      if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === key) return this.pathOf(p.initializer) ?? UNKNOWN_PATH;
    }
    return undefined;
  }

  /** The prefix in the options of `register(plugin, { prefix })`. */
  private optionsPrefix(options: ts.Expression | undefined): PathExpr | undefined {
    const object = options && unwrap(options);
    return object && ts.isObjectLiteralExpression(object) ? this.propertyPath(object, 'prefix') : undefined;
  }

  /** What a mount's child argument refers to. */
  private mountedRef(arg: ts.Expression): MountedRef | undefined {
    arg = unwrap(arg);
    const scope = this.scopeOf(arg);
    if (scope !== undefined) return { scope };
    if (ts.isIdentifier(arg)) {
      const entry = this.lookup(arg.text);
      if (entry && 'callOf' in entry) return { binding: entry.callOf, call: true };
      return { binding: arg.text, call: false };
    }
    if (ts.isCallExpression(arg)) {
      const callee = unwrap(arg.expression);
      // koa: router.routes() / router.middleware()
      if (ts.isPropertyAccessExpression(callee) && (callee.name.text === 'routes' || callee.name.text === 'middleware')) return this.mountedRef(callee.expression);
      if (ts.isIdentifier(callee) && !this.frameworkLocals.has(callee.text)) {
        // makeRouter(deps) builds a router; fp(plugin) wraps one: the check follows the call, then the argument.
        const first = arg.arguments[0] && unwrap(arg.arguments[0]);
        const inner = first && ts.isIdentifier(first) ? this.mountedRef(first) : undefined;
        return { binding: callee.text, call: true, ...(inner ? { inner } : {}) };
      }
    }
    return undefined;
  }

  /** A route at a path, or at each path of an array (`app.get(['/a', '/b'], …)`); paths that are not constant are left out. */
  private addRoute(scope: number, methods: string[], pathNode: ts.Expression): void {
    const node = unwrap(pathNode);
    const list = ts.isArrayLiteralExpression(node) ? node.elements.map((e) => this.pathOf(e)) : [this.pathOf(node)];
    for (const path of list) {
      if (path) this.facts.routes.push({ scope, methods, path, written: writtenPath(path), range: rangeOf(this.sf, pathNode) });
    }
  }

  private addReturn(fn: string, scope: number): void {
    const returns = this.facts.returns as Map<string, number[]>;
    const list = returns.get(fn) ?? [];
    if (!list.includes(scope)) list.push(scope);
    returns.set(fn, list);
  }

  /** The name of a module-level function: `function f`, `const f = () => …`. */
  private functionName(fn: ts.SignatureDeclaration): string | undefined {
    if (ts.isFunctionDeclaration(fn) && fn.name && fn.parent === this.sf) return fn.name.text;
    const parent = fn.parent;
    if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) && parent.parent.parent.parent === this.sf) return parent.name.text;
    return undefined;
  }

  /** Opens the function's frame: which of its parameters hold an app or router. */
  private enterFunction(fn: ts.SignatureDeclaration): string | undefined {
    const frame: Frame = new Map();
    const name = this.functionName(fn);
    const parent = fn.parent;
    // `const plugin: FastifyPluginAsync = async (app) => …`
    const pluginTyped = ts.isVariableDeclaration(parent) && /Plugin/.test(this.frameworkType(parent.type) ?? '');
    const isRegistered = (name !== undefined && this.registered.has(name)) || (ts.isCallExpression(parent) && ts.isPropertyAccessExpression(parent.expression) && parent.expression.name.text === 'register' && parent.arguments[0] === fn);
    fn.parameters.forEach((p, index) => {
      if (!ts.isIdentifier(p.name)) return;
      // A structural type (`app: { use(path: string, r: unknown): void }`) names no framework: the parameter's name decides, as when untyped.
      const untypedApp = (!p.type || ts.isTypeLiteralNode(p.type)) && SCOPE_PARAM_NAMES.has(p.name.text) && this.mayTakeApp;
      const plugin = index === 0 && (pluginTyped || isRegistered);
      if (!SCOPE_TYPE.test(this.frameworkType(p.type) ?? '') && !plugin && !untypedApp) {
        frame.set(p.name.text, null);
        return;
      }
      const id = this.newScope(p.name.text, name ? { fn: name, index } : {});
      frame.set(p.name.text, { scope: id });
      // An inline plugin: `app.register(async (instance) => …, { prefix })`.
      if (plugin && ts.isCallExpression(parent) && ts.isPropertyAccessExpression(parent.expression)) {
        const registrar = this.scopeOf(parent.expression.expression);
        if (registrar !== undefined) this.facts.mounts.push({ parent: registrar, prefix: this.optionsPrefix(parent.arguments[1]), child: { scope: id } });
      }
    });
    this.env.push(frame);
    return name;
  }

  private visitCall(node: ts.CallExpression): void {
    const callee = unwrap(node.expression);
    const args = node.arguments;
    if (ts.isIdentifier(callee)) {
      args.forEach((arg, index) => {
        const scope = this.scopeOf(arg);
        if (scope !== undefined) this.facts.passes.push({ fn: callee.text, index, scope });
      });
      return;
    }
    if (!ts.isPropertyAccessExpression(callee)) return;
    const method = callee.name.text;
    const scope = this.scopeOf(callee.expression);
    if (scope === undefined) return;
    if (HTTP_METHODS.has(method)) {
      // koa named routes: get(name, path, …handlers)
      const named = args.length >= 3 && isStringLike(args[0]) && isStringLike(args[1]);
      const pathArg = named ? args[1] : args[0];
      if (args.length >= 2 && pathArg && !ts.isFunctionLike(pathArg) && !ts.isObjectLiteralExpression(unwrap(pathArg)) && !rendersPage(args[args.length - 1])) {
        this.addRoute(scope, [method === 'del' ? 'DELETE' : method.toUpperCase()], pathArg);
      }
    } else if (method === 'on' && args.length >= 3) {
      const m = unwrap(args[0]);
      const methods = ts.isStringLiteralLike(m) ? [m.text.toUpperCase()] : ts.isArrayLiteralExpression(m) ? m.elements.filter(ts.isStringLiteralLike).map((e) => e.text.toUpperCase()) : ['ALL'];
      this.addRoute(scope, methods, args[1]);
    } else if (method === 'route') {
      this.visitRoute(node, scope);
    } else if (method === 'use') {
      this.visitUse(args, scope);
    } else if (method === 'register' && args[0] && !ts.isFunctionLike(args[0])) {
      const child = this.mountedRef(args[0]);
      if (child) this.facts.mounts.push({ parent: scope, prefix: this.optionsPrefix(args[1]), child });
    } else if (method === 'prefix' && args[0]) {
      const p = this.pathOf(args[0]);
      if (p) this.facts.scopes[scope].prefixes.push(p);
    }
  }

  /** `route(…)`: fastify's route object, express's route chain, or hono's mount. */
  private visitRoute(node: ts.CallExpression, scope: number): void {
    const args = node.arguments;
    const first = args[0] && unwrap(args[0]);
    if (!first) return;
    if (ts.isObjectLiteralExpression(first)) {
      // fastify: route({ method, url, handler })
      for (const p of first.properties) {
        if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && (p.name.text === 'url' || p.name.text === 'path')) this.addRoute(scope, routeObjectMethods(first), p.initializer);
      }
    } else if (args.length === 1) {
      // express: route(path).get(…).put(…)
      const methods: string[] = [];
      let up: ts.Node = node;
      while (ts.isPropertyAccessExpression(up.parent) && ts.isCallExpression(up.parent.parent) && HTTP_METHODS.has(up.parent.name.text)) {
        methods.push(up.parent.name.text.toUpperCase());
        up = up.parent.parent;
      }
      this.addRoute(scope, methods.length > 0 ? methods : ['ALL'], first);
    } else {
      // hono: route(prefix, subApp)
      const child = this.mountedRef(args[1]);
      if (child) this.facts.mounts.push({ parent: scope, prefix: this.pathOf(first) ?? UNKNOWN_PATH, child });
    }
  }

  /** `use([prefix,] …routersOrMiddleware)`. */
  private visitUse(args: ts.NodeArray<ts.Expression>, scope: number): void {
    let start = 0;
    let prefix: PathExpr | undefined;
    const first = args[0] && unwrap(args[0]);
    if (first && !ts.isFunctionLike(first) && !(ts.isIdentifier(first) && this.lookup(first.text))) {
      prefix = this.pathOf(first) ?? (isRuntimePath(first) ? UNKNOWN_PATH : undefined);
      if (prefix) {
        start = 1;
        // An imported name may be a constant prefix or a router: keep both readings; the check resolves it.
        if (typeof prefix[0] !== 'string' && ts.isIdentifier(first)) this.facts.mounts.push({ parent: scope, child: { binding: first.text, call: false } });
      }
    }
    for (const arg of args.slice(start)) {
      if (ts.isFunctionLike(arg)) continue;
      const child = this.mountedRef(arg);
      if (child) this.facts.mounts.push({ parent: scope, prefix, child });
    }
  }
}

/** Names of variables and settings that hold a path: `apiPrefix`, `BASE_PATH`, `mountUrl`. */
const RUNTIME_PATH_NAME = /prefix|path|base|url|root|mount/i;

/** A path known only at run time: no constant resolves it, so routes under it are not judged. */
const UNKNOWN_PATH: PathExpr = [{ ref: '' }];

/**
 * Whether the first argument of `use(…)` that no constant resolves is a path read at run time
 * (`config.apiPrefix`, `process.env.API_BASE ?? '/api'`, `` `${base}/v1` ``) rather than a middleware.
 */
function isRuntimePath(node: ts.Expression): boolean {
  node = unwrap(node);
  if (ts.isPropertyAccessExpression(node)) return RUNTIME_PATH_NAME.test(node.name.text);
  if (ts.isIdentifier(node)) return RUNTIME_PATH_NAME.test(node.text);
  if (ts.isTemplateExpression(node) || isStringLike(node)) return true;
  if (ts.isConditionalExpression(node)) return isRuntimePath(node.whenTrue) || isRuntimePath(node.whenFalse);
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    return (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.PlusToken) && (isRuntimePath(node.left) || isRuntimePath(node.right));
  }
  return false;
}

/**
 * Responses that hand the browser a page, not data: a server-rendered view (express `render`,
 * fastify `view`, koa-views `ctx.render`, hono `c.html`), a redirect, a file.
 */
const PAGE_RESPONSES = new Set(['render', 'redirect', 'sendFile', 'view', 'html']);
/** Responses that send data to a client: the API's contract (hono's `c.json`, `c.text`, `c.body` too). */
const DATA_RESPONSES = new Set(['json', 'jsonp', 'send', 'end', 'sendStatus', 'download', 'write', 'text', 'body', 'stream', 'streamText', 'newResponse']);

/**
 * Whether a route's final handler only renders pages (`res.render('orders')`, `ctx.redirect('/login')`,
 * `c.html(page)`): its client is a browser following links, not a program holding a contract, so it
 * has nothing to version. The response is the handler's second parameter in express and fastify
 * and its only one in koa and hono, so calls on any parameter count; `ctx.body = …` is data.
 */
function rendersPage(handler: ts.Expression): boolean {
  handler = unwrap(handler);
  if (!(ts.isArrowFunction(handler) || ts.isFunctionExpression(handler))) return false;
  const parameters = new Set(handler.parameters.flatMap((p) => (ts.isIdentifier(p.name) ? [p.name.text] : [])));
  const onParameter = (node: ts.Expression) => parameters.has(chainRoot(node)?.text ?? '');
  let page = false;
  let data = false;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && onParameter(node.expression.expression)) {
      const method = node.expression.name.text;
      if (PAGE_RESPONSES.has(method)) page = true;
      else if (DATA_RESPONSES.has(method)) data = true;
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && node.left.name.text === 'body' && onParameter(node.left.expression)) {
      data = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(handler.body);
  return page && !data;
}

/** `res` in `res.status(404).render`: the object a chain of calls starts from. */
function chainRoot(node: ts.Expression): ts.Identifier | undefined {
  while (ts.isCallExpression(node) || ts.isPropertyAccessExpression(node)) node = node.expression;
  return ts.isIdentifier(node) ? node : undefined;
}

/** The methods of fastify's `route({ method, url })`: one, a list, or all when it names none. */
function routeObjectMethods(object: ts.ObjectLiteralExpression): string[] {
  for (const p of object.properties) {
    if (!ts.isPropertyAssignment(p) || !ts.isIdentifier(p.name) || p.name.text !== 'method') continue;
    const init = unwrap(p.initializer);
    if (ts.isStringLiteralLike(init)) return [init.text.toUpperCase()];
    if (ts.isArrayLiteralExpression(init)) return init.elements.filter(ts.isStringLiteralLike).map((e) => e.text.toUpperCase());
  }
  return ['ALL'];
}

/** NestJS controllers: `@Controller(path | { path, version })`, `@Get(path)`, `@Version(v)`. */
function collectNest(sf: ts.SourceFile, bindings: ModuleBindings, facts: RouteFacts): void {
  const nestNames = new Map<string, string>();
  for (const [local, imp] of bindings.imports) if (imp.specifier.startsWith('@nestjs/')) nestNames.set(local, imp.name);
  const { constants } = bindings;
  const versionOf = (node: ts.Expression | undefined): 'none' | 'neutral' | 'versioned' => {
    if (!node) return 'none';
    node = unwrap(node);
    if (ts.isIdentifier(node) && nestNames.get(node.text) === 'VERSION_NEUTRAL') return 'neutral';
    if (ts.isArrayLiteralExpression(node)) {
      const versions = node.elements.map((e) => versionOf(e));
      return versions.some((v) => v === 'versioned') ? 'versioned' : versions.includes('neutral') ? 'neutral' : 'none';
    }
    return 'versioned';
  };
  const pathsOf = (node: ts.Expression | undefined): PathExpr[] => {
    if (!node) return [['']];
    node = unwrap(node);
    if (ts.isArrayLiteralExpression(node)) return node.elements.flatMap((e) => pathsOf(e));
    const p = pathOf(node, constants, bindings.imports);
    return p ? [p] : [];
  };
  const visit = (node: ts.Node) => {
    if (ts.isClassDeclaration(node)) {
      const controller = decoratorsOf(node).map(decoratorCall).find((d) => d && nestNames.get(d.name) === 'Controller');
      if (controller) {
        let controllerPaths: PathExpr[] = [['']];
        let controllerVersion: 'none' | 'neutral' | 'versioned' = 'none';
        const arg = controller.args[0] && unwrap(controller.args[0]);
        if (arg && ts.isObjectLiteralExpression(arg)) {
          for (const p of arg.properties) {
            if (!ts.isPropertyAssignment(p) || !ts.isIdentifier(p.name)) continue;
            if (p.name.text === 'path') controllerPaths = pathsOf(p.initializer);
            if (p.name.text === 'version') controllerVersion = versionOf(p.initializer);
          }
        } else if (arg) {
          controllerPaths = pathsOf(arg);
        }
        for (const member of node.members) {
          if (!ts.isMethodDeclaration(member)) continue;
          const decorators = decoratorsOf(member).map((d) => ({ d, call: decoratorCall(d) }));
          const versionDecorator = decorators.find((x) => x.call && nestNames.get(x.call.name) === 'Version');
          const methodVersion = versionDecorator ? versionOf(versionDecorator.call!.args[0]) : undefined;
          // `@Render('orders')` and `@Redirect(url)` answer a browser with a page, not a client with data.
          if (decorators.some((x) => x.call && NEST_PAGE_DECORATORS.has(nestNames.get(x.call.name) ?? ''))) continue;
          for (const { d, call } of decorators) {
            if (!call || !NEST_METHODS.has(nestNames.get(call.name) ?? '')) continue;
            const pathArg = call.args[0];
            for (const methodPath of pathsOf(pathArg)) {
              for (const controllerPath of controllerPaths) {
                const path: PathExpr = [...controllerPath, '/', ...methodPath];
                facts.nest.push({
                  methods: [nestNames.get(call.name)!.toUpperCase()],
                  path,
                  written: writtenPath(methodPath) || writtenPath(controllerPath),
                  version: methodVersion ?? controllerVersion,
                  range: rangeOf(sf, pathArg && isStringLike(unwrap(pathArg)) ? pathArg : d),
                });
              }
            }
          }
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}

/** `app.setGlobalPrefix(prefix, { exclude })`, `app.enableVersioning({ defaultVersion })`. */
function collectBootstrap(sf: ts.SourceFile, constants: ReadonlyMap<string, string>, imported: ReadonlyMap<string, unknown>): NestBootstrap {
  const result: NestBootstrap = { globalPrefixExclude: [], defaultVersion: false };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const name = node.expression.name.text;
      const options = node.arguments[name === 'setGlobalPrefix' ? 1 : 0];
      const object = options && ts.isObjectLiteralExpression(unwrap(options)) ? (unwrap(options) as ts.ObjectLiteralExpression) : undefined;
      if (name === 'setGlobalPrefix') {
        result.globalPrefix = pathOf(node.arguments[0], constants, imported);
        for (const p of object?.properties ?? []) {
          if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'exclude' && ts.isArrayLiteralExpression(p.initializer)) {
            for (const e of p.initializer.elements) {
              if (ts.isStringLiteralLike(e)) result.globalPrefixExclude.push(e.text);
              else if (ts.isObjectLiteralExpression(e)) {
                const path = e.properties.find((q) => ts.isPropertyAssignment(q) && ts.isIdentifier(q.name) && q.name.text === 'path');
                if (path && ts.isPropertyAssignment(path) && ts.isStringLiteralLike(path.initializer)) result.globalPrefixExclude.push(path.initializer.text);
              }
            }
          }
        }
      } else if (name === 'enableVersioning') {
        for (const p of object?.properties ?? []) {
          if (!ts.isPropertyAssignment(p) || !ts.isIdentifier(p.name) || p.name.text !== 'defaultVersion') continue;
          const value = unwrap(p.initializer);
          result.defaultVersion = !(ts.isIdentifier(value) && value.text === 'VERSION_NEUTRAL');
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return result;
}

export const routeFacts: FactCollector<RouteFacts> = {
  id: 'http-routes',
  readByOtherFiles: true,
  appliesTo: (membership) => membership.domain !== undefined && !membership.isTest,
  collect: collectRouteFacts,
};
