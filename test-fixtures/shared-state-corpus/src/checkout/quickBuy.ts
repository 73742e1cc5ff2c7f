import { cartItems } from '../cart/cartItems';
import { cart } from '../cart/cartStore';
import type { Product } from '../catalog';

/** "Buy now" on a product card: skips the cart page but still goes through the shopper's cart. */
export function quickBuy(product: Product, quantity = 1): void {
  cartItems.push({ productId: product.id, sku: product.sku, quantity, unitPriceCents: product.priceCents });
  cart.addItem({ productId: product.id, sku: product.sku, quantity, unitPriceCents: product.priceCents });
}
