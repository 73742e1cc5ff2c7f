export { pay } from './internal/pay';
