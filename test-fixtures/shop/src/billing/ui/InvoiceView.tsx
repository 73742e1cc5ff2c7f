import type { Invoice } from '../core/invoice';
// The UI reads the data layer directly: layer-violation (ui may import core and ui only).
import { saveInvoice } from '../data/invoice-repository';

export function InvoiceView(props: { invoice: Invoice }) {
  void saveInvoice;
  return <div className="invoice">{props.invoice.id}</div>;
}
