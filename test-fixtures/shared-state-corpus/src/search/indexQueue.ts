/** Product ids waiting to be re-indexed. Internal to the search domain (not in index.ts). */
export const pendingReindex: string[] = [];
