import { useMemo } from 'react';
import type { ShippingSpeed, ShippingZone } from '../core/types';

interface DeliveryEstimate {
  earliest: Date;
  latest: Date;
  label: string;
}

const REMOTE_POSTCODE_PREFIXES = ['18', '25', '26', '27', '83'];

export function useDeliveryEstimate(
  zone: ShippingZone,
  speed: ShippingSpeed,
  postalCode: string,
  now: Date = new Date(),
  locale = 'en-GB',
): DeliveryEstimate {
  return useMemo(() => {
    // Orders after 14:00 ship the next working day; islands and remote postcodes add two days.
    let transitDays = speed === 'next_day' ? 1 : speed === 'express' ? 2 : zone === 'domestic' ? 3 : 5;
    if (now.getHours() >= 14) transitDays += 1;
    if (zone === 'domestic' && REMOTE_POSTCODE_PREFIXES.some((p) => postalCode.startsWith(p))) transitDays += 2;

    const earliest = new Date(now);
    let remaining = transitDays;
    while (remaining > 0) {
      earliest.setDate(earliest.getDate() + 1);
      const day = earliest.getDay();
      if (day !== 0 && day !== 6) remaining--;
    }
    const latest = new Date(earliest);
    latest.setDate(latest.getDate() + (speed === 'standard' ? 2 : 0));

    const fmt = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short' });
    const label = earliest.getTime() === latest.getTime() ? fmt.format(earliest) : `${fmt.format(earliest)} – ${fmt.format(latest)}`;
    return { earliest, latest, label };
  }, [zone, speed, postalCode, now, locale]);
}
