import { formatMoney, type CurrencyCode } from '../../shared';
import type { ShippingSpeed, ShippingZone } from '../core/types';

interface ShippingOptionsProps {
  zone: ShippingZone;
  weightGrams: number;
  subtotalCents: number;
  currency: CurrencyCode;
  selected: ShippingSpeed;
  onChange(speed: ShippingSpeed): void;
}

// Price table per zone and weight band (up to 2 kg / 5 kg / 10 kg / heavier).
const RATE_TABLE: Record<ShippingZone, Record<ShippingSpeed, [number, number, number, number]>> = {
  domestic: { standard: [495, 695, 995, 1_495], express: [995, 1_295, 1_695, 2_495], next_day: [1_495, 1_795, 2_295, 3_495] },
  eu: { standard: [995, 1_395, 1_995, 2_995], express: [1_995, 2_495, 3_295, 4_495], next_day: [2_995, 3_495, 4_295, 5_995] },
  europe_non_eu: { standard: [1_495, 1_995, 2_695, 3_995], express: [2_495, 3_195, 3_995, 5_495], next_day: [3_995, 4_695, 5_495, 7_495] },
  world: { standard: [2_495, 3_495, 4_995, 7_495], express: [4_495, 5_995, 7_995, 10_995], next_day: [6_995, 8_495, 10_495, 13_995] },
};

const SPEED_LABELS: Record<ShippingSpeed, string> = { standard: 'Standard', express: 'Express', next_day: 'Next day' };

function shippingCostFor(zone: ShippingZone, speed: ShippingSpeed, weightGrams: number, subtotalCents: number): number {
  const band = weightGrams <= 2_000 ? 0 : weightGrams <= 5_000 ? 1 : weightGrams <= 10_000 ? 2 : 3;
  if (speed === 'standard' && zone === 'domestic' && subtotalCents >= 7_500) return 0;
  if (speed === 'standard' && zone === 'eu' && subtotalCents >= 15_000) return 0;
  return RATE_TABLE[zone][speed][band];
}

export function ShippingOptions({ zone, weightGrams, subtotalCents, currency, selected, onChange }: ShippingOptionsProps) {
  const speeds = Object.keys(SPEED_LABELS) as ShippingSpeed[];

  return (
    <fieldset className="shipping-options">
      <legend>Delivery</legend>
      {speeds.map((speed) => {
        const cost = shippingCostFor(zone, speed, weightGrams, subtotalCents);
        return (
          <label key={speed} className={speed === selected ? 'shipping-option is-selected' : 'shipping-option'}>
            <input type="radio" name="shipping-speed" value={speed} checked={speed === selected} onChange={() => onChange(speed)} />
            <span>{SPEED_LABELS[speed]}</span>
            <span className="shipping-option__price">{cost === 0 ? 'Free' : formatMoney(cost, currency)}</span>
          </label>
        );
      })}
    </fieldset>
  );
}
