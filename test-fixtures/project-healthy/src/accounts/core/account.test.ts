import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { openAccount } from './account';

test('normalises the email', () => {
  assert.equal(openAccount('a1', ' Ann@Example.com ').email, 'ann@example.com');
});
