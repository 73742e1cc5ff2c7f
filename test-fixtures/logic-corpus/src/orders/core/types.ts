import type { Address, CurrencyCode } from '../../shared';
import type { PricedLine } from '../../pricing';

export type OrderStatus =
  | 'draft'
  | 'placed'
  | 'paid'
  | 'packed'
  | 'shipped'
  | 'delivered'
  | 'cancelled'
  | 'refunded';

export interface OrderLine extends PricedLine {
  name: string;
  imageUrl?: string;
}

export interface Order {
  id: string;
  number: string;
  customerId: string;
  status: OrderStatus;
  lines: OrderLine[];
  currency: CurrencyCode;
  shippingAddress: Address;
  subtotalCents: number;
  discountCents: number;
  taxCents: number;
  shippingCents: number;
  totalCents: number;
  placedAt: string;
  paidAt?: string;
  shippedAt?: string;
  deliveredAt?: string;
  couponCode?: string;
}

export interface OrderSummaryDto {
  id: string;
  number: string;
  status: OrderStatus;
  totalCents: number;
  currency: CurrencyCode;
  placedAt: string;
  itemCount: number;
}
