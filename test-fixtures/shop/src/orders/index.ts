export { placeOrder, lastOrderedAt } from './core/order';
