import { BadRequestException, Body, Controller, Get, Post, Query } from '@nestjs/common';
import type { CustomerTier, PricedLine } from '../core/types';

interface EvaluatePromotionDto {
  promotionId: string;
  tier: CustomerTier;
  isFirstOrder: boolean;
  lines: PricedLine[];
  placedAt?: string;
}

interface PromotionSummary {
  id: string;
  title: string;
  endsAt: string;
}

const ACTIVE_PROMOTIONS: PromotionSummary[] = [
  { id: 'happy-hour', title: 'Weekday happy hour', endsAt: '2030-01-01T00:00:00Z' },
  { id: 'first-order', title: 'Welcome offer', endsAt: '2030-01-01T00:00:00Z' },
];

@Controller('v1/promotions')
export class PromotionsController {
  @Get()
  list(@Query('page') page = '1', @Query('size') size = '20') {
    const pageNumber = Math.max(1, Number.parseInt(page, 10) || 1);
    const pageSize = Math.min(100, Math.max(1, Number.parseInt(size, 10) || 20));
    const start = (pageNumber - 1) * pageSize;
    return { items: ACTIVE_PROMOTIONS.slice(start, start + pageSize), page: pageNumber, total: ACTIVE_PROMOTIONS.length };
  }

  @Post('evaluate')
  evaluate(@Body() dto: EvaluatePromotionDto) {
    if (!dto.promotionId || !Array.isArray(dto.lines)) throw new BadRequestException('promotionId and lines are required');

    const placedAt = dto.placedAt ? new Date(dto.placedAt) : new Date();
    const eligible = dto.lines.filter((line) => line.category !== 'grocery' && line.category !== 'digital');
    const basketCents = eligible.reduce((sum, line) => sum + line.unitPriceCents * line.quantity, 0);

    if (dto.promotionId === 'happy-hour') {
      // Mon–Fri 17:00–19:00, baskets over €40, 10% off (15% for gold and platinum).
      const weekday = placedAt.getDay() >= 1 && placedAt.getDay() <= 5;
      const hour = placedAt.getHours();
      const inWindow = weekday && hour >= 17 && hour < 19;
      if (!inWindow || basketCents < 4_000) return { eligible: false, discountCents: 0 };
      const rate = dto.tier === 'gold' || dto.tier === 'platinum' ? 0.15 : 0.1;
      return { eligible: true, discountCents: Math.round(basketCents * rate) };
    }

    if (dto.promotionId === 'first-order') {
      if (!dto.isFirstOrder) return { eligible: false, discountCents: 0 };
      return { eligible: true, discountCents: Math.min(Math.round(basketCents * 0.2), 2_500) };
    }

    return { eligible: false, discountCents: 0 };
  }
}
