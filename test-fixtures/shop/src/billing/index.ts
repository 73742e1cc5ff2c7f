export type { Invoice } from './core/invoice';
export { createInvoice } from './core/invoice';
export { InvoiceView } from './ui/InvoiceView';
