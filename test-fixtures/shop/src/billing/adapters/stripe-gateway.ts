import Stripe from 'stripe';

export function createGateway(key: string): Stripe {
  return new Stripe(key);
}
