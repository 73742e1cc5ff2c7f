export type CurrencyCode = 'EUR' | 'USD' | 'GBP' | 'SEK';

/** Amounts are kept in minor units (cents) everywhere in the backend and the UI. */
export interface Money {
  amountCents: number;
  currency: CurrencyCode;
}

export type Region = 'DE' | 'FR' | 'NL' | 'SE' | 'GB' | 'US-CA' | 'US-NY' | 'US-TX';

export interface Address {
  line1: string;
  line2?: string;
  city: string;
  postalCode: string;
  region: Region;
  countryCode: string;
}

export function money(amountCents: number, currency: CurrencyCode): Money {
  return { amountCents, currency };
}
