export const TOP_CATEGORIES: readonly string[] = ['apparel', 'home', 'accessories', 'outdoor', 'kids'];

export function isTopCategory(category: string): boolean {
  return TOP_CATEGORIES.includes(category);
}
