import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { RULES, renderRuleDoc, withReadmeRules } from '../index';
import { REPO_ROOT } from './helpers';

describe('docs are generated from the rules and up to date (`npm run docs`)', () => {
  it('has a page per rule with its rationale', () => {
    for (const rule of RULES) {
      assert.equal(fs.readFileSync(`${REPO_ROOT}/docs/rules/${rule.id}.md`, 'utf8'), renderRuleDoc(rule), `docs/rules/${rule.id}.md`);
      assert.ok(rule.rationale.length > 200 && rule.help.length > 50, `${rule.id} explains itself`);
    }
  });

  it("has every rule in the README's rules section", () => {
    const readme = fs.readFileSync(`${REPO_ROOT}/README.md`, 'utf8');
    assert.equal(readme, withReadmeRules(readme, RULES));
  });
});
