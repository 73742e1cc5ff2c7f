export { openAccount, type Account } from './core/account';
export { fetchCustomer } from './adapters/crm-client';
