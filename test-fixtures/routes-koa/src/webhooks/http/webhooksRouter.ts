import Router from '@koa/router';
import type { Context } from 'koa';

export const webhooksRouter = new Router({ prefix: '/webhooks' });

webhooksRouter.post('/stripe', (ctx: Context) => {
  if (!ctx.get('stripe-signature')) ctx.throw(400, 'missing signature');
  ctx.body = { received: true };
});

webhooksRouter.post('/v1/carrier', (ctx: Context) => {
  ctx.status = 202;
});
