export type CurrencyCode = 'EUR' | 'USD' | 'GBP' | 'SEK';

// Exported live binding: every importer sees the new value after setActiveCurrency().
export let activeCurrency: CurrencyCode = 'EUR';

export function setActiveCurrency(code: CurrencyCode): void {
  activeCurrency = code;
}

export function currencySymbol(code: CurrencyCode): string {
  return { EUR: '€', USD: '$', GBP: '£', SEK: 'kr' }[code];
}
