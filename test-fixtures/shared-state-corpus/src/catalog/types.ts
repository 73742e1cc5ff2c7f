export interface Product {
  id: string;
  sku: string;
  name: string;
  priceCents: number;
  category: string;
  popularity: number;
  publishedAt: string;
}
