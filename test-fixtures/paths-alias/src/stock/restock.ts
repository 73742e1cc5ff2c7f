import { canSell } from 'src/sales/order';

export function restockNeeded(sku: string): boolean {
  return !canSell(sku);
}
