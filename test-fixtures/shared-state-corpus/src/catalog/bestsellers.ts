import type { Product } from './types';

// Recomputed nightly by the catalog job; a plain array, never changed after module load.
export const bestsellers: Product[] = [
  { id: 'p-311', sku: 'BAG-CNV-L', name: 'Canvas tote', priceCents: 2_400, category: 'accessories', popularity: 92, publishedAt: '2023-11-20' },
  { id: 'p-100', sku: 'TEE-BLK-M', name: 'Heavyweight tee', priceCents: 2_900, category: 'apparel', popularity: 87, publishedAt: '2024-02-01' },
];
