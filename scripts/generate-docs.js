// Regenerates docs/rules/<id>.md and the README's rules section from each rule's metadata
// (run after `tsc`): `npm run docs`. A test fails when they are out of date.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { RULES, renderRuleDoc, withReadmeRules } = require('../out/rules');

const root = path.join(__dirname, '..');
const dir = path.join(root, 'docs', 'rules');
fs.mkdirSync(dir, { recursive: true });
for (const rule of RULES) fs.writeFileSync(path.join(dir, `${rule.id}.md`), renderRuleDoc(rule));
const readme = path.join(root, 'README.md');
fs.writeFileSync(readme, withReadmeRules(fs.readFileSync(readme, 'utf8'), RULES));
console.log(`docs: ${RULES.length} rule pages in docs/rules/ and the README's rules section`);
