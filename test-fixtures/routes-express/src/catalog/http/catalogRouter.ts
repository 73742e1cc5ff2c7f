import { Router, type Request, type Response } from 'express';

interface ProductDto {
  sku: string;
  name: string;
  priceCents: number;
}

const products: ProductDto[] = [{ sku: 'TEE-BLK-M', name: 'Heavyweight tee', priceCents: 2_900 }];

/** Version 2 of the catalog API; mounted at /api/v2/catalog. */
export function catalogRouterV2() {
  const router = Router({ mergeParams: true });

  router.get('/products', (req: Request<{}, unknown, unknown, { q?: string }>, res: Response) => {
    const q = (req.query.q ?? '').toLowerCase();
    res.json(products.filter((p) => p.name.toLowerCase().includes(q)));
  });

  router.get('/products/:sku', (req: Request<{ sku: string }>, res: Response) => {
    const product = products.find((p) => p.sku === req.params.sku);
    return product ? res.json(product) : res.sendStatus(404);
  });

  return router;
}
