import 'dotenv/config';

export const databaseUrl = process.env.DATABASE_URL ?? 'postgres://localhost/accounts';
