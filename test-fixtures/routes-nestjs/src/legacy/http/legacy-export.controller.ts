import { Controller, Get, Header, Redirect, Render } from '@nestjs/common';

@Controller('legacy/export')
export class LegacyExportController {
  @Get('orders.csv')
  @Header('Content-Type', 'text/csv')
  orders() {
    return 'id,status\n';
  }

  @Get('overview')
  @Render('legacy/overview')
  overview() {
    return { title: 'Exports' };
  }

  @Get('customers')
  @Redirect('/legacy/export/overview', 301)
  customers() {}
}
