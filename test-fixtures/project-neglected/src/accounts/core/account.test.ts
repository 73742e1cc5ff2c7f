import { test } from 'node:test';
import { openAccount } from './account';

test('opens an account', () => {
  openAccount('a@b.c');
});
