import { Pool } from 'pg';
import type { Invoice } from '../core/invoice';

export async function saveInvoice(pool: Pool, invoice: Invoice): Promise<void> {
  await pool.query('insert into invoices (id, total) values ($1, $2)', [invoice.id, invoice.total.amount]);
}
