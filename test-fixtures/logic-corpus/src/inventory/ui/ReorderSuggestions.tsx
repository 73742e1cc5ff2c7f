import { formatMoney } from '../../shared';
import type { StockItem } from '../core/types';

interface SalesStats {
  sku: string;
  unitsSoldLast30Days: number;
  unitsSoldLast7Days: number;
}

interface ReorderSuggestionsProps {
  items: StockItem[];
  sales: Record<string, SalesStats>;
  onCreatePurchaseOrder(lines: Array<{ sku: string; quantity: number }>): void;
}

export function ReorderSuggestions({ items, sales, onCreatePurchaseOrder }: ReorderSuggestionsProps) {
  const suggestions = items
    .filter((item) => !item.discontinued)
    .map((item) => {
      const stats = sales[item.sku];
      const daily30 = (stats?.unitsSoldLast30Days ?? 0) / 30;
      const daily7 = (stats?.unitsSoldLast7Days ?? 0) / 7;
      // Weight the last week more when demand is accelerating.
      const demand = daily7 > daily30 * 1.5 ? daily7 : (daily30 + daily7) / 2;
      const safetyStock = Math.ceil(demand * 7);
      const reorderAt = Math.ceil(demand * item.supplierLeadTimeDays) + safetyStock;
      const free = item.onHand - item.reserved;
      const quantity = free <= reorderAt ? Math.max(Math.ceil(demand * 30) - free + safetyStock, 0) : 0;
      return { item, quantity, costCents: quantity * item.unitCostCents };
    })
    .filter((s) => s.quantity > 0);

  if (suggestions.length === 0) {
    return <p className="empty-state">Nothing needs reordering right now.</p>;
  }

  return (
    <section>
      <h3>Suggested reorders</h3>
      <ul>
        {suggestions.map(({ item, quantity, costCents }) => (
          <li key={item.sku}>
            {item.name}: {quantity} units ({formatMoney(costCents, 'EUR')})
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => onCreatePurchaseOrder(suggestions.map((s) => ({ sku: s.item.sku, quantity: s.quantity })))}>
        Create purchase order
      </button>
    </section>
  );
}
