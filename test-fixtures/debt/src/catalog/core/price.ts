export function listPrice(sku: string): number {
  return sku.length * 10;
}

export function costPrice(sku: string): number {
  return sku.length * 6;
}
