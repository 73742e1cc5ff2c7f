export { recentSearches, rememberSearch } from './history';
export { search } from './searchClient';
export { featuredByPopularity, topBestsellers, categoriesForFacet, latestArrivals } from './ranking';
export { scheduleReindex, drainReindexQueue } from './indexer';
