import * as assert from 'node:assert/strict';
import { REPO_ROOT } from './helpers';

interface EvalResult {
  rule: string;
  unit: string;
  precision: number;
  recall: number;
  ok: boolean;
  wrong: string[];
}

// The same numbers `npm run eval` prints: a regression in a semantic rule fails CI here.
const { evaluate, TARGETS } = require(`${REPO_ROOT}/scripts/eval.js`) as { evaluate(): Promise<EvalResult[]>; TARGETS: { precision: number; recall: number } };

describe('semantic rules on the labelled corpora (`npm run eval`)', () => {
  it(`keep precision ≥ ${TARGETS.precision} and recall ≥ ${TARGETS.recall} for every rule`, async () => {
    const results = await evaluate();
    assert.deepEqual(results.map((r) => r.rule), ['logic-in-ui', 'logic-in-integration', 'shared-mutable-state', 'shared-mutable-state', 'unversioned-api-route']);
    for (const r of results) {
      assert.ok(r.ok, `${r.rule} per ${r.unit}: precision ${r.precision.toFixed(2)}, recall ${r.recall.toFixed(2)}\n${r.wrong.join('\n')}`);
    }
  });
});
