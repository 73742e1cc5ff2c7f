import { formatMoney, type CurrencyCode } from '../../shared';

interface VolumePricingTableProps {
  basePriceCents: number;
  currency: CurrencyCode;
  isBusinessAccount: boolean;
  selectedQuantity: number;
}

const BREAKS = [
  { min: 200, off: 0.15 },
  { min: 50, off: 0.1 },
  { min: 10, off: 0.05 },
  { min: 1, off: 0 },
];

/** Unit price after volume breaks; business accounts get another 2% on orders of 50+. */
export function unitPriceFor(quantity: number, basePriceCents: number, isBusinessAccount: boolean): number {
  const tier = BREAKS.find((b) => quantity >= b.min) ?? BREAKS[BREAKS.length - 1];
  const businessExtra = isBusinessAccount && quantity >= 50 ? 0.02 : 0;
  return Math.round(basePriceCents * (1 - tier.off - businessExtra));
}

export function VolumePricingTable({ basePriceCents, currency, isBusinessAccount, selectedQuantity }: VolumePricingTableProps) {
  const rows = [...BREAKS].reverse();

  return (
    <table className="volume-pricing">
      <caption>Buy more, pay less</caption>
      <thead>
        <tr>
          <th scope="col">Quantity</th>
          <th scope="col" className="num">Price per unit</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => {
          const next = rows[index + 1];
          const label = next ? `${row.min}–${next.min - 1}` : `${row.min}+`;
          const active = selectedQuantity >= row.min && (!next || selectedQuantity < next.min);
          return (
            <tr key={row.min} className={active ? 'is-active' : undefined}>
              <td>{label}</td>
              <td className="num">{formatMoney(unitPriceFor(row.min, basePriceCents, isBusinessAccount), currency)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
