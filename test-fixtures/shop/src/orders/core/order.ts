import { createInvoice, type Invoice } from '@shop/billing';
import { findProduct } from '@shop/catalog';

const lastOrders = new Map<string, Date>();

export function placeOrder(sku: string): Invoice {
  const product = findProduct(sku);
  lastOrders.set(sku, new Date());
  return createInvoice(product.price);
}

export function lastOrderedAt(sku: string): Date | undefined {
  return lastOrders.get(sku);
}

export async function loadInvoicing(): Promise<unknown> {
  // A dynamic import of another domain's public API is fine.
  return import('../../billing/index');
}
