import type { Payment } from '../core/types';

export interface PaymentRepository {
  findById(id: string): Promise<Payment | undefined>;
  findByOrder(orderId: string): Promise<Payment[]>;
  save(payment: Payment): Promise<void>;
}
