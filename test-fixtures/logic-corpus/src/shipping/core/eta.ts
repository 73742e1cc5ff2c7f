import type { ShippingSpeed, ShippingZone } from './types';

const TRANSIT_DAYS: Record<ShippingZone, Record<ShippingSpeed, number>> = {
  domestic: { standard: 2, express: 1, next_day: 1 },
  eu: { standard: 4, express: 2, next_day: 1 },
  europe_non_eu: { standard: 6, express: 3, next_day: 2 },
  world: { standard: 10, express: 5, next_day: 3 },
};

export function estimateDelivery(zone: ShippingZone, speed: ShippingSpeed, now: Date): Date {
  const date = new Date(now);
  let days = TRANSIT_DAYS[zone][speed] + (now.getHours() >= 14 ? 1 : 0);
  while (days > 0) {
    date.setDate(date.getDate() + 1);
    if (date.getDay() !== 0 && date.getDay() !== 6) days--;
  }
  return date;
}
