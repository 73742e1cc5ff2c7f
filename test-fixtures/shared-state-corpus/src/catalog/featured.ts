import type { Product } from './types';

/** Curated by merchandising, in the order they want them shown. */
export const featuredProducts: Product[] = [
  { id: 'p-100', sku: 'TEE-BLK-M', name: 'Heavyweight tee', priceCents: 2_900, category: 'apparel', popularity: 87, publishedAt: '2024-02-01' },
  { id: 'p-204', sku: 'MUG-STN-350', name: 'Stoneware mug', priceCents: 1_800, category: 'home', popularity: 64, publishedAt: '2024-03-12' },
  { id: 'p-311', sku: 'BAG-CNV-L', name: 'Canvas tote', priceCents: 2_400, category: 'accessories', popularity: 92, publishedAt: '2023-11-20' },
];
