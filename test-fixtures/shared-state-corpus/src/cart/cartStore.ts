import { MAX_CART_ITEMS, MAX_QUANTITY_PER_LINE } from '../settings/limits';
import type { CartItem } from './types';

export class CartStore {
  private lines: CartItem[] = [];
  private listeners: Array<() => void> = [];

  get items(): readonly CartItem[] {
    return this.lines;
  }

  get totalCents(): number {
    return this.lines.reduce((sum, line) => sum + line.unitPriceCents * line.quantity, 0);
  }

  addItem(item: CartItem): void {
    const existing = this.lines.find((line) => line.sku === item.sku);
    if (existing) {
      existing.quantity = Math.min(existing.quantity + item.quantity, MAX_QUANTITY_PER_LINE);
    } else if (this.lines.length < MAX_CART_ITEMS) {
      this.lines.push({ ...item, quantity: Math.min(item.quantity, MAX_QUANTITY_PER_LINE) });
    }
    this.notify();
  }

  removeItem(sku: string): void {
    this.lines = this.lines.filter((line) => line.sku !== sku);
    this.notify();
  }

  clear(): void {
    this.lines = [];
    this.notify();
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private notify(): void {
    this.listeners.forEach((listener) => listener());
  }
}

/** The shopper's cart, one per browser tab. */
export const cart = new CartStore();
