import { formatMoney } from '../../shared';
import type { StockItem } from '../core/types';

interface InventoryValuationProps {
  items: StockItem[];
  asOf: Date;
}

interface Valuation {
  bookValueCents: number;
  writeDownCents: number;
  agedSkus: string[];
}

// Stock older than 180 days is written down by 50%, older than a year fully; discontinued items at 25% of cost.
function valueInventory(items: readonly StockItem[], asOf: Date): Valuation {
  let bookValueCents = 0;
  let writeDownCents = 0;
  const agedSkus: string[] = [];
  for (const item of items) {
    const cost = item.onHand * item.unitCostCents;
    const ageDays = (asOf.getTime() - Date.parse(item.receivedAt)) / 86_400_000;
    let factor = 1;
    if (ageDays > 365) factor = 0;
    else if (ageDays > 180) factor = 0.5;
    if (item.discontinued) factor = Math.min(factor, 0.25);
    if (factor < 1) agedSkus.push(item.sku);
    bookValueCents += Math.round(cost * factor);
    writeDownCents += Math.round(cost * (1 - factor));
  }
  return { bookValueCents, writeDownCents, agedSkus };
}

export function InventoryValuation({ items, asOf }: InventoryValuationProps) {
  const valuation = valueInventory(items, asOf);

  return (
    <section className="valuation">
      <h3>Inventory value on {asOf.toLocaleDateString('en-GB')}</h3>
      <dl>
        <dt>Book value</dt>
        <dd>{formatMoney(valuation.bookValueCents, 'EUR')}</dd>
        <dt>Write-downs</dt>
        <dd className={valuation.writeDownCents > 0 ? 'text-danger' : undefined}>{formatMoney(valuation.writeDownCents, 'EUR')}</dd>
      </dl>
      {valuation.agedSkus.length > 0 && <p className="muted">{valuation.agedSkus.length} SKUs are aged or discontinued.</p>}
    </section>
  );
}
