import { Body, Controller, Delete, Param, Post } from '@nestjs/common';

// Serves both /api/v1/carts and /api/v2/carts.
@Controller({ path: 'carts', version: ['1', '2'] })
export class CartsController {
  @Post(':id/items')
  addItem(@Param('id') id: string, @Body() body: { sku: string; quantity: number }) {
    return { cartId: id, ...body };
  }

  @Delete(':id')
  clear(@Param('id') id: string) {
    return { cartId: id, cleared: true };
  }
}
