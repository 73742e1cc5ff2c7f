export type { Warehouse, StockLevel, StockItem, StockStatus, Allocation } from './core/types';
export { available, stockStatus, reorderPoint } from './core/stock';
export { allocateStock } from './core/allocation';
