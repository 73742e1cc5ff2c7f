import type { CurrencyCode } from '../settings/locale';

type Rates = Record<CurrencyCode, number>;

let cachedRates: { rates: Rates; fetchedAt: number } | null = null;
const TTL_MS = 10 * 60_000;

export async function getExchangeRates(fetchRates: () => Promise<Rates>): Promise<Rates> {
  if (cachedRates && Date.now() - cachedRates.fetchedAt < TTL_MS) return cachedRates.rates;
  cachedRates = { rates: await fetchRates(), fetchedAt: Date.now() };
  return cachedRates.rates;
}

export function invalidateExchangeRates(): void {
  cachedRates = null;
}
