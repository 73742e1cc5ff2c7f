import Stripe from 'stripe';
import type { CurrencyCode } from '../../shared';

export interface CatalogPrice {
  sku: string;
  stripeProductId: string;
  currency: CurrencyCode;
  amountCents: number;
}

export interface SyncResult {
  created: number;
  unchanged: number;
  deactivated: number;
}

/** Keeps Stripe prices in line with the catalogue. Stripe prices are immutable, so a change means create + deactivate. */
export class StripePriceSync {
  private readonly stripe: Stripe;

  constructor(secretKey: string) {
    this.stripe = new Stripe(secretKey, { apiVersion: '2024-06-20', maxNetworkRetries: 2 });
  }

  private lookupKey(price: CatalogPrice): string {
    return `${price.sku}:${price.currency.toLowerCase()}`;
  }

  async sync(prices: readonly CatalogPrice[]): Promise<SyncResult> {
    const result: SyncResult = { created: 0, unchanged: 0, deactivated: 0 };
    for (const price of prices) {
      const existing = await this.stripe.prices.list({ product: price.stripeProductId, active: true, limit: 100 });
      const current = existing.data.find(
        (p) => p.lookup_key === this.lookupKey(price) && p.currency === price.currency.toLowerCase(),
      );
      if (current && current.unit_amount === price.amountCents) {
        result.unchanged++;
        continue;
      }
      await this.stripe.prices.create({
        product: price.stripeProductId,
        unit_amount: price.amountCents,
        currency: price.currency.toLowerCase(),
        lookup_key: this.lookupKey(price),
        transfer_lookup_key: true,
      });
      result.created++;
      if (current) {
        await this.stripe.prices.update(current.id, { active: false, metadata: { replaced_at: new Date().toISOString() } });
        result.deactivated++;
      }
    }
    return result;
  }
}
