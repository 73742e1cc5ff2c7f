import axios, { type AxiosInstance } from 'axios';
import type { Parcel, ShippingQuote } from '../core/types';

interface CarrierRate {
  carrier: ShippingQuote['carrier'];
  service: string;
  amount: number; // major units, as the aggregator returns them
  currency: string;
  transitDays: number;
  hazmatAllowed: boolean;
}

export interface RateRequest {
  fromPostalCode: string;
  toPostalCode: string;
  toCountry: string;
  parcels: Parcel[];
  containsHazmat: boolean;
  declaredValueCents: number;
}

export class CarrierRatesClient {
  private readonly http: AxiosInstance;

  constructor(apiKey: string) {
    this.http = axios.create({ baseURL: 'https://rates.shipping-aggregator.example/v2', timeout: 6_000, headers: { 'X-Api-Key': apiKey } });
  }

  async fetchRates(request: RateRequest): Promise<CarrierRate[]> {
    const { data } = await this.http.post<{ rates: CarrierRate[] }>('/rates', {
      origin: { postal_code: request.fromPostalCode, country: 'DE' },
      destination: { postal_code: request.toPostalCode, country: request.toCountry },
      packages: request.parcels.map((p) => ({
        weight: { value: p.weightGrams / 1000, unit: 'kg' },
        dimensions: { length: p.lengthCm, width: p.widthCm, height: p.heightCm, unit: 'cm' },
      })),
    });
    return data.rates;
  }
}

/**
 * Picks the rate we sell: cheapest carrier that can take the goods, marked up 10% plus a €1.50
 * handling fee; parcels worth more than €500 must go with a carrier that offers insurance (UPS/DHL).
 */
export function selectCarrierRate(rates: readonly CarrierRate[], request: RateRequest): { carrier: CarrierRate['carrier']; priceCents: number } | null {
  const candidates = rates.filter((rate) => {
    if (request.containsHazmat && !rate.hazmatAllowed) return false;
    if (request.declaredValueCents > 50_000 && rate.carrier !== 'ups' && rate.carrier !== 'dhl') return false;
    return rate.transitDays <= 7;
  });
  if (candidates.length === 0) return null;
  const cheapest = candidates.reduce((best, rate) => (rate.amount < best.amount ? rate : best));
  const priceCents = Math.ceil(cheapest.amount * 100 * 1.1) + 150;
  return { carrier: cheapest.carrier, priceCents };
}
