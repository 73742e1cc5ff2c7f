export interface TaxZone {
  code: string;
  name: string;
  standardRate: number;
}

export const TAX_ZONES: ReadonlyArray<TaxZone> = [
  { code: 'SE', name: 'Sweden', standardRate: 0.25 },
  { code: 'DE', name: 'Germany', standardRate: 0.19 },
  { code: 'FR', name: 'France', standardRate: 0.2 },
  { code: 'NL', name: 'Netherlands', standardRate: 0.21 },
];
