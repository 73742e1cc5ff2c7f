import { analyticsContext } from '../analytics/context';
import { metrics } from '../analytics/metrics';
import { cartItems } from '../cart/cartItems';
import { cart } from '../cart/cartStore';
import { productCache } from '../catalog';
import { outbox } from '../notifications';

export interface PlacedOrder {
  orderId: string;
  totalCents: number;
}

export async function placeOrder(customerEmail: string, submit: () => Promise<PlacedOrder>, campaign?: string): Promise<PlacedOrder> {
  const order = await submit();

  // Stock changed for what was just bought: drop those products from the catalog cache.
  for (const line of cart.items) productCache.delete(line.productId);
  cart.clear();
  cartItems.splice(0, cartItems.length);

  analyticsContext.campaign = campaign;
  metrics.checkouts++;

  outbox.push({
    channel: 'email',
    recipient: customerEmail,
    template: 'order-confirmation',
    data: { orderId: order.orderId, total: String(order.totalCents) },
  });
  return order;
}
