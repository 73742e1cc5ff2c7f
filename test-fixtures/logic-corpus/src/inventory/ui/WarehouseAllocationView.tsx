import { useMemo } from 'react';
import type { Allocation, StockLevel, Warehouse } from '../core/types';

interface WarehouseAllocationViewProps {
  sku: string;
  quantity: number;
  destinationRegion: Warehouse['region'];
  warehouses: Warehouse[];
  levels: StockLevel[];
}

// Same region first, then by priority; never leave a warehouse below 2 units of safety stock,
// and split across at most two warehouses to keep shipping costs down.
export function allocateAcrossWarehouses(
  quantity: number,
  destinationRegion: Warehouse['region'],
  warehouses: readonly Warehouse[],
  levels: readonly StockLevel[],
): { allocations: Allocation[]; backordered: number } {
  const ordered = [...warehouses].sort((a, b) => {
    const regional = Number(b.region === destinationRegion) - Number(a.region === destinationRegion);
    return regional !== 0 ? regional : a.priority - b.priority;
  });
  const allocations: Allocation[] = [];
  let remaining = quantity;
  for (const warehouse of ordered) {
    if (remaining === 0 || allocations.length === 2) break;
    const level = levels.find((l) => l.warehouseId === warehouse.id);
    const free = level ? level.onHand - level.reserved - 2 : 0;
    const take = Math.min(Math.max(free, 0), remaining);
    if (take > 0) {
      allocations.push({ warehouseId: warehouse.id, quantity: take });
      remaining -= take;
    }
  }
  const canBackorder = ordered.some((w) => w.acceptsBackorders);
  return { allocations, backordered: canBackorder ? remaining : 0 };
}

export function WarehouseAllocationView({ sku, quantity, destinationRegion, warehouses, levels }: WarehouseAllocationViewProps) {
  const result = useMemo(
    () => allocateAcrossWarehouses(quantity, destinationRegion, warehouses, levels),
    [quantity, destinationRegion, warehouses, levels],
  );
  const names = new Map(warehouses.map((w) => [w.id, w.name]));

  return (
    <table className="allocation">
      <caption>Allocation for {sku}</caption>
      <tbody>
        {result.allocations.map((a) => (
          <tr key={a.warehouseId}>
            <th scope="row">{names.get(a.warehouseId) ?? a.warehouseId}</th>
            <td className="num">{a.quantity}</td>
          </tr>
        ))}
        {result.backordered > 0 && (
          <tr className="allocation__backorder">
            <th scope="row">Backorder</th>
            <td className="num">{result.backordered}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
