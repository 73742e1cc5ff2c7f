import type { Config, DomainSpec } from '../config/config';
import { escapeRegex, globToRegexSource } from './glob-to-regex';

interface ForbiddenRule {
  name: string;
  comment: string;
  severity: 'error' | 'warn' | 'info';
  from: { path?: string; pathNot?: string };
  to: { path?: string; pathNot?: string };
}

export interface DependencyCruiserConfig {
  forbidden: ForbiddenRule[];
  options: Record<string, unknown>;
}

const SEVERITY = { error: 'error', warning: 'warn', info: 'info' } as const;

/** `^(?:src/billing)/` — the files of a domain (the whole workspace for a domain at '.'). */
function domainPrefix(d: DomainSpec): string {
  return d.path === '.' ? '^' : `^${escapeRegex(d.path)}/`;
}

function anyOf(sources: string[]): string {
  return sources.length === 1 ? sources[0] : `(${sources.join('|')})`;
}

/**
 * The boundary rules of a foundations.json (cross-domain-import, public-api-bypass) as a
 * dependency-cruiser configuration, so teams already running dependency-cruiser in CI can keep
 * it — and so dependency-cruiser can check our import graph (the differential test).
 */
export function exportDependencyCruiserConfig(config: Config, severityOf: (ruleId: string, fallback: 'error' | 'warning' | 'info') => 'error' | 'warning' | 'info' | 'off', tsConfig?: string): DependencyCruiserConfig {
  const forbidden: ForbiddenRule[] = [];
  const crossDomain = severityOf('cross-domain-import', 'error');
  const bypass = severityOf('public-api-bypass', 'error');
  for (const domain of config.domains) {
    const others = config.domains.filter((d) => d !== domain);
    const undeclared = others.filter((d) => !domain.dependsOn.includes(d.name));
    if (crossDomain !== 'off' && undeclared.length > 0) {
      forbidden.push({
        name: `cross-domain-import/${domain.name}`,
        comment: `Domain "${domain.name}" may only import the domains it declares in dependsOn (${domain.dependsOn.join(', ') || 'none'}).`,
        severity: SEVERITY[crossDomain],
        from: { path: domainPrefix(domain) },
        to: { path: anyOf(undeclared.map(domainPrefix)) },
      });
    }
    if (bypass !== 'off' && !domain.publicApiAll && others.length > 0) {
      forbidden.push({
        name: `public-api-bypass/${domain.name}`,
        comment: `Other domains may import "${domain.name}" only through its public API (${domain.publicApi.join(', ')}).`,
        severity: SEVERITY[bypass],
        from: { path: anyOf(others.map(domainPrefix)) },
        to: { path: domainPrefix(domain), pathNot: `${domainPrefix(domain)}${anyOf(domain.publicApi.map(globToRegexSource))}$` },
      });
    }
  }
  return {
    forbidden,
    options: {
      doNotFollow: { path: 'node_modules' },
      // Type-only imports are dependencies too, as Foundations counts them.
      tsPreCompilationDeps: true,
      ...(tsConfig ? { tsConfig: { fileName: tsConfig } } : {}),
      exclude: { path: '(^|/)node_modules/' },
    },
  };
}
