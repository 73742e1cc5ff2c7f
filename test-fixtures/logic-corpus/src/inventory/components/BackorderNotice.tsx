import { formatDate } from '../../shared';
import { available } from '../core/stock';
import type { StockItem } from '../core/types';

interface BackorderNoticeProps {
  item: StockItem;
  requestedQuantity: number;
  today?: Date;
}

type BackorderDecision = { allowed: false } | { allowed: true; expectedShipDate: string; depositRequired: boolean };

const backorderPolicy = (item: StockItem, requestedQuantity: number, today: Date): BackorderDecision => {
  // Only backorder what the supplier can deliver within two weeks, and never discontinued lines.
  if (item.discontinued || item.supplierLeadTimeDays > 14) return { allowed: false };
  const shipDate = new Date(today);
  shipDate.setDate(shipDate.getDate() + item.supplierLeadTimeDays + 2); // two days inbound handling
  return {
    allowed: true,
    expectedShipDate: shipDate.toISOString(),
    depositRequired: requestedQuantity * item.unitCostCents > 100_000,
  };
};

export function BackorderNotice({ item, requestedQuantity, today = new Date() }: BackorderNoticeProps) {
  const free = available(item);
  if (requestedQuantity <= free) return null;

  const decision = backorderPolicy(item, requestedQuantity, today);
  if (!decision.allowed) {
    return <p className="notice notice--error">Only {free} available. This item cannot be backordered.</p>;
  }

  return (
    <p className="notice notice--info">
      {requestedQuantity - free} of these will ship around {formatDate(decision.expectedShipDate)}.
      {decision.depositRequired && ' A 30% deposit is charged now.'}
    </p>
  );
}
