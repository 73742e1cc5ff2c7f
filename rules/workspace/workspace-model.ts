import type { Config, DomainSpec } from '../config/config';
import { FALLBACK_LAYER } from '../config/defaults';
import { isInsideDir, relativeTo } from '../host';

/** Where a file sits in the architecture. */
export interface Membership {
  domain?: DomainSpec;
  /** Layer inside the domain; undefined when the file belongs to no domain. */
  layer?: string;
  /** Path relative to the domain folder (or to the root when there is no domain). */
  relative: string;
  /** Path relative to the workspace root. */
  workspaceRelative: string;
  /** Whether other domains may import this file. */
  isPublicApi: boolean;
  /** Whether the file lies under a source root, where every file must belong to a domain. */
  inSourceRoot: boolean;
  /** A test, mock or story: the file rules pass it by unless told to check tests (`includeTests`), and its imports make no dependency between domains. */
  isTest: boolean;
}

/** Config + file path → domain and layer. Pure and cached; a new config gets a new model. */
export class WorkspaceModel {
  private readonly cache = new Map<string, Membership>();
  /** Longest path first, so the most specific domain wins. */
  private readonly domainsBySpecificity: DomainSpec[];

  constructor(readonly config: Config) {
    this.domainsBySpecificity = [...config.domains].sort((a, b) => b.dir.length - a.dir.length);
  }

  domain(name: string): DomainSpec | undefined {
    return this.config.domains.find((d) => d.name === name);
  }

  membership(file: string): Membership {
    let m = this.cache.get(file);
    if (!m) {
      m = this.compute(file);
      this.cache.set(file, m);
    }
    return m;
  }

  private compute(file: string): Membership {
    const root = this.config.root;
    const workspaceRelative = relativeTo(root, file);
    const domain = this.domainsBySpecificity.find((d) => isInsideDir(file, d.dir));
    const inSourceRoot = this.config.sourceRoots.some((r) => isInsideDir(file, r));
    const isTest = this.config.isTestFile(workspaceRelative);
    if (!domain) return { workspaceRelative, relative: workspaceRelative, isPublicApi: false, inSourceRoot, isTest };
    const relative = file.slice(domain.dir.length + 1);
    const layer = this.config.layers.find((l) => l.matches(relative))?.name ?? FALLBACK_LAYER;
    return { domain, layer, relative, workspaceRelative, isPublicApi: domain.isPublic(relative), inSourceRoot, isTest };
  }
}
