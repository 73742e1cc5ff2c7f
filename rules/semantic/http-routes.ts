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
  const { constants } = bindings;
  const imported = bindings.imports;
  const frameworkLocals = new Map<string, string>();
  for (const [local, imp] of imported) if (FRAMEWORK_MODULE.test(imp.specifier)) frameworkLocals.set(local, imp.name);
  const usesFramework = frameworkLocals.size > 0;
  const returns = facts.returns as Map<string, number[]>;
  const moduleScopes = facts.moduleScopes as Map<string, number>;

  if (usesFramework && [...imported.values()].some((i) => i.specifier.startsWith('@nestjs/'))) collectNest(sf, bindings, facts);

  // Functions handed to `.register(…)` are plugins: their first parameter is the instance.
  const registered = new Set<string>();
  for (const m of sf.text.matchAll(/\.register\(\s*([A-Za-z_$][\w$]*)/g)) registered.add(m[1]);

  const newScope = (name: string, extra: Partial<RouteScope> = {}): number => {
    const id = facts.scopes.length;
    facts.scopes.push({ id, name, prefixes: [], moduleLevel: false, ...extra });
    return id;
  };

  const isFactory = (callee: ts.Expression): boolean => {
    callee = unwrap(callee);
    if (ts.isIdentifier(callee)) {
      const name = frameworkLocals.get(callee.text);
      return name !== undefined && (name === 'default' || name === '*' || FACTORY_NAMES.has(name));
    }
    if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
      const base = frameworkLocals.get(callee.expression.text);
      return (base === 'default' || base === '*') && (callee.name.text === 'Router' || callee.name.text === 'default');
    }
    return false;
  };

  const isScopeType = (type: ts.TypeNode | undefined): boolean => {
    if (!type || !ts.isTypeReferenceNode(type)) return false;
    const name = ts.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text;
    const root = ts.isIdentifier(type.typeName) ? type.typeName.text : ts.isIdentifier(type.typeName.left) ? type.typeName.left.text : '';
    return frameworkLocals.has(root) && SCOPE_TYPE.test(name);
  };
  /** `const plugin: FastifyPluginAsync = async (app) => …` */
  const isPluginType = (type: ts.TypeNode | undefined): boolean => {
    if (!type || !ts.isTypeReferenceNode(type)) return false;
    const root = ts.isIdentifier(type.typeName) ? type.typeName.text : ts.isIdentifier(type.typeName.left) ? type.typeName.left.text : '';
    const name = ts.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text;
    return frameworkLocals.has(root) && /Plugin/.test(name);
  };

  const env: Frame[] = [new Map()];
  const lookup = (name: string): EnvEntry | undefined => {
    for (let i = env.length - 1; i >= 0; i--) {
      const entry = env[i].get(name);
      if (entry) return entry;
      if (entry === null) return undefined;
    }
    return undefined;
  };
  const scopeByNode = new Map<ts.Node, number>();

  /** The scope an expression evaluates to, if it is an app or router we know. */
  const scopeOf = (node: ts.Expression): number | undefined => {
    node = unwrap(node);
    const cached = scopeByNode.get(node);
    if (cached !== undefined) return cached;
    if (ts.isIdentifier(node)) {
      const entry = lookup(node.text);
      if (!entry) return undefined;
      if ('scope' in entry) return entry.scope;
      // A variable holding what a factory returned: a scope of its own, mounted where the factory's result is.
      const id = newScope(node.text, { callOf: entry.callOf });
      for (let i = env.length - 1; i >= 0; i--) {
        if (env[i].get(node.text) === entry) {
          env[i].set(node.text, { scope: id });
          if (i === 0) {
            facts.scopes[id].moduleLevel = true;
            moduleScopes.set(node.text, id);
          }
          break;
        }
      }
      return id;
    }
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && isFactory(node.expression)) {
      const id = newScope('');
      const options = node.arguments?.[0];
      if (options && ts.isObjectLiteralExpression(options)) {
        const prefix = propertyPath(options, 'prefix');
        if (prefix) facts.scopes[id].prefixes.push(prefix);
      }
      scopeByNode.set(node, id);
      return id;
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      if (method === 'basePath') {
        const parent = scopeOf(node.expression.expression);
        if (parent === undefined) return undefined;
        // basePath() returns an app that serves the same routes under the prefix, wherever it is mounted.
        const id = newScope('', { prefixes: [pathOf(node.arguments[0], constants, imported) ?? [{ ref: '' }]] });
        facts.mounts.push({ parent, child: { scope: id } });
        scopeByNode.set(node, id);
        return id;
      }
      if (CHAINABLE.has(method) && !(method === 'route' && node.arguments.length === 1 && !ts.isObjectLiteralExpression(node.arguments[0]))) {
        return scopeOf(node.expression.expression);
      }
    }
    return undefined;
  };

  const propertyPath = (object: ts.ObjectLiteralExpression, key: string): PathExpr | undefined => {
    for (const p of object.properties) {
      if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === key) return pathOf(p.initializer, constants, imported);
    }
    return undefined;
  };
  const propertyMethods = (object: ts.ObjectLiteralExpression): string[] => {
    for (const p of object.properties) {
      if (!ts.isPropertyAssignment(p) || !ts.isIdentifier(p.name) || p.name.text !== 'method') continue;
      const init = unwrap(p.initializer);
      if (ts.isStringLiteralLike(init)) return [init.text.toUpperCase()];
      if (ts.isArrayLiteralExpression(init)) return init.elements.filter(ts.isStringLiteralLike).map((e) => e.text.toUpperCase());
    }
    return ['ALL'];
  };

  /** What a mount's child argument refers to. */
  const mountedRef = (arg: ts.Expression): MountedRef | undefined => {
    arg = unwrap(arg);
    const scope = scopeOf(arg);
    if (scope !== undefined) return { scope };
    if (ts.isIdentifier(arg)) {
      const entry = lookup(arg.text);
      if (entry && 'callOf' in entry) return { binding: entry.callOf, call: true };
      return { binding: arg.text, call: false };
    }
    if (ts.isCallExpression(arg)) {
      const callee = unwrap(arg.expression);
      // koa: router.routes() / router.middleware()
      if (ts.isPropertyAccessExpression(callee) && (callee.name.text === 'routes' || callee.name.text === 'middleware')) return mountedRef(callee.expression);
      if (ts.isIdentifier(callee) && !frameworkLocals.has(callee.text)) {
        // makeRouter(deps) builds a router; fp(plugin) wraps one: the check follows the call, then the argument.
        const first = arg.arguments[0] && unwrap(arg.arguments[0]);
        const inner = first && ts.isIdentifier(first) ? mountedRef(first) : undefined;
        return { binding: callee.text, call: true, ...(inner ? { inner } : {}) };
      }
    }
    return undefined;
  };

  /** A route at a path, or at each path of an array (`app.get(['/a', '/b'], …)`); paths that are not constant are left out. */
  const addRoute = (scope: number, methods: string[], pathNode: ts.Expression) => {
    const node = unwrap(pathNode);
    const list = ts.isArrayLiteralExpression(node) ? node.elements.map((e) => pathOf(e, constants, imported)) : [pathOf(node, constants, imported)];
    for (const path of list) {
      if (path) facts.routes.push({ scope, methods, path, written: writtenPath(path), range: rangeOf(sf, pathNode) });
    }
  };

  const functionName = (fn: ts.SignatureDeclaration): string | undefined => {
    if (ts.isFunctionDeclaration(fn) && fn.name && fn.parent === sf) return fn.name.text;
    const parent = fn.parent;
    if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) && parent.parent.parent.parent === sf) return parent.name.text;
    return undefined;
  };

  const enterFunction = (fn: ts.SignatureDeclaration) => {
    const frame: Frame = new Map();
    const name = functionName(fn);
    const parent = fn.parent;
    const pluginTyped = ts.isVariableDeclaration(parent) && isPluginType(parent.type);
    const isRegistered = (name !== undefined && registered.has(name)) || (ts.isCallExpression(parent) && ts.isPropertyAccessExpression(parent.expression) && parent.expression.name.text === 'register' && parent.arguments[0] === fn);
    fn.parameters.forEach((p, index) => {
      if (!ts.isIdentifier(p.name)) return;
      // A structural type (`app: { use(path: string, r: unknown): void }`) names no framework: the parameter's name decides, as when untyped.
      const untypedApp = (!p.type || ts.isTypeLiteralNode(p.type)) && SCOPE_PARAM_NAMES.has(p.name.text) && (usesFramework || registered.size > 0 || /module\.exports/.test(sf.text));
      const plugin = index === 0 && (pluginTyped || isRegistered);
      if (isScopeType(p.type) || plugin || untypedApp) {
        const id = newScope(p.name.text, name ? { fn: name, index } : {});
        frame.set(p.name.text, { scope: id });
        // An inline plugin: `app.register(async (instance) => …, { prefix })`.
        if (plugin && ts.isCallExpression(parent) && ts.isPropertyAccessExpression(parent.expression)) {
          const registrar = scopeOf(parent.expression.expression);
          const options = parent.arguments[1];
          if (registrar !== undefined) facts.mounts.push({ parent: registrar, prefix: options && ts.isObjectLiteralExpression(options) ? propertyPath(options, 'prefix') : undefined, child: { scope: id } });
        }
      } else {
        frame.set(p.name.text, null);
      }
    });
    env.push(frame);
    return name;
  };

  let currentFunction: string | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const name = enterFunction(node);
      const outer = currentFunction;
      if (name) currentFunction = name;
      if (ts.isArrowFunction(node) && !ts.isBlock(node.body) && name) {
        const s = scopeOf(node.body);
        if (s !== undefined) addReturn(name, s);
      }
      ts.forEachChild(node, visit);
      currentFunction = outer;
      env.pop();
      return;
    }
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const init = unwrap(node.initializer);
      const scope = ts.isArrowFunction(init) || ts.isFunctionExpression(init) ? undefined : scopeOf(init);
      const frame = env[env.length - 1];
      if (scope !== undefined) {
        frame.set(node.name.text, { scope });
        if (!facts.scopes[scope].name) facts.scopes[scope].name = node.name.text;
        if (env.length === 1) {
          facts.scopes[scope].moduleLevel = true;
          moduleScopes.set(node.name.text, scope);
        }
      } else if (ts.isCallExpression(init) && ts.isIdentifier(unwrap(init.expression)) && !frameworkLocals.has((unwrap(init.expression) as ts.Identifier).text) && (unwrap(init.expression) as ts.Identifier).text !== 'require') {
        frame.set(node.name.text, { callOf: (unwrap(init.expression) as ts.Identifier).text });
      } else if (env.length > 1) {
        frame.set(node.name.text, null);
      }
    } else if (ts.isReturnStatement(node) && node.expression && currentFunction) {
      const s = scopeOf(node.expression);
      if (s !== undefined) addReturn(currentFunction, s);
    } else if (ts.isCallExpression(node)) {
      visitCall(node);
    }
    ts.forEachChild(node, visit);
  };

  const addReturn = (fn: string, scope: number) => {
    const list = returns.get(fn) ?? [];
    if (!list.includes(scope)) list.push(scope);
    returns.set(fn, list);
  };

  const visitCall = (node: ts.CallExpression) => {
    const callee = unwrap(node.expression);
    const args = node.arguments;
    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      const scope = scopeOf(callee.expression);
      if (scope === undefined) return;
      if (HTTP_METHODS.has(method)) {
        // koa named routes: get(name, path, …handlers)
        const named = args.length >= 3 && isStringLike(args[0]) && isStringLike(args[1]);
        const pathArg = named ? args[1] : args[0];
        if (args.length >= 2 && pathArg && !ts.isFunctionLike(pathArg) && !ts.isObjectLiteralExpression(unwrap(pathArg))) {
          addRoute(scope, [method === 'del' ? 'DELETE' : method.toUpperCase()], pathArg);
        }
      } else if (method === 'on' && args.length >= 3) {
        const m = unwrap(args[0]);
        const methods = ts.isStringLiteralLike(m) ? [m.text.toUpperCase()] : ts.isArrayLiteralExpression(m) ? m.elements.filter(ts.isStringLiteralLike).map((e) => e.text.toUpperCase()) : ['ALL'];
        addRoute(scope, methods, args[1]);
      } else if (method === 'route') {
        const first = args[0] && unwrap(args[0]);
        if (first && ts.isObjectLiteralExpression(first)) {
          // fastify: route({ method, url, handler })
          for (const p of first.properties) {
            if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && (p.name.text === 'url' || p.name.text === 'path')) addRoute(scope, propertyMethods(first), p.initializer);
          }
        } else if (first && args.length === 1) {
          // express: route(path).get(…).put(…)
          const methods: string[] = [];
          let up: ts.Node = node;
          while (ts.isPropertyAccessExpression(up.parent) && ts.isCallExpression(up.parent.parent) && HTTP_METHODS.has(up.parent.name.text)) {
            methods.push(up.parent.name.text.toUpperCase());
            up = up.parent.parent;
          }
          addRoute(scope, methods.length > 0 ? methods : ['ALL'], first);
        } else if (first && args.length >= 2) {
          // hono: route(prefix, subApp)
          const child = mountedRef(args[1]);
          if (child) facts.mounts.push({ parent: scope, prefix: pathOf(first, constants, imported), child });
        }
      } else if (method === 'use') {
        let start = 0;
        let prefix: PathExpr | undefined;
        const first = args[0] && unwrap(args[0]);
        if (first && !ts.isFunctionLike(first) && !(ts.isIdentifier(first) && lookup(first.text))) {
          prefix = pathOf(first, constants, imported);
          if (prefix) {
            start = 1;
            // An imported name may be a constant prefix or a router: keep both readings; the check resolves it.
            if (typeof prefix[0] !== 'string' && ts.isIdentifier(first)) facts.mounts.push({ parent: scope, child: { binding: first.text, call: false } });
          }
        }
        for (const arg of args.slice(start)) {
          if (ts.isFunctionLike(arg)) continue;
          const child = mountedRef(arg);
          if (child) facts.mounts.push({ parent: scope, prefix, child });
        }
      } else if (method === 'register' && args[0] && !ts.isFunctionLike(args[0])) {
        const options = args[1] && unwrap(args[1]);
        const child = mountedRef(args[0]);
        if (child) facts.mounts.push({ parent: scope, prefix: options && ts.isObjectLiteralExpression(options) ? propertyPath(options, 'prefix') : undefined, child });
      } else if (method === 'prefix' && args[0]) {
        const p = pathOf(args[0], constants, imported);
        if (p) facts.scopes[scope].prefixes.push(p);
      }
    } else if (ts.isIdentifier(callee)) {
      args.forEach((arg, index) => {
        const scope = scopeOf(arg);
        if (scope !== undefined) facts.passes.push({ fn: callee.text, index, scope });
      });
    }
  };

  visit(sf);
  if (/setGlobalPrefix|enableVersioning/.test(sf.text)) facts.bootstrap = collectBootstrap(sf, constants, imported);
  return facts;
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
  appliesTo: (membership) => membership.domain !== undefined,
  collect: collectRouteFacts,
};
