import type { Hover, HoverParams, MarkupContent } from 'vscode-languageserver';
import { type Explanation, type Finding, type Session, explainFinding } from '../../rules';
import { ruleDocsUri } from './diagnostics';

export interface HoverDeps {
  sessionFor(file: string): Session | undefined;
  uriToFile(uri: string): string | undefined;
}

/** Whether a position lies in a range; an empty range (a whole-file finding) covers its line. */
function covers(f: Finding, line: number, character: number): boolean {
  const { start, end } = f.range;
  if (start.line === end.line && start.character === end.character) return line === start.line;
  if (line < start.line || line > end.line) return false;
  if (line === start.line && character < start.character) return false;
  if (line === end.line && character > end.character) return false;
  return true;
}

/** Hovering a finding's range explains it: the rule, who owns the target, and the allowed way instead. */
export function hoverAt(deps: HoverDeps, params: HoverParams): Hover | null {
  const file = deps.uriToFile(params.textDocument.uri);
  const session = file && deps.sessionFor(file);
  if (!file || !session) return null;
  const { line, character } = params.position;
  const findings = session.findingsFor(file).filter((f) => covers(f, line, character));
  if (findings.length === 0) return null;
  const contents: MarkupContent = { kind: 'markdown', value: findings.map((f) => render(explainFinding(session, f))).join('\n\n---\n\n') };
  return { contents, range: findings[0].range };
}

function render(e: Explanation): string {
  const docs = ruleDocsUri(e.ruleId);
  const lines = [`**Foundations · ${e.ruleId}**${e.foundation ? ` — ${e.foundation}` : ''} · ${e.severity}`, '', e.message];
  if (e.debt) {
    const who = e.debt.owner ? `, owner ${e.debt.owner}` : '';
    lines.push(
      '',
      e.debt.status === 'expired'
        ? `⚠ **Accepted debt, expired on ${e.debt.expires}** (${e.debt.reason}${who}) — an error again.`
        : `**Accepted as debt:** ${e.debt.reason}${who}${e.debt.expires ? `, until ${e.debt.expires}` : ''}.`,
    );
  }
  if (e.target) {
    const owners = e.target.owners.length > 0 ? ` — owners ${e.target.owners.join(', ')}` : e.target.domain ? ' — no owners declared' : '';
    const where = e.target.file ? `\`${e.target.file}\`` : '';
    lines.push('', `**Target:** ${where}${e.target.domain ? ` in domain **${e.target.domain}**` : ' (no domain)'}${owners}`);
  }
  lines.push('', `**Instead:** ${e.instead}`);
  if (e.why) lines.push('', `*Why:* ${e.why}`);
  if (docs) lines.push('', `[Rule documentation](${docs})`);
  return lines.join('\n');
}
