import { prisma, rateCache, redis, sessionStore, trackingParams } from '../settings/stores';

export async function rememberCheckout(cartId: string, rate: number): Promise<void> {
  await redis.set(`checkout:${cartId}`, '1');
  await sessionStore.set(`cart:${cartId}`, 'open');
  await redis.sadd('carts', cartId);
  await prisma.order.create({ data: { cartId } });
  rateCache.set(cartId, rate);
  trackingParams.set('cart', cartId);
}
