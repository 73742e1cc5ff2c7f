export type { CustomerTier, PricedLine, PriceBreakdown, PricingContext, VolumeTier } from './core/types';
export { calculateDiscount, isCouponApplicable, volumeUnitPrice, discountPercentage } from './core/discounts';
export { taxRateFor, computeTax } from './core/tax';
export { priceBreakdown } from './core/breakdown';
