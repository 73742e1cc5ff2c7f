import { CartStore } from '../cart/cartStore';
import type { CartItem } from '../cart/types';

/** A gift order gets its own cart so it never mixes with the shopper's cart. */
export function buildGiftCart(items: readonly CartItem[]): CartStore {
  const giftCart = new CartStore();
  for (const item of items) {
    giftCart.addItem(item);
  }
  giftCart.removeItem('GIFT-WRAP-PLACEHOLDER');
  return giftCart;
}
