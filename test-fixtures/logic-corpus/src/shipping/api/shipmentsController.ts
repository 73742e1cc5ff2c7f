import { BadRequestException, Body, Controller, Post } from '@nestjs/common';
import type { Parcel, Shipment } from '../core/types';

interface CreateShipmentDto {
  orderId: string;
  items: Array<{ sku: string; quantity: number; unitWeightGrams: number; unitValueCents: number; fragile: boolean }>;
  destinationCountry: string;
  carrier: Shipment['carrier'];
}

const MAX_PARCEL_GRAMS = 30_000;
const DEFAULT_BOX: Omit<Parcel, 'weightGrams'> = { lengthCm: 60, widthCm: 40, heightCm: 40 };

@Controller('v1/shipments')
export class ShipmentsController {
  @Post()
  create(@Body() dto: CreateShipmentDto): Omit<Shipment, 'id'> {
    if (!dto.orderId || !Array.isArray(dto.items) || dto.items.length === 0) {
      throw new BadRequestException('orderId and at least one item are required');
    }

    // Split into parcels of at most 30 kg; fragile items always travel in their own parcel.
    const parcels: Parcel[] = [];
    let current = 0;
    for (const item of dto.items) {
      for (let i = 0; i < item.quantity; i++) {
        if (item.fragile) {
          parcels.push({ ...DEFAULT_BOX, weightGrams: item.unitWeightGrams });
          continue;
        }
        if (current + item.unitWeightGrams > MAX_PARCEL_GRAMS) {
          parcels.push({ ...DEFAULT_BOX, weightGrams: current });
          current = 0;
        }
        current += item.unitWeightGrams;
      }
    }
    if (current > 0) parcels.push({ ...DEFAULT_BOX, weightGrams: current });

    const declaredValueCents = dto.items.reduce((sum, item) => sum + item.unitValueCents * item.quantity, 0);
    // Signature on delivery above €500, and always outside the EU.
    const euCountries = ['DE', 'FR', 'NL', 'BE', 'AT', 'IT', 'ES', 'SE', 'DK', 'PL'];
    const requiresSignature = declaredValueCents > 50_000 || !euCountries.includes(dto.destinationCountry);

    return { orderId: dto.orderId, parcels, carrier: dto.carrier, status: 'label_created', declaredValueCents, requiresSignature };
  }
}
