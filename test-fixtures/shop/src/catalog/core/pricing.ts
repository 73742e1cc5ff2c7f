import { money, type Money } from '../../shared/money';

export function listPrice(sku: string): Money {
  return money(sku.length * 10);
}

export function internalMargin(sku: string): number {
  return sku.length / 100;
}
