import { bestsellers, featuredProducts, newArrivals, TOP_CATEGORIES, type Product } from '../catalog';
import { SAMPLING, shouldSample } from '../analytics/sampling';

export function featuredByPopularity(): Product[] {
  // Sorts catalog's array in place: every other reader now sees search's order.
  featuredProducts.sort((a, b) => b.popularity - a.popularity);
  return featuredProducts;
}

export function topBestsellers(limit = 5): Product[] {
  return [...bestsellers].sort((a, b) => b.popularity - a.popularity).slice(0, limit);
}

export function categoriesForFacet(): string[] {
  const categories = TOP_CATEGORIES.slice();
  categories.reverse();
  return categories;
}

export function latestArrivals(limit = 10): Product[] {
  const arrivals = newArrivals();
  arrivals.sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt));
  return arrivals.slice(0, limit);
}

export function shouldLogRanking(random: number): boolean {
  // Ranking logs are noisy: sample at half the configured rate.
  return random < SAMPLING.rate / 2 || shouldSample('search_ranking_error', random);
}
