import type { Product } from './types';

const arrivals: Product[] = [];

export function recordArrival(product: Product): void {
  arrivals.unshift(product);
  if (arrivals.length > 100) arrivals.pop();
}

/** Returns a fresh copy: callers may sort or trim it as they like. */
export function newArrivals(): Product[] {
  return [...arrivals];
}
