import Koa, { type Context } from 'koa';
import Router from '@koa/router';
import { createCatalogRouter } from '../../catalog/http/catalogRouter';
import { legacyRouter } from '../../legacy/http/legacyRouter';
import { ordersRouter } from '../../orders/http/ordersRouter';
import { reportsRouter } from '../../reports/http/reportsRouter';
import { webhooksRouter } from '../../webhooks/http/webhooksRouter';

export function createApp(): Koa {
  const app = new Koa();

  const root = new Router();
  root.get('/health', (ctx: Context) => {
    ctx.body = { status: 'ok' };
  });
  root.get('/metrics', (ctx: Context) => {
    ctx.set('Content-Type', 'text/plain');
    ctx.body = '# metrics\n';
  });
  root.get('/status', (ctx: Context) => {
    ctx.body = { incidents: [] };
  });

  const api = new Router({ prefix: '/api' });
  api.use('/v3', reportsRouter.routes());
  api.get('/me', (ctx: Context) => {
    ctx.body = { id: 'anonymous' };
  });

  const catalogRouter = createCatalogRouter();

  app.use(root.routes());
  app.use(api.routes());
  app.use(ordersRouter.routes()).use(ordersRouter.allowedMethods());
  app.use(catalogRouter.routes());
  app.use(legacyRouter.routes());
  app.use(webhooksRouter.routes());
  return app;
}
