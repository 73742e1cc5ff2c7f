import { Pool } from 'pg';
import type { Account } from '../core/account';

export async function save(pool: Pool, account: Account): Promise<void> {
  await pool.query('insert into accounts values ($1, $2)', [account.id, account.owner]);
}
