export interface CheckoutOptions {
  giftWrap: boolean;
  newsletterOptIn: boolean;
  paymentMethod: 'card' | 'invoice' | 'paypal';
  saveAddress: boolean;
}

// Deliberately a plain (mutable) object: the owner never changes it and importers must copy it.
export const checkoutDefaults: CheckoutOptions = {
  giftWrap: false,
  newsletterOptIn: false,
  paymentMethod: 'card',
  saveAddress: true,
};
