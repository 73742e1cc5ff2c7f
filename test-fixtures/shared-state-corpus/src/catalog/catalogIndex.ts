import type { Product } from './types';

export class CatalogIndex {
  private bySku = new Map<string, Product>();
  private byWord = new Map<string, Set<string>>();

  rebuild(products: readonly Product[]): void {
    this.bySku = new Map(products.map((p) => [p.sku, p]));
    this.byWord = new Map();
    for (const product of products) {
      for (const word of product.name.toLowerCase().split(/\s+/)) {
        const skus = this.byWord.get(word) ?? new Set<string>();
        skus.add(product.sku);
        this.byWord.set(word, skus);
      }
    }
  }

  lookup(query: string): Product[] {
    const skus = this.byWord.get(query.trim().toLowerCase()) ?? new Set<string>();
    return [...skus].map((sku) => this.bySku.get(sku)).filter((p): p is Product => p !== undefined);
  }

  get size(): number {
    return this.bySku.size;
  }
}

export const catalogIndex = new CatalogIndex();
