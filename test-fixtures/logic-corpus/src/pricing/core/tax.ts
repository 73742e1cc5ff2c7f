import type { Region } from '../../shared';
import type { PricedLine } from './types';

const STANDARD_RATE: Record<Region, number> = {
  DE: 0.19,
  FR: 0.2,
  NL: 0.21,
  SE: 0.25,
  GB: 0.2,
  'US-CA': 0.0725,
  'US-NY': 0.04,
  'US-TX': 0.0625,
};

const REDUCED_RATE: Partial<Record<Region, number>> = { DE: 0.07, FR: 0.055, NL: 0.09, SE: 0.12, GB: 0 };

export function taxRateFor(region: Region, category: PricedLine['category']): number {
  if (category === 'grocery') {
    return REDUCED_RATE[region] ?? STANDARD_RATE[region];
  }
  return STANDARD_RATE[region];
}

export function computeTax(lines: readonly PricedLine[], region: Region, discountRatio: number): number {
  return lines.reduce((sum, line) => {
    const net = line.unitPriceCents * line.quantity * (1 - discountRatio);
    return sum + Math.round(net * taxRateFor(region, line.category));
  }, 0);
}
