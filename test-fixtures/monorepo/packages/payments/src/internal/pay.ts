export function pay(cents: number): string {
  return `paid ${cents}`;
}
