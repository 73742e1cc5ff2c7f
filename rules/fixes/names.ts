/** The names fixes give what they write: files after declarations, functions after state. */

/** `computeDiscount` → `compute-discount`, `OrderSummary` → `order-summary`. */
export function kebabCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .toLowerCase();
}

/** `featuredSkus` → `FeaturedSkus`, to follow a verb: `pushFeaturedSkus`, `getFeaturedSkus`. */
export function capitalize(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
