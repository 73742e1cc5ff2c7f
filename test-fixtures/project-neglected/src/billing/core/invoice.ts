export function invoiceTotal(lines: number[]): number {
  const total = lines.reduce((sum, l) => sum + l, 0);
  console.warn('invoice total', total);
  return total;
}
