import { logger } from '../../platform/logger';

export interface Account {
  id: string;
  email: string;
}

export function openAccount(id: string, email: string): Account {
  logger.info({ id }, 'account opened');
  return { id, email: email.trim().toLowerCase() };
}
