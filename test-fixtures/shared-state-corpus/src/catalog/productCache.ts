import type { Product } from './types';

// Filled lazily by loadProduct(); other domains are expected to call loadProduct, not touch the map.
export const productCache = new Map<string, Product>();

export async function loadProduct(id: string, fetchProduct: (id: string) => Promise<Product>): Promise<Product> {
  const cached = productCache.get(id);
  if (cached) return cached;
  const product = await fetchProduct(id);
  productCache.set(id, product);
  return product;
}
