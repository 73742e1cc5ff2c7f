// A folder no domain owns: unassigned-file.
import { placeOrder } from '../orders';

export function weeklySales(): number {
  return placeOrder('sku-1').total.amount;
}
