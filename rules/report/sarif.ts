import type { CheckResult } from './check-result';
import { relativeTo } from '../host';
import type { DebtMark } from '../debt/debt-register';
import type { Severity } from '../model';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF 2.1.0, one run, as GitHub code scanning reads it. */
export function formatSarif(result: CheckResult): string {
  const rules = result.rules.map(({ meta, severity }) => ({
    id: meta.id,
    name: meta.id.replace(/(^|[-/])(\w)/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: stripMarkdown(meta.description) },
    fullDescription: { text: meta.rationale },
    help: { text: stripMarkdown(meta.help), markdown: `${meta.help}\n\n${meta.rationale}` },
    defaultConfiguration: severity === 'off' ? { enabled: false } : { level: LEVEL[severity] },
    properties: { foundation: meta.foundation, tags: ['architecture', meta.foundation] },
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  // Rules of a user's dependency-cruiser configuration are only known once they fire.
  for (const f of result.findings) {
    if (index.has(f.ruleId)) continue;
    index.set(f.ruleId, rules.length);
    rules.push({
      id: f.ruleId,
      name: f.ruleId,
      shortDescription: { text: `dependency-cruiser rule ${f.ruleId.slice('depcruise/'.length)}` },
      fullDescription: { text: 'A rule of the workspace\'s own dependency-cruiser configuration.' },
      help: { text: 'See the rule\'s comment in the dependency-cruiser configuration.', markdown: 'See the rule\'s `comment` in the dependency-cruiser configuration.' },
      defaultConfiguration: { level: LEVEL[f.severity] },
      properties: { foundation: 'clean-architecture', tags: ['architecture', 'dependency-cruiser'] },
    });
  }
  // Project checks are rules too (project/<id>); a failed one is a result on its evidence.
  for (const meta of result.projectCheckMeta) {
    index.set(`project/${meta.id}`, rules.length);
    rules.push({
      id: `project/${meta.id}`,
      name: `Project${meta.id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase())}`,
      shortDescription: { text: meta.title },
      fullDescription: { text: stripMarkdown(meta.rationale) },
      help: { text: stripMarkdown(meta.help), markdown: `${meta.help}\n\n${meta.rationale}` },
      defaultConfiguration: { level: 'warning' },
      properties: { foundation: meta.foundation, tags: ['project', meta.foundation] },
    });
  }
  const projectResults = result.projectChecks
    .filter((c) => c.status === 'fail')
    .map((c) => {
      const evidence = c.evidence.find((e) => !e.folder && !e.file.startsWith('../'));
      const file = evidence?.file ?? (result.configFile ? relativeTo(result.root, result.configFile) : undefined);
      return {
        ruleId: `project/${c.id}`,
        ruleIndex: index.get(`project/${c.id}`),
        level: 'warning' as const,
        message: { text: `${c.title}: ${c.summary}` },
        ...(file
          ? {
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: relativeUri(file), uriBaseId: '%SRCROOT%' },
                    region: { startLine: (evidence?.line ?? 0) + 1, startColumn: 1 },
                  },
                },
              ],
            }
          : {}),
        partialFingerprints: { foundationsFinding: fingerprint(`project/${c.id}`, file ?? '', c.title) },
        properties: { evidence: c.evidence.map((e) => `${e.file}${e.line !== undefined ? `:${e.line + 1}` : ''} — ${e.note}`) },
      };
    });
  const findingResults = result.findings.map((f) => ({
    ruleId: f.ruleId,
    ruleIndex: index.get(f.ruleId),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: relativeUri(relativeTo(result.root, f.file)), uriBaseId: '%SRCROOT%' },
          region: {
            startLine: f.range.start.line + 1,
            startColumn: f.range.start.character + 1,
            endLine: f.range.end.line + 1,
            endColumn: f.range.end.character + 1,
          },
        },
      },
    ],
    partialFingerprints: { foundationsFinding: fingerprint(f.ruleId, relativeTo(result.root, f.file), f.message) },
    // Accepted technical debt is a decision on record: code scanning shows it as dismissed, with the reason.
    ...((f.data?.debt as DebtMark | undefined)?.status === 'accepted'
      ? { suppressions: [{ kind: 'external' as const, status: 'accepted' as const, justification: (f.data!.debt as DebtMark).reason }] }
      : {}),
    ...(f.domains || f.layers ? { properties: { ...(f.domains ? { domains: f.domains } : {}), ...(f.layers ? { layers: f.layers } : {}) } } : {}),
  }));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Foundations', semanticVersion: result.toolVersion, version: result.toolVersion, rules } },
        results: [...findingResults, ...projectResults],
        columnKind: 'utf16CodeUnits',
        properties: {
          projectChecks: result.projectChecks.map((c) => ({ id: c.id, foundation: c.foundation, status: c.status, summary: c.summary })),
        },
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

/** Stable across line moves (no line number in it), so code scanning tracks a finding over commits. */
function fingerprint(ruleId: string, file: string, message: string): string {
  let h = 2166136261;
  for (const c of `${ruleId}|${file}|${message}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return h.toString(16).padStart(8, '0');
}

function stripMarkdown(s: string): string {
  return s.replace(/`/g, '');
}

/**
 * A workspace-relative path as a relative URI reference: each segment percent-encoded, so a `#` or
 * `?` in a file name stays part of the path (encodeURI leaves them as a fragment and a query) and a
 * `:` in the first segment is not read as a scheme.
 */
function relativeUri(relativePath: string): string {
  return relativePath.split('/').map(encodeURIComponent).join('/');
}
