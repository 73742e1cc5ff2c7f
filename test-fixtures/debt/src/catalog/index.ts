export { listPrice } from './core/price';
