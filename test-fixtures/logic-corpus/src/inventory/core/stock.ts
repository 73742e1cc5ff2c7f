import type { StockItem, StockStatus } from './types';

export function available(item: Pick<StockItem, 'onHand' | 'reserved'>): number {
  return Math.max(0, item.onHand - item.reserved);
}

export function stockStatus(item: StockItem): StockStatus {
  const free = available(item);
  if (free === 0) return item.discontinued ? 'out_of_stock' : 'backorder';
  return free <= item.reorderPoint ? 'low' : 'in_stock';
}

export function reorderPoint(averageDailySales: number, leadTimeDays: number, safetyStock: number): number {
  return Math.ceil(averageDailySales * leadTimeDays + safetyStock);
}
