import Router from '@koa/router';
import type { Context } from 'koa';

// No prefix here: the platform nests it with api.use('/v3', reportsRouter.routes()) under new Router({ prefix: '/api' }).
export const reportsRouter = new Router();

reportsRouter.get('/sales', (ctx: Context) => {
  ctx.body = { totalCents: 0, from: ctx.query.from ?? null };
});

reportsRouter.get('/stock', (ctx: Context) => {
  ctx.body = [];
});
