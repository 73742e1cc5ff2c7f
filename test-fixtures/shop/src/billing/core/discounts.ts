// Reaches into catalog's internals instead of its public API: public-api-bypass.
import { internalMargin } from '../../catalog/core/pricing';

export function maxDiscount(sku: string): number {
  return internalMargin(sku) / 2;
}
