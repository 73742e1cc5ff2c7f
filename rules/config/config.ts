import picomatch from 'picomatch';
import type { Range, Severity, SeveritySetting } from '../model';

/** A domain as the engine uses it: paths resolved, defaults applied. */
export interface DomainSpec {
  name: string;
  /** Workspace-relative folder, forward slashes, no trailing slash. */
  path: string;
  /** Absolute folder. */
  dir: string;
  /** `true` when every file is public. */
  publicApiAll: boolean;
  publicApi: string[];
  dependsOn: string[];
  owners: string[];
  isPublic(relativeToDomain: string): boolean;
}

export interface LayerSpec {
  name: string;
  globs: string[];
  matches(relativeToDomain: string): boolean;
}

export interface RuleSetting {
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

export interface Config {
  root: string;
  /** Absolute path of the foundations.json this came from; undefined for the built-in defaults. */
  file?: string;
  domains: DomainSpec[];
  layers: LayerSpec[];
  layerDependencies: ReadonlyMap<string, ReadonlySet<string>>;
  rules: ReadonlyMap<string, RuleSetting>;
  adapterOnlyPackages: PackageMatcher;
  databasePackages: PackageMatcher;
  /** Absolute path of the dependency-cruiser configuration to report, if any. */
  dependencyCruiser?: string;
  /** Workspace-relative path of the debt register. */
  debt: string;
  /** Project-level checks switched on or off (`"projectChecks": { "rollback": "off" }`); all on by default. */
  projectChecks: ReadonlyMap<string, 'on' | 'off'>;
  /** Absolute folders whose files must belong to a domain. */
  sourceRoots: string[];
  isExcluded(workspaceRelative: string): boolean;
  /** Tests, mocks and stories: by convention, or matched by `testFiles`. */
  isTestFile(workspaceRelative: string): boolean;
}

export interface ConfigDiagnostic {
  severity: Severity;
  message: string;
  /** JSON path of the offending key, e.g. ["domains", "billing", "dependsOn", 0]. */
  path: (string | number)[];
  range: Range;
  /** What the range most likely meant (the declared name a typo is closest to), as JSON text: a quick fix writes it there. */
  replacement?: string;
}

export interface PackageMatcher {
  readonly patterns: readonly string[];
  /** The pattern a package name matches, if any. */
  match(packageName: string): string | undefined;
}

export function createPackageMatcher(patterns: readonly string[]): PackageMatcher {
  const compiled = patterns.map((p) => ({ p, test: picomatch(p) }));
  return {
    patterns,
    match(name) {
      return compiled.find((c) => c.p === name || c.test(name))?.p;
    },
  };
}

/** The package a bare specifier names: `@scope/pkg/sub` → `@scope/pkg`, `pkg/sub` → `pkg`. */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** How to name a domain's public API in a message: its files, or "its index file" by default. */
export function describePublicApi(domain: DomainSpec): string {
  if (domain.publicApiAll) return 'any file';
  return domain.publicApi.every((g) => g.startsWith('index.')) ? `${domain.path}/index` : domain.publicApi.map((g) => `${domain.path}/${g}`).join(', ');
}
