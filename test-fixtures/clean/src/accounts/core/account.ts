import { notify } from '../../notifications';
import { newId } from '../../shared/ids';

export interface Account {
  id: string;
  owner: string;
}

export function openAccount(owner: string): Account {
  notify(owner, 'welcome');
  return { id: newId('acc'), owner };
}
