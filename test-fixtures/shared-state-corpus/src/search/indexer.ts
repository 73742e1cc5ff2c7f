import { productCache, type Product } from '../catalog';
import { pendingReindex } from './indexQueue';

export function scheduleReindex(productId: string): void {
  if (!pendingReindex.includes(productId)) pendingReindex.push(productId);
}

/** Drains the queue; while doing so it warms catalog's product cache with what it fetched. */
export async function drainReindexQueue(fetchProduct: (id: string) => Promise<Product>, batchSize = 50): Promise<number> {
  const batch = pendingReindex.splice(0, batchSize);
  for (const id of batch) {
    const product = await fetchProduct(id);
    productCache.set(product.id, product);
  }
  return batch.length;
}
