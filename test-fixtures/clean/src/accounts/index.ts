export { openAccount } from './core/account';
export { AccountBadge } from './ui/AccountBadge';
