// A unit test of the adapter, not a contract test: it pins nothing about the CRM's API.
import { test } from 'node:test';
import { syncToCrm } from './crm-sync';

test('exists', () => {
  void syncToCrm;
});
