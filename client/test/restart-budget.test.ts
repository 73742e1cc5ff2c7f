import * as assert from 'node:assert/strict';
import { RestartBudget } from '../restart-budget';

/**
 * Issue 8, point 4: what the extension does when the server dies — restart with a back-off, a
 * limit, and a message each time. (The extension-host test client/test/e2e/6-restart kills the
 * real server with kill -9 and waits for its diagnostics to come back.)
 */
describe('client: the restart policy of a crashed server', () => {
  it('restarts with a growing back-off, says so, and gives up after the limit within the window', () => {
    let now = 0;
    const budget = new RestartBudget({ maxRestarts: 5, windowMs: 180_000, baseDelayMs: 500, maxDelayMs: 8000, now: () => now });
    const decisions = [];
    for (let i = 0; i < 6; i++) {
      decisions.push(budget.onCrash());
      now += 1000;
    }
    assert.deepEqual(decisions.map((d) => [d.restart, d.delayMs]), [[true, 500], [true, 1000], [true, 2000], [true, 4000], [true, 8000], [false, 0]]);
    assert.equal(decisions[0].message, 'The Foundations server stopped unexpectedly and is restarted in 500 ms (1 of 5).');
    assert.equal(decisions[3].message, 'The Foundations server stopped unexpectedly and is restarted in 4 s (4 of 5).');
    assert.match(decisions[5].message, /stopped 5 times in 3 minutes and will not be restarted\. See the output for details; run "Foundations: Restart Server" to try again\./);
  });

  it('forgets crashes older than the window, and starts afresh on a restart the user asks for', () => {
    let now = 0;
    const budget = new RestartBudget({ maxRestarts: 2, windowMs: 60_000, baseDelayMs: 100, maxDelayMs: 1000, now: () => now });
    assert.equal(budget.onCrash().restart, true);
    assert.equal(budget.onCrash().restart, true);
    assert.equal(budget.onCrash().restart, false);
    now += 61_000;
    const later = budget.onCrash();
    assert.deepEqual([later.restart, later.delayMs], [true, 100], 'old crashes no longer count, and the back-off starts over');
    budget.onCrash();
    budget.reset();
    assert.equal(budget.onCrash().restart, true);
  });
});
