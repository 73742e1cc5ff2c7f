import { Module } from '@nestjs/common';
import { CartsController } from '../../carts/http/carts.controller';
import { CategoriesController } from '../../catalog/http/categories.controller';
import { ProductsController } from '../../catalog/http/products.controller';
import { InvoicesController } from '../../invoices/http/invoices.controller';
import { LegacyExportController } from '../../legacy/http/legacy-export.controller';
import { OrdersController } from '../../orders/http/orders.controller';
import { ReportsController } from '../../reports/http/reports.controller';
import { WebhooksController } from '../../webhooks/http/webhooks.controller';
import { HealthController, MetricsController } from './health.controller';

@Module({
  controllers: [
    OrdersController,
    ProductsController,
    CategoriesController,
    InvoicesController,
    CartsController,
    ReportsController,
    LegacyExportController,
    WebhooksController,
    HealthController,
    MetricsController,
  ],
})
export class AppModule {}
