import { Pool } from 'pg';

export const pool = new Pool({ host: process.env.DATABASE_HOST, password: process.env.DB_PASSWORD });
