export interface Warehouse {
  id: string;
  name: string;
  region: 'north' | 'south' | 'east' | 'west';
  priority: number; // lower ships first
  acceptsBackorders: boolean;
}

export interface StockLevel {
  sku: string;
  warehouseId: string;
  onHand: number;
  reserved: number;
}

export interface StockItem {
  sku: string;
  name: string;
  onHand: number;
  reserved: number;
  reorderPoint: number;
  unitCostCents: number;
  discontinued: boolean;
  supplierLeadTimeDays: number;
  receivedAt: string;
}

export type StockStatus = 'in_stock' | 'low' | 'out_of_stock' | 'backorder';

export interface Allocation {
  warehouseId: string;
  quantity: number;
}
