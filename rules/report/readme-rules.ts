import type { RuleMeta } from '../checks/rule';
import { foundationTitle } from './rule-docs';

export const RULES_START = '<!-- rules:start -->';
export const RULES_END = '<!-- rules:end -->';

/** The README's rules section: every rule with its foundation, default and rationale. */
export function renderReadmeRules(rules: readonly RuleMeta[]): string {
  const rows = rules.map(
    (r) => `### \`${r.id}\`\n*${foundationTitle(r.foundation)} · default ${r.defaultSeverity}* — ${r.description}\n\n${r.rationale}\n\n**Instead:** ${r.help} ([page](docs/rules/${r.id}.md))\n`,
  );
  return `${RULES_START}\n${rows.join('\n')}${RULES_END}`;
}

/** The README with its rules section replaced. */
export function withReadmeRules(readme: string, rules: readonly RuleMeta[]): string {
  const start = readme.indexOf(RULES_START);
  const end = readme.indexOf(RULES_END);
  if (start < 0 || end < start) throw new Error('README.md has no rules section markers');
  return readme.slice(0, start) + renderReadmeRules(rules) + readme.slice(end + RULES_END.length);
}
