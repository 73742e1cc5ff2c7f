import { invalidateExchangeRates } from '../catalog';
import { subscribe } from '../notifications';

/** Checkout reacts to notifications through the notifications API, never through its internals. */
export function wireCheckoutListeners(onPaymentFailed: (recipient: string) => void): () => void {
  return subscribe((notification) => {
    if (notification.template === 'payment-failed') onPaymentFailed(notification.recipient);
    if (notification.template === 'currency-rates-updated') invalidateExchangeRates();
  });
}
