export type { Product } from './core/product';
export { findProduct } from './core/product';
export { listPrice } from './core/pricing';
