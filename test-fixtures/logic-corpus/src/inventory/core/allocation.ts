import type { Allocation, StockLevel, Warehouse } from './types';

/** Fills from the highest-priority warehouse first; returns what could not be allocated. */
export function allocateStock(
  quantity: number,
  warehouses: readonly Warehouse[],
  levels: readonly StockLevel[],
): { allocations: Allocation[]; shortfall: number } {
  const byPriority = [...warehouses].sort((a, b) => a.priority - b.priority);
  const allocations: Allocation[] = [];
  let remaining = quantity;
  for (const warehouse of byPriority) {
    if (remaining === 0) break;
    const level = levels.find((l) => l.warehouseId === warehouse.id);
    const free = level ? Math.max(0, level.onHand - level.reserved) : 0;
    const take = Math.min(free, remaining);
    if (take > 0) {
      allocations.push({ warehouseId: warehouse.id, quantity: take });
      remaining -= take;
    }
  }
  return { allocations, shortfall: remaining };
}
