import { newId } from '../../shared/ids';

export function notify(user: string, text: string): string {
  return `${newId('msg')}:${user}:${text}`;
}
