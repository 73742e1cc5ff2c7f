import { Body, Controller, HttpCode, NotFoundException, Param, Post, UnprocessableEntityException } from '@nestjs/common';
import type { CustomerSegment } from '../../customers';
import type { PaymentRepository } from '../data/paymentRepository';
import type { StripeGateway } from '../adapters/stripeGateway';

interface CaptureDto {
  segment: CustomerSegment;
  partialAmountCents?: number;
}

@Controller('v1/payments')
export class PaymentsController {
  constructor(private readonly payments: PaymentRepository, private readonly gateway: StripeGateway) {}

  @Post(':id/capture')
  @HttpCode(200)
  async capture(@Param('id') id: string, @Body() dto: CaptureDto) {
    const payment = await this.payments.findById(id);
    if (!payment) throw new NotFoundException(`payment ${id} not found`);
    if (payment.status !== 'authorized') throw new UnprocessableEntityException('payment is not authorized');

    const base = dto.partialAmountCents ?? payment.amountCents;

    // Card surcharge: 1.4% + €0.25, Amex 2.9% + €0.25; enterprise contracts and orders over €5k are exempt.
    let surcharge = 0;
    if (dto.segment !== 'enterprise' && base < 500_000) {
      if (payment.method === 'amex') surcharge = Math.round(base * 0.029) + 25;
      else if (payment.method === 'card') surcharge = Math.round(base * 0.014) + 25;
    }

    const amountToCapture = base + surcharge;
    await this.gateway.capture(id, amountToCapture);
    await this.payments.save({ ...payment, status: 'captured', amountCents: amountToCapture, capturedAt: new Date().toISOString() });
    return { id, capturedCents: amountToCapture, surchargeCents: surcharge };
  }
}
