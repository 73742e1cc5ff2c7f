// The core talks to the database directly: database-access-outside-data-layer.
import { Pool } from 'pg';

export async function taxTotal(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ total: number }>('select sum(tax) as total from invoices');
  return rows[0]?.total ?? 0;
}
