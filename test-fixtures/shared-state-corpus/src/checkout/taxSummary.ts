import { TAX_ZONES } from '../settings/taxZones';

export function zonesByRate(): Array<{ code: string; label: string }> {
  const sorted = [...TAX_ZONES].sort((a, b) => b.standardRate - a.standardRate);
  return sorted.map((zone) => ({ code: zone.code, label: `${zone.name} (${Math.round(zone.standardRate * 100)}%)` }));
}

export function rateFor(countryCode: string): number {
  return TAX_ZONES.find((zone) => zone.code === countryCode)?.standardRate ?? 0;
}
