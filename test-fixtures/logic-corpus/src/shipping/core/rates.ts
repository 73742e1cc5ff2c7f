import type { ShippingQuote, ShippingSpeed, ShippingZone } from './types';
import { estimateDelivery } from './eta';

const BASE_RATES: Record<ShippingZone, Record<ShippingSpeed, number>> = {
  domestic: { standard: 495, express: 995, next_day: 1495 },
  eu: { standard: 995, express: 1995, next_day: 2995 },
  europe_non_eu: { standard: 1495, express: 2495, next_day: 3995 },
  world: { standard: 2495, express: 4495, next_day: 6995 },
};

const FREE_STANDARD_THRESHOLD_CENTS = 7_500;

export function quoteShipping(zone: ShippingZone, weightGrams: number, subtotalCents: number, now: Date): ShippingQuote[] {
  const extraKilos = Math.max(0, Math.ceil((weightGrams - 2_000) / 1_000));
  return (Object.keys(BASE_RATES[zone]) as ShippingSpeed[]).map((speed) => {
    const free = speed === 'standard' && zone === 'domestic' && subtotalCents >= FREE_STANDARD_THRESHOLD_CENTS;
    return {
      speed,
      costCents: free ? 0 : BASE_RATES[zone][speed] + extraKilos * 150,
      estimatedDeliveryDate: estimateDelivery(zone, speed, now).toISOString(),
      carrier: zone === 'domestic' ? 'dhl' : 'ups',
    };
  });
}
