export interface CartItem {
  productId: string;
  sku: string;
  quantity: number;
  unitPriceCents: number;
}
