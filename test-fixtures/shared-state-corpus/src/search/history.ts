export const recentSearches: string[] = [];

export function rememberSearch(query: string): void {
  const normalized = query.trim().toLowerCase();
  if (!normalized) return;
  const existing = recentSearches.indexOf(normalized);
  if (existing >= 0) recentSearches.splice(existing, 1);
  recentSearches.unshift(normalized);
  if (recentSearches.length > 10) recentSearches.pop();
}
