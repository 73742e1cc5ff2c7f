export type ShippingZone = 'domestic' | 'eu' | 'europe_non_eu' | 'world';
export type ShippingSpeed = 'standard' | 'express' | 'next_day';

export interface ShippingQuote {
  speed: ShippingSpeed;
  costCents: number;
  estimatedDeliveryDate: string;
  carrier: 'dhl' | 'ups' | 'postnord' | 'dpd';
}

export interface Parcel {
  weightGrams: number;
  lengthCm: number;
  widthCm: number;
  heightCm: number;
}

export interface Shipment {
  id: string;
  orderId: string;
  parcels: Parcel[];
  carrier: ShippingQuote['carrier'];
  trackingNumber?: string;
  status: 'label_created' | 'in_transit' | 'out_for_delivery' | 'delivered' | 'exception';
  declaredValueCents: number;
  requiresSignature: boolean;
}
