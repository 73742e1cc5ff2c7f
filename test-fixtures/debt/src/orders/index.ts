export { checkout } from './core/checkout';
export { refund } from './core/refund';
