import { activeCurrency, currencySymbol } from '../settings/locale';

export function displayPrice(priceCents: number, ratesFromEur: Record<string, number>): string {
  const converted = Math.round(priceCents * (ratesFromEur[activeCurrency] ?? 1));
  return `${currencySymbol(activeCurrency)}${(converted / 100).toFixed(2)}`;
}
