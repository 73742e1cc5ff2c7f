import { listPrice } from '../../catalog';

export function refund(sku: string): number {
  return -listPrice(sku);
}
