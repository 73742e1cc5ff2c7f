import type { Product } from '../catalog';

interface WishlistEntry {
  productId: string;
  addedAt: number;
}

// Same name as cart's export, but a local, checkout-owned list: nothing is imported from cart here.
const cartItems: WishlistEntry[] = [];

export function moveToWishlist(product: Product): void {
  cartItems.push({ productId: product.id, addedAt: Date.now() });
  cartItems.sort((a, b) => b.addedAt - a.addedAt);
}

export function wishlistSize(): number {
  return cartItems.length;
}
