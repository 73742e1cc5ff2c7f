export function available(sku: string): number {
  return sku.length;
}
