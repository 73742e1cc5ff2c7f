import { Controller, Get, Header, Param } from '@nestjs/common';

@Controller('v2/invoices')
export class InvoicesController {
  @Get(':number/pdf')
  @Header('Content-Type', 'application/pdf')
  pdf(@Param('number') invoiceNumber: string) {
    return `%PDF-1.7 invoice ${invoiceNumber}`;
  }
}
