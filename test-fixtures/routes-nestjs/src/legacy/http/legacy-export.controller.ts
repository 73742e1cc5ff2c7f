import { Controller, Get, Header } from '@nestjs/common';

@Controller('legacy/export')
export class LegacyExportController {
  @Get('orders.csv')
  @Header('Content-Type', 'text/csv')
  orders() {
    return 'id,status\n';
  }
}
