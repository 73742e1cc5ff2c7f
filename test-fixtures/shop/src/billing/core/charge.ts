// The core uses the payment SDK instead of an adapter: third-party-outside-adapter.
import Stripe from 'stripe';

export async function charge(amount: number): Promise<string> {
  const stripe = new Stripe('sk_test');
  const result = await stripe.charges.create({ amount, currency: 'eur' });
  return result.id;
}
