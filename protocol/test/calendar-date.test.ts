import * as assert from 'node:assert/strict';
import { isCalendarDate } from '../calendar-date';
import { expiryProblem } from '../index';

describe('protocol: debt expiry dates (the "Accept as debt…" prompt, the edit and the register)', () => {
  it('knows which days exist', () => {
    assert.deepEqual(
      ['2026-12-31', '2028-02-29', '2000-02-29', '2026-02-30', '2026-13-45', '2100-02-29', '2026-00-10', '2026-04-31', '2026-1-5', '31.12.2026'].filter(isCalendarDate),
      ['2026-12-31', '2028-02-29', '2000-02-29'],
    );
  });

  it('the prompt refuses impossible and past days with a message, and takes today and later', () => {
    const today = '2026-11-25';
    assert.equal(expiryProblem('2026-13-45', today), '"2026-13-45" is not a date: use YYYY-MM-DD (a day that exists), or leave it empty.');
    assert.equal(expiryProblem('2026-02-30', today), '"2026-02-30" is not a date: use YYYY-MM-DD (a day that exists), or leave it empty.');
    assert.equal(expiryProblem('2026-03-02', today), '2026-03-02 is in the past: the finding would be an error again at once. Give a day from 2026-11-25 on, or leave it empty.');
    assert.equal(expiryProblem('2026-11-25', today), undefined);
    assert.equal(expiryProblem('2027-01-31', today), undefined);
  });
});
