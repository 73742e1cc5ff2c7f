import Router from '@koa/router';
import type { Context } from 'koa';

// Old CSV exports; this router is mounted as-is with app.use(legacyRouter.routes()).
export const legacyRouter = new Router();

legacyRouter.get('/export/orders.csv', (ctx: Context) => {
  ctx.set('Content-Type', 'text/csv');
  ctx.body = 'id,status\n';
});

legacyRouter.del('/export/cache', (ctx: Context) => {
  ctx.status = 204;
});

// The back office's summary page, rendered on the server (koa-views): a browser's, nothing to version.
legacyRouter.get('/export/summary', async (ctx: Context) => {
  await ctx.render('export-summary', { generatedAt: Date.now() });
});
