import Stripe from 'stripe';
import type { CurrencyCode } from '../../shared';

export type GatewayErrorCode = 'card_declined' | 'insufficient_funds' | 'rate_limited' | 'invalid_request' | 'provider_unavailable';

export class PaymentGatewayError extends Error {
  constructor(readonly code: GatewayErrorCode, message: string, readonly retryable: boolean) {
    super(message);
  }
}

export interface AuthorizeRequest {
  orderId: string;
  customerRef: string;
  amountCents: number;
  currency: CurrencyCode;
}

/** Anti-corruption layer around Stripe: our amounts, our error codes, idempotent by order id. */
export class StripeGateway {
  private readonly stripe: Stripe;

  constructor(secretKey: string) {
    this.stripe = new Stripe(secretKey, { apiVersion: '2024-06-20', maxNetworkRetries: 2, timeout: 20_000 });
  }

  async authorize(request: AuthorizeRequest): Promise<{ providerRef: string; status: string }> {
    try {
      const intent = await this.stripe.paymentIntents.create(
        {
          amount: request.amountCents,
          currency: request.currency.toLowerCase(),
          customer: request.customerRef,
          capture_method: 'manual',
          metadata: { order_id: request.orderId },
        },
        { idempotencyKey: `authorize:${request.orderId}` },
      );
      return { providerRef: intent.id, status: intent.status };
    } catch (error) {
      throw this.translate(error);
    }
  }

  async capture(providerRef: string, amountCents?: number): Promise<void> {
    try {
      await this.stripe.paymentIntents.capture(providerRef, amountCents ? { amount_to_capture: amountCents } : undefined, {
        idempotencyKey: `capture:${providerRef}:${amountCents ?? 'full'}`,
      });
    } catch (error) {
      throw this.translate(error);
    }
  }

  private translate(error: unknown): PaymentGatewayError {
    if (error instanceof Stripe.errors.StripeCardError) {
      const code = error.decline_code === 'insufficient_funds' ? 'insufficient_funds' : 'card_declined';
      return new PaymentGatewayError(code, error.message, false);
    }
    if (error instanceof Stripe.errors.StripeRateLimitError) {
      return new PaymentGatewayError('rate_limited', error.message, true);
    }
    if (error instanceof Stripe.errors.StripeInvalidRequestError) {
      return new PaymentGatewayError('invalid_request', error.message, false);
    }
    const message = error instanceof Error ? error.message : 'unknown provider error';
    return new PaymentGatewayError('provider_unavailable', message, true);
  }
}
