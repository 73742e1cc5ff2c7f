import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { logger } from './logger';

test('logs at the configured level', () => {
  assert.equal(typeof logger.info, 'function');
});
