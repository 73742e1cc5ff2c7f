import { catalogIndex } from './catalogIndex';
import { recordArrival } from './newArrivals';
import type { Product } from './types';

/** Nightly catalog job: the only writer of the catalog index. */
export async function refreshCatalog(fetchAll: () => Promise<Product[]>): Promise<number> {
  const products = await fetchAll();
  catalogIndex.rebuild(products);
  const weekAgo = Date.now() - 7 * 86_400_000;
  products.filter((p) => Date.parse(p.publishedAt) > weekAgo).forEach(recordArrival);
  return catalogIndex.size;
}
