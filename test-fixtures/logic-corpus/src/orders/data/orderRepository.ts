import type { Order, OrderStatus } from '../core/types';

export interface OrderQuery {
  customerId?: string;
  status?: OrderStatus;
  placedAfter?: string;
  offset: number;
  limit: number;
}

export interface OrderRepository {
  findById(id: string): Promise<Order | undefined>;
  findByNumber(number: string): Promise<Order | undefined>;
  list(query: OrderQuery): Promise<{ items: Order[]; total: number }>;
  save(order: Order): Promise<void>;
}
