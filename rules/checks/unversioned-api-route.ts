import { routeFacts } from '../semantic/http-routes';
import { moduleBindings } from '../semantic/module-bindings';
import { joinPaths, nestBootstrapOf, prefixesOf, resolvePath } from '../semantic/route-prefixes';
import type { FileRule } from './rule';

/**
 * Operational endpoints that load balancers, orchestrators and scrapers call at fixed paths, and
 * webhooks: the provider calling them fixes the payload, so a version in our path would version nothing.
 */
export const DEFAULT_EXEMPT_PATHS = ['/health', '/healthz', '/health-check', '/healthcheck', '/livez', '/readyz', '/ping', '/metrics', '/.well-known', '/webhooks'];

/** A path segment that names a version: v1, v2, v1.2 (or a `:version` parameter). */
const VERSION_SEGMENT = /^(v\d+(?:[._]\d+)*|:(api)?version|\{(api)?version\})$/i;

export function hasVersionSegment(path: string): boolean {
  return path.split('/').some((segment) => VERSION_SEGMENT.test(segment));
}

/** `/health`, `/health/live`, and a module's own `/billing/health`: the exempt path starts or ends the route's path. */
function isExempt(path: string, exempt: readonly string[]): boolean {
  const p = joinPaths(path);
  return exempt.some((e) => {
    const x = joinPaths(e);
    return p === x || p.startsWith(`${x}/`) || p.endsWith(x);
  });
}

function exemptPathsOf(options: Record<string, unknown>): string[] {
  const value = options.exemptPaths;
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : DEFAULT_EXEMPT_PATHS;
}

export const unversionedApiRoute: FileRule = {
  id: 'unversioned-api-route',
  scope: 'file',
  foundation: 'integration-boundaries',
  defaultSeverity: 'warning',
  description: 'An HTTP route (express, fastify, koa, hono, NestJS) is registered without a version segment.',
  rationale:
    'An API is a contract with clients you do not deploy: mobile apps in the field, partners, other teams. Without a version in the path the first incompatible change breaks all of them at once, and the only way out is a flag day. A version segment from day one (`/v1/orders`, `/api/v2/…`) costs nothing and lets a v2 live next to v1 while clients move. The rule follows where routers are mounted across the workspace — `app.use(\'/api/v1\', router)`, fastify `register(plugin, { prefix })`, koa `new Router({ prefix })` and nested `use()`, hono `basePath()` and `route()`, NestJS `@Controller` paths, `version` options, `@Version()` and `enableVersioning({ defaultVersion })` — so a route is versioned when any segment of its full path is. Health and metrics endpoints (`/health`, `/healthz`, `/health-check`, `/healthcheck`, `/livez`, `/readyz`, `/ping`, `/metrics`, paths under them, and paths that end with them such as `/billing/health`), `/.well-known/…` (fixed by RFC 8615) and `/webhooks/…` are exempt: load balancers, scrapers, standards and webhook providers call them at fixed paths, with payloads we do not define. Pages are not API contracts either: a NestJS handler decorated `@Render(…)` or `@Redirect(…)`, and an express, fastify, koa or hono handler whose only responses are `res.render`, `reply.view`, `ctx.render`, `c.html`, a redirect or `res.sendFile`, answer a browser, and are not reported. A prefix read at run time (`app.use(config.apiPrefix, router)`) cannot be judged, so its routes are not reported.',
  help: 'Put the version in the path — on the route, or once where its router is mounted (`app.use(\'/api/v1\', ordersRouter)`, `register(plugin, { prefix: \'/v1\' })`, `@Controller({ path, version: \'1\' })` with URI versioning). Change the exempt operational paths with `"unversioned-api-route": ["warning", { "exemptPaths": ["/health", "/metrics", "/webhooks", "/status"] }]` (the list replaces the default).',
  collectors: [moduleBindings, routeFacts],
  check(ctx) {
    if (!ctx.membership.domain) return;
    const facts = ctx.facts(routeFacts);
    if (!facts) return;
    const exempt = exemptPathsOf(ctx.options);
    const report = (methods: string[], written: string, fullPath: string, range: typeof facts.routes[number]['range']) => {
      ctx.report({
        range,
        message: `${methods.join(',')} ${fullPath} is served without a version segment (such as /v1/); version the route or the prefix it is mounted under, so clients keep a contract when the API changes.`,
        domains: { from: ctx.membership.domain!.name },
        data: { methods, path: written, fullPath },
      });
    };

    for (const route of facts.routes) {
      const path = resolvePath(ctx, ctx.file, route.path);
      if (path === undefined || hasVersionSegment(path)) continue;
      const unversioned = prefixesOf(ctx, ctx.file, route.scope)
        .filter((p): p is string => p !== undefined)
        .map((p) => joinPaths(p, path))
        .filter((full) => !hasVersionSegment(full) && !isExempt(full, exempt));
      if (unversioned.length > 0) report(route.methods, route.written, unversioned.sort()[0], route.range);
    }

    if (facts.nest.length === 0) return;
    const app = nestBootstrapOf(ctx, ctx.file);
    const globalPrefix = app?.bootstrap.globalPrefix ? resolvePath(ctx, app.file, app.bootstrap.globalPrefix) : '';
    for (const route of facts.nest) {
      if (route.version === 'versioned') continue;
      if (route.version === 'none' && app?.bootstrap.defaultVersion) continue;
      const path = resolvePath(ctx, ctx.file, route.path);
      if (path === undefined || hasVersionSegment(path)) continue;
      const excluded = app?.bootstrap.globalPrefixExclude.some((e) => isExempt(path, [e])) ?? false;
      if (globalPrefix === undefined && !excluded) continue;
      const full = excluded ? joinPaths(path) : joinPaths(globalPrefix ?? '', path);
      if (hasVersionSegment(full) || isExempt(full, exempt) || isExempt(path, exempt)) continue;
      report(route.methods, route.written, full, route.range);
    }
  },
};
