import { useMemo, useState } from 'react';
import { formatMoney, type CurrencyCode } from '../../shared';

type BundleOffer =
  | { kind: 'buy_x_pay_y'; buy: number; pay: number }
  | { kind: 'fixed_price'; size: number; priceCents: number }
  | { kind: 'percent_off'; minItems: number; percent: number };

interface BundleItem {
  sku: string;
  name: string;
  priceCents: number;
}

interface BundleBuilderProps {
  offer: BundleOffer;
  candidates: BundleItem[];
  currency: CurrencyCode;
  onAddToCart(skus: string[]): void;
}

function bundleSavings(offer: BundleOffer, items: readonly BundleItem[]): number {
  const total = items.reduce((sum, item) => sum + item.priceCents, 0);
  switch (offer.kind) {
    case 'buy_x_pay_y': {
      if (items.length < offer.buy) return 0;
      // The cheapest items are the free ones.
      const cheapestFirst = [...items].sort((a, b) => a.priceCents - b.priceCents);
      return cheapestFirst.slice(0, offer.buy - offer.pay).reduce((sum, item) => sum + item.priceCents, 0);
    }
    case 'fixed_price':
      return items.length === offer.size ? Math.max(0, total - offer.priceCents) : 0;
    case 'percent_off':
      return items.length >= offer.minItems ? Math.round((total * offer.percent) / 100) : 0;
  }
}

export function BundleBuilder({ offer, candidates, currency, onAddToCart }: BundleBuilderProps) {
  const [selected, setSelected] = useState<string[]>([]);
  const items = useMemo(() => candidates.filter((c) => selected.includes(c.sku)), [candidates, selected]);
  const savings = bundleSavings(offer, items);

  const toggle = (sku: string) =>
    setSelected((current) => (current.includes(sku) ? current.filter((s) => s !== sku) : [...current, sku]));

  return (
    <div className="bundle-builder">
      <ul>
        {candidates.map((c) => (
          <li key={c.sku}>
            <label>
              <input type="checkbox" checked={selected.includes(c.sku)} onChange={() => toggle(c.sku)} />
              {c.name} — {formatMoney(c.priceCents, currency)}
            </label>
          </li>
        ))}
      </ul>
      {savings > 0 && <p className="bundle-builder__savings">You save {formatMoney(savings, currency)}</p>}
      <button type="button" disabled={items.length === 0} onClick={() => onAddToCart(selected)}>
        Add bundle to cart
      </button>
    </div>
  );
}
