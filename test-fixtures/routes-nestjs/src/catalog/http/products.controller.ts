import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';

const PRODUCTS = [{ sku: 'TEE-BLK-M', name: 'Heavyweight tee' }];

// Version through the controller options; with VersioningType.URI this serves /api/v1/products.
@Controller({ path: 'products', version: '1' })
export class ProductsController {
  @Get()
  search(@Query('q') q = '') {
    return PRODUCTS.filter((p) => p.name.toLowerCase().includes(q.toLowerCase()));
  }

  @Get(':sku')
  bySku(@Param('sku') sku: string) {
    const product = PRODUCTS.find((p) => p.sku === sku);
    if (!product) throw new NotFoundException();
    return product;
  }
}
