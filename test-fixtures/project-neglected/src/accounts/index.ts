export { openAccount } from './core/account';
export { syncToCrm } from './adapters/crm-sync';
