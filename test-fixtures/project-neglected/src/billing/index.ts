export { invoiceTotal } from './core/invoice';
