import { available } from '~stock';
import { available as direct } from '~stock/levels';
import { QUOTE_DAYS } from '~sales/internal/quote';

export function canSell(sku: string): boolean {
  return available(sku) > 0 && direct(sku) > 0 && QUOTE_DAYS > 0;
}
