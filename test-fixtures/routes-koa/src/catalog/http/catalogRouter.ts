import Router from '@koa/router';
import type { Context } from 'koa';

const products = [{ sku: 'TEE-BLK-M', name: 'Heavyweight tee' }];

/** Catalog v2: the prefix is set after construction with router.prefix(). */
export function createCatalogRouter(): Router {
  const router = new Router();
  router.prefix('/v2/catalog');

  router.get('/products', (ctx: Context) => {
    ctx.body = products;
  });

  router.get('/products/:sku', (ctx: Context) => {
    ctx.body = products.find((p) => p.sku === ctx.params.sku) ?? ctx.throw(404);
  });

  return router;
}
