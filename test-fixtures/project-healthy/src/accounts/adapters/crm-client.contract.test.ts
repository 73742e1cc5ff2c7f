import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import nock from 'nock';
import { fetchCustomer } from './crm-client';

test('reads a customer as the CRM v2 API returns it', async () => {
  nock('https://crm.example').get('/v2/customers/c1').reply(200, { id: 'c1', display_name: 'Ann' });
  assert.deepEqual(await fetchCustomer('https://crm.example', 'c1'), { id: 'c1', name: 'Ann' });
});
