import axios, { isAxiosError, type AxiosInstance } from 'axios';
import type { CurrencyCode } from '../../shared';

interface RatesResponse {
  base: string;
  timestamp: number;
  rates: Record<string, number>;
}

export interface ExchangeRates {
  base: CurrencyCode;
  fetchedAt: Date;
  rates: Partial<Record<CurrencyCode, number>>;
}

const SUPPORTED: readonly CurrencyCode[] = ['EUR', 'USD', 'GBP', 'SEK'];

export class CurrencyRatesClient {
  private readonly http: AxiosInstance;
  private cached: { value: ExchangeRates; expiresAt: number } | null = null;

  constructor(apiKey: string, private readonly ttlMs = 15 * 60_000) {
    this.http = axios.create({ baseURL: 'https://api.exchangerates.example/v2', timeout: 5_000, params: { access_key: apiKey } });
  }

  async latest(base: CurrencyCode = 'EUR'): Promise<ExchangeRates> {
    if (this.cached && this.cached.value.base === base && Date.now() < this.cached.expiresAt) {
      return this.cached.value;
    }
    const value = await this.fetchWithRetry(base, 3);
    this.cached = { value, expiresAt: Date.now() + this.ttlMs };
    return value;
  }

  private async fetchWithRetry(base: CurrencyCode, attempts: number): Promise<ExchangeRates> {
    let lastError: unknown;
    for (let attempt = 0; attempt < attempts; attempt++) {
      try {
        const { data } = await this.http.get<RatesResponse>('/latest', { params: { base } });
        return this.toRates(data);
      } catch (error) {
        lastError = error;
        const status = isAxiosError(error) ? error.response?.status : undefined;
        if (status !== undefined && status < 500 && status !== 429) break;
        const retryAfter = isAxiosError(error) ? Number(error.response?.headers['retry-after']) : Number.NaN;
        const waitMs = Number.isFinite(retryAfter) ? retryAfter * 1000 : 250 * 2 ** attempt;
        await new Promise((resolve) => setTimeout(resolve, waitMs));
      }
    }
    throw lastError;
  }

  private toRates(data: RatesResponse): ExchangeRates {
    const rates: Partial<Record<CurrencyCode, number>> = {};
    for (const code of SUPPORTED) {
      const rate = data.rates[code];
      if (typeof rate === 'number' && rate > 0) rates[code] = rate;
    }
    return { base: data.base as CurrencyCode, fetchedAt: new Date(data.timestamp * 1000), rates };
  }
}
