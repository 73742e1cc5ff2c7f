export const DEFAULT_SHIPPING = Object.freeze({
  speed: 'standard',
  carrier: 'dhl',
  freeShippingThresholdCents: 7_500,
  giftWrapAvailable: true,
});
