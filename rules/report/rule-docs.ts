import type { RuleMeta } from '../checks/rule';

const FOUNDATION_TITLES: Record<RuleMeta['foundation'], string> = {
  'clean-architecture': 'Clean architecture baseline',
  'integration-boundaries': 'Explicit integration boundaries',
  'production-devops': 'Production-aware DevOps',
  'quality-discipline': 'Risk-based quality discipline',
};

/** The page docs/rules/<id>.md: what editors link a diagnostic to. Generated, never hand-edited. */
export function renderRuleDoc(rule: RuleMeta): string {
  return [
    `# \`${rule.id}\``,
    '',
    `**Foundation:** ${FOUNDATION_TITLES[rule.foundation]} · **Default severity:** ${rule.defaultSeverity}`,
    '',
    rule.description,
    '',
    '## Why',
    '',
    rule.rationale,
    '',
    '## What to do instead',
    '',
    rule.help,
    '',
    '## Configure',
    '',
    '```jsonc',
    `// foundations.json`,
    `{ "rules": { "${rule.id}": "${rule.defaultSeverity === 'error' ? 'warning' : 'error'}" } }  // or "off", or [severity, { options }]`,
    '```',
    '',
    '<!-- Generated from the rule\'s metadata by `npm run docs`; edit the rule, not this page. -->',
    '',
  ].join('\n');
}

export function foundationTitle(id: RuleMeta['foundation']): string {
  return FOUNDATION_TITLES[id];
}
