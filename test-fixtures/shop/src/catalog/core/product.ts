import type { Money } from '@shop/shared/money';
import { listPrice } from './pricing';
// catalog does not declare a dependency on orders: cross-domain-import (and a domain cycle).
import { lastOrderedAt } from '@shop/orders';

export interface Product {
  sku: string;
  price: Money;
  lastOrdered?: Date;
}

export function findProduct(sku: string): Product {
  return { sku, price: listPrice(sku), lastOrdered: lastOrderedAt(sku) };
}
