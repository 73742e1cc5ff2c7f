export type { ShippingZone, ShippingSpeed, ShippingQuote, Parcel, Shipment } from './core/types';
export { quoteShipping } from './core/rates';
export { estimateDelivery } from './core/eta';
