// Writes docs/rules/<id>.md from each rule's metadata (run after `tsc`): `npm run docs`.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { RULES, renderRuleDoc } = require('../out/rules');

const dir = path.join(__dirname, '..', 'docs', 'rules');
fs.mkdirSync(dir, { recursive: true });
for (const rule of RULES) fs.writeFileSync(path.join(dir, `${rule.id}.md`), renderRuleDoc(rule));
console.log(`docs: ${RULES.length} rule pages in docs/rules/`);
