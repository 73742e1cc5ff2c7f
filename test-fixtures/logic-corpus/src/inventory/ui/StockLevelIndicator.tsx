import { available, stockStatus } from '../core/stock';
import type { StockItem, StockStatus } from '../core/types';

interface StockLevelIndicatorProps {
  item: StockItem;
  showCount?: boolean;
}

const VIEW: Record<StockStatus, { text: string; className: string }> = {
  in_stock: { text: 'In stock', className: 'stock stock--ok' },
  low: { text: 'Low stock', className: 'stock stock--low' },
  out_of_stock: { text: 'Sold out', className: 'stock stock--out' },
  backorder: { text: 'Available to order', className: 'stock stock--backorder' },
};

export function StockLevelIndicator({ item, showCount = false }: StockLevelIndicatorProps) {
  // Thresholds belong to inventory core; the indicator maps the status to text and colour.
  const status = stockStatus(item);
  const view = VIEW[status];
  const count = available(item);

  return (
    <span className={view.className} data-status={status}>
      <span className="stock__dot" aria-hidden="true" />
      {status === 'low' && count > 0 ? `Only ${count} left` : view.text}
      {showCount && status === 'in_stock' && <span className="muted"> ({count})</span>}
    </span>
  );
}
