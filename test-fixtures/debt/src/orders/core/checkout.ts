import { costPrice } from '../../catalog/core/price';

export function checkout(sku: string): number {
  return costPrice(sku) * 1.5;
}
