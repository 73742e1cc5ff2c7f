import { Controller, Get, Query, VERSION_NEUTRAL } from '@nestjs/common';

// VERSION_NEUTRAL: the route answers on /api/reports/... whatever version is asked for — it has none.
@Controller({ path: 'reports', version: VERSION_NEUTRAL })
export class ReportsController {
  @Get('sales')
  sales(@Query('from') from?: string, @Query('to') to?: string) {
    return { from: from ?? null, to: to ?? null, totalCents: 0 };
  }
}
