import { checkoutDefaults, type CheckoutOptions } from '../settings/checkoutDefaults';
import { Environment, environmentFrom } from '../settings/environment';
import { DEFAULT_SHIPPING } from '../settings/shippingDefaults';

export function initialOptions(isBusinessCustomer: boolean, hostname: string): CheckoutOptions & { shippingSpeed: string } {
  const options = { ...checkoutDefaults };
  if (isBusinessCustomer) {
    options.paymentMethod = 'invoice';
    options.newsletterOptIn = false;
  }
  if (environmentFrom(hostname) !== Environment.Production) {
    options.saveAddress = false;
  }
  return { ...options, shippingSpeed: DEFAULT_SHIPPING.speed };
}

export function freeShippingMessage(subtotalCents: number): string | null {
  const missing = DEFAULT_SHIPPING.freeShippingThresholdCents - subtotalCents;
  return missing > 0 ? `Add ${(missing / 100).toFixed(2)} more for free shipping` : null;
}
