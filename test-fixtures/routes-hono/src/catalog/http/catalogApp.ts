import { Hono } from 'hono';

const products = [{ sku: 'TEE-BLK-M', name: 'Heavyweight tee' }];

// Chained registration; the platform mounts this app with app.route('/v2', catalogApp).
export const catalogApp = new Hono()
  .get('/products', (c) => c.json(products))
  .get('/products/:sku', (c) => {
    const product = products.find((p) => p.sku === c.req.param('sku'));
    return product ? c.json(product) : c.notFound();
  });
