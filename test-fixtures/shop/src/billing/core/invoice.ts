import { listPrice } from '@shop/catalog';
import { money, type Money } from '../../shared/money';

export interface Invoice {
  id: string;
  total: Money;
}

export function createInvoice(total: Money): Invoice {
  return { id: `inv-${Date.now()}`, total };
}

export function invoiceFor(sku: string): Invoice {
  return createInvoice(money(listPrice(sku).amount));
}
