import { Body, Controller, Get, NotFoundException, Param, Post } from '@nestjs/common';

interface OrderDto {
  id: string;
  status: 'placed' | 'paid' | 'shipped';
}

// Version written into the controller path.
@Controller('v1/orders')
export class OrdersController {
  private readonly orders = new Map<string, OrderDto>();

  @Get()
  list(): OrderDto[] {
    return [...this.orders.values()];
  }

  @Get(':id')
  get(@Param('id') id: string): OrderDto {
    const order = this.orders.get(id);
    if (!order) throw new NotFoundException(`order ${id} not found`);
    return order;
  }

  @Post()
  create(@Body() body: Omit<OrderDto, 'id'>): OrderDto {
    const order = { ...body, id: `ord_${this.orders.size + 1}` };
    this.orders.set(order.id, order);
    return order;
  }
}
