import type { CartItem } from './types';

// Old cart implementation, still used by the quick-buy button.
export const cartItems: CartItem[] = [];

export function cartCount(): number {
  return cartItems.reduce((n, item) => n + item.quantity, 0);
}
