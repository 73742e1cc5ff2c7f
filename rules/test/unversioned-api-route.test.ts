import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Session } from '../index';
import { FIXTURES, copyFixture, scanned } from './helpers';
import { writeWorkspace } from './inline-workspace';

const RULE = 'unversioned-api-route';

function reported(session: Session): string[] {
  return session
    .findings()
    .filter((f) => f.ruleId === RULE)
    .map((f) => `${f.file.slice(session.root.length + 1)}:${f.range.start.line + 1} ${String(f.data?.fullPath)}`);
}

interface RouteLabel {
  file: string;
  line: number;
  fullPath: string;
  expectFinding: boolean;
}

describe('unversioned-api-route', () => {
  for (const framework of ['express', 'fastify', 'koa', 'hono', 'nestjs']) {
    it(`reports exactly the unversioned routes of the ${framework} fixture, following mounts across files`, async () => {
      const fixture = `${FIXTURES}/routes-${framework}`;
      const labels = JSON.parse(fs.readFileSync(`${fixture}/labels.json`, 'utf8')) as { routes: RouteLabel[] };
      const expected = labels.routes.filter((r) => r.expectFinding).map((r) => `${r.file}:${r.line} ${r.fullPath}`);
      assert.deepEqual(reported(await scanned(fixture)).sort(), expected.sort());
    });
  }

  it('does not judge routes mounted under a prefix read at run time, and exempts health checks, pings and /.well-known', async () => {
    const session = await scanned(
      writeWorkspace({
        'foundations.json': JSON.stringify({ domains: { orders: { path: 'src/orders' }, app: { path: 'src/app', publicApi: '*', dependsOn: ['orders'] } } }),
        'src/app/config.ts': "export const config = { apiPrefix: process.env.API_PREFIX ?? '/api/v1' };\n",
        'src/app/server.ts': `import express from 'express';
import Fastify from 'fastify';
import { ordersRouter, legacyRouter, ordersPlugin, opsRouter } from '../orders';
import { config } from './config';
const app = express();
const apiPrefix = config.apiPrefix;
app.use(apiPrefix, ordersRouter);
app.use(process.env.LEGACY_BASE ?? '/legacy/v2', legacyRouter);
app.use('/api', opsRouter);
app.get('/.well-known/openid-configuration', (req, res) => res.json({}));
const fastify = Fastify();
fastify.register(ordersPlugin, { prefix: config.apiPrefix });
`,
        'src/orders/index.ts': "export { ordersRouter, legacyRouter, opsRouter } from './routes';\nexport { ordersPlugin } from './plugin';\n",
        'src/orders/routes.ts': `import { Router } from 'express';
export const ordersRouter = Router();
ordersRouter.get('/orders', (req, res) => res.json([]));
export const legacyRouter = Router();
legacyRouter.get('/invoices', (req, res) => res.json([]));
export const opsRouter = Router();
opsRouter.get('/health-check', (req, res) => res.send('ok'));
opsRouter.get('/ping', (req, res) => res.send('pong'));
opsRouter.get('/refunds', (req, res) => res.json([]));
`,
        'src/orders/plugin.ts': "import type { FastifyInstance } from 'fastify';\nexport async function ordersPlugin(app: FastifyInstance) {\n  app.get('/carts', async () => []);\n}\n",
      }),
    );
    assert.deepEqual(reported(session), ['src/orders/routes.ts:9 /api/refunds']);
  });

  it('says which path is unversioned and puts the finding on the path as written', async () => {
    const session = await scanned(`${FIXTURES}/routes-express`);
    const finding = session.findingsFor(`${session.root}/src/legacy/http/exportRouter.ts`).find((f) => f.ruleId === RULE)!;
    assert.equal(finding.message, 'GET /reports/orders.csv is served without a version segment (such as /v1/); version the route or the prefix it is mounted under, so clients keep a contract when the API changes.');
    const line = fs.readFileSync(finding.file, 'utf8').split('\n')[finding.range.start.line];
    assert.equal(line.slice(finding.range.start.character, finding.range.end.character), "'/orders.csv'");
    assert.deepEqual(finding.data, { methods: ['GET'], path: '/orders.csv', fullPath: '/reports/orders.csv' });
  });

  it('generalises: imported prefix constants, CommonJS routers, a router mounted twice, HTTP clients, basePath sub-apps', async () => {
    const root = writeWorkspace({
      'foundations.json': `{ "domains": {
        "api": { "path": "src/api", "publicApi": "*" }, "orders": { "path": "src/orders", "publicApi": "*" },
        "users": { "path": "src/users", "publicApi": "*" }, "billing": { "path": "src/billing", "publicApi": "*" },
        "platform": { "path": "src/platform", "dependsOn": ["api", "orders", "users", "billing"] } } }`,
      'src/api/config.ts': "export const API_PREFIX = '/api/v1';\nexport const VERSION = 2;\n",
      'src/orders/routes.ts': `import express from 'express';
import axios from 'axios';
const http = axios.create({ baseURL: 'https://erp.example' });
export const ordersRouter = express.Router();
ordersRouter.get('/orders', async (_req, res) => {
  const { data } = await http.get('/erp/orders', { params: { limit: 10 } });
  res.json(data);
});
ordersRouter.post('/orders/:id/pay', (_req, res) => res.sendStatus(202));
`,
      'src/users/users.js': "const { Router } = require('express');\nconst router = Router();\nrouter.get('/users', (req, res) => res.json([]));\nmodule.exports = router;\n",
      'src/billing/plugin.ts': "import type { FastifyInstance } from 'fastify';\nexport default async function billing(app: FastifyInstance) {\n  app.get('/invoices', async () => []);\n  app.get('/health', async () => 'ok');\n}\n",
      'src/platform/server.ts': `import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { API_PREFIX, VERSION } from '../api/config';
import { ordersRouter } from '../orders/routes';
import billing from '../billing/plugin';
const usersRouter = require('../users/users');

export function expressApp() {
  const app = express();
  app.use(API_PREFIX, ordersRouter);
  app.use('/internal', ordersRouter);
  app.use(\`/v\${VERSION}\`, usersRouter);
  return app;
}

export function fastifyApp() {
  const app = Fastify();
  app.register(billing, { prefix: '/billing' });
  return app;
}

export function honoApp() {
  const app = new Hono();
  const v1 = new Hono().basePath('/v1');
  v1.get('/search', (c) => c.json([]));
  app.route('/api', v1);
  app.get('/api/echo', (c) => c.text('echo'));
  return app;
}
`,
    });
    assert.deepEqual(reported(await scanned(root)).sort(), [
      'src/billing/plugin.ts:3 /billing/invoices',
      'src/orders/routes.ts:5 /internal/orders',
      'src/orders/routes.ts:9 /internal/orders/:id/pay',
      'src/platform/server.ts:28 /api/echo',
    ]);
  });

  it('follows a mount through a register function whose app parameter has a structural type', async () => {
    const root = writeWorkspace({
      'foundations.json': '{ "domains": { "orders": { "path": "src/orders" }, "platform": { "path": "src/platform", "dependsOn": ["orders"] } } }',
      'src/orders/index.ts': `import { Router } from 'express';
const ordersRouter = Router();
ordersRouter.get('/orders/:id', (_req, res) => res.json({}));
export function registerOrders(app: { use(path: string, router: unknown): void }): void {
  app.use('/api', ordersRouter);
}
`,
      'src/platform/server.ts': "import express from 'express';\nimport { registerOrders } from '../orders';\nconst app = express();\nregisterOrders(app);\n",
    });
    // Served at /api/orders/:id: the structural type names no framework, so the parameter's name (app) decides, as when untyped.
    assert.deepEqual(reported(await scanned(root)), ['src/orders/index.ts:3 /api/orders/:id']);
  });

  it('does not report pages (rendered views, redirects, files) or webhooks, but reports a handler that also answers with data', async () => {
    const root = writeWorkspace({
      'foundations.json': '{ "domains": { "site": { "path": "src/site" } } }',
      'src/site/server.ts': `import express from 'express';
import Fastify from 'fastify';
const app = express();
app.get('/orders', (req, res) => res.render('orders'));
app.get('/login', (req, res) => (req.query.next ? res.redirect(String(req.query.next)) : res.status(200).render('login')));
app.get('/terms.pdf', (req, res) => res.sendFile('/srv/terms.pdf'));
app.get('/account', (req, res) => (req.accepts('html') ? res.render('account') : res.json({})));
app.post('/webhooks/stripe', (req, res) => res.sendStatus(200));
const fastify = Fastify();
fastify.get('/catalog', async (request, reply) => reply.view('catalog.ejs'));
`,
    });
    assert.deepEqual(reported(await scanned(root)), ['src/site/server.ts:7 /account']);
  });

  it('takes the exempt paths from the rule options', async () => {
    const root = copyFixture('routes-express');
    const config = `${root}/foundations.json`;
    fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace('"unversioned-api-route": "error"', '"unversioned-api-route": ["error", { "exemptPaths": ["/status", "/health"] }]'));
    const found = reported(await scanned(root));
    assert.ok(!found.some((r) => r.endsWith(' /status')), '/status is exempt now');
    assert.ok(found.some((r) => r.endsWith(' /metrics')), '/metrics is no longer exempt');
  });

  it('NestJS: a default version given to enableVersioning versions every controller', async () => {
    const root = copyFixture('routes-nestjs');
    const main = `${root}/src/platform/http/main.ts`;
    fs.writeFileSync(main, fs.readFileSync(main, 'utf8').replace('{ type: VersioningType.URI }', "{ type: VersioningType.URI, defaultVersion: '1' }"));
    assert.deepEqual(reported(await scanned(root)), ['src/reports/http/reports.controller.ts:6 /api/reports/sales'], 'VERSION_NEUTRAL still opts out');
  });

  it('re-checks the routes of a router when the prefix it is mounted under changes in another file', async () => {
    const root = copyFixture('routes-express');
    const session = await scanned(root);
    const server = `${root}/src/platform/http/server.ts`;
    const legacy = `${root}/src/legacy/http/exportRouter.ts`;
    assert.equal(session.findingsFor(legacy).filter((f) => f.ruleId === RULE).length, 2);
    const text = fs.readFileSync(server, 'utf8');
    const result = session.update([{ type: 'buffer', file: server, text: text.replace("app.use('/reports', legacyExportRouter)", "app.use('/v1/reports', legacyExportRouter)") }]);
    assert.ok(result.files.includes(legacy));
    assert.deepEqual(session.findingsFor(legacy).filter((f) => f.ruleId === RULE), []);
    session.update([{ type: 'buffer', file: server, text }]);
    assert.equal(session.findingsFor(legacy).filter((f) => f.ruleId === RULE).length, 2);
  });
});
