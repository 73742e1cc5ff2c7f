import type { StockItem, StockLevel } from '../core/types';

export interface StockRepository {
  findItem(sku: string): Promise<StockItem | undefined>;
  levels(sku: string): Promise<StockLevel[]>;
  list(query: { offset: number; limit: number; search?: string }): Promise<{ items: StockItem[]; total: number }>;
  adjust(sku: string, warehouseId: string, delta: number, reason: string): Promise<void>;
  reserve(reservation: { sku: string; customerId: string; quantity: number; expiresAt: string }): Promise<string>;
  activeReservations(sku: string, customerId: string): Promise<Array<{ id: string; quantity: number }>>;
}

export class UnknownSkuError extends Error {}
