import type { Region } from '../../shared';

export type CustomerTier = 'standard' | 'silver' | 'gold' | 'platinum';

export interface PricedLine {
  sku: string;
  quantity: number;
  unitPriceCents: number;
  category: 'apparel' | 'electronics' | 'grocery' | 'digital' | 'furniture';
}

export interface PriceBreakdown {
  subtotalCents: number;
  discountCents: number;
  taxCents: number;
  totalCents: number;
  appliedRules: string[];
}

export interface PricingContext {
  tier: CustomerTier;
  region: Region;
  couponCode?: string;
  isFirstOrder?: boolean;
}

export interface VolumeTier {
  minQuantity: number;
  unitPriceCents: number;
}
