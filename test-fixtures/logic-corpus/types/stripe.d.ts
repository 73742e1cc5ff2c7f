// Minimal ambient stub of the stripe SDK.
declare module 'stripe' {
  namespace Stripe {
    interface PaymentIntent {
      id: string;
      amount: number;
      amount_received: number;
      currency: string;
      status: 'requires_payment_method' | 'requires_capture' | 'processing' | 'succeeded' | 'canceled';
      metadata: Record<string, string>;
      latest_charge?: string | null;
    }
    interface Refund { id: string; amount: number; status: string; payment_intent: string }
    interface Price { id: string; unit_amount: number | null; currency: string; product: string; active: boolean; lookup_key?: string | null }
    interface Dispute { id: string; amount: number; currency: string; reason: string; charge: string; payment_intent: string | null; metadata: Record<string, string> }
    interface Event { id: string; type: string; created: number; data: { object: unknown } }
    interface RequestOptions { idempotencyKey?: string }
    interface StripeConfig { apiVersion?: string; maxNetworkRetries?: number; timeout?: number }
    namespace errors {
      class StripeError extends Error { type: string; code?: string; statusCode?: number; decline_code?: string }
      class StripeCardError extends StripeError {}
      class StripeRateLimitError extends StripeError {}
      class StripeInvalidRequestError extends StripeError {}
    }
  }
  class Stripe {
    constructor(apiKey: string, config?: Stripe.StripeConfig);
    paymentIntents: {
      create(params: { amount: number; currency: string; customer?: string; capture_method?: 'automatic' | 'manual'; metadata?: Record<string, string> }, options?: Stripe.RequestOptions): Promise<Stripe.PaymentIntent>;
      capture(id: string, params?: { amount_to_capture?: number }, options?: Stripe.RequestOptions): Promise<Stripe.PaymentIntent>;
      retrieve(id: string): Promise<Stripe.PaymentIntent>;
    };
    refunds: {
      create(params: { payment_intent: string; amount?: number; reason?: string; metadata?: Record<string, string> }, options?: Stripe.RequestOptions): Promise<Stripe.Refund>;
    };
    prices: {
      create(params: { product: string; unit_amount: number; currency: string; lookup_key?: string; transfer_lookup_key?: boolean }): Promise<Stripe.Price>;
      list(params: { product?: string; active?: boolean; limit?: number }): Promise<{ data: Stripe.Price[]; has_more: boolean }>;
      update(id: string, params: { active?: boolean; metadata?: Record<string, string> }): Promise<Stripe.Price>;
    };
    disputes: {
      close(id: string): Promise<Stripe.Dispute>;
    };
    webhooks: {
      constructEvent(payload: string | Uint8Array, signature: string, secret: string): Stripe.Event;
    };
  }
  export default Stripe;
}
