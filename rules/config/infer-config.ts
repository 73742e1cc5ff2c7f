import { type Host, isInsideDir } from '../host';
import { Session } from '../session';
import { type WorkspacePackage, findWorkspacePackages } from '../graph/workspace-packages';
import { CONFIG_FILE_NAME, SOURCE_EXTENSIONS } from './defaults';
import { discoverSourceFiles } from '../workspace/discover-files';

/**
 * Folders whose sub-folders are, by convention, the modules of an application; the workspace
 * root last, for projects laid out as `billing/`, `catalog/`… at the top.
 */
const DOMAIN_PARENTS = ['src/modules', 'src/domains', 'src/features', 'src', 'modules', 'packages', 'apps', 'libs', 'lib', 'app', ''];
/** Folders of tests, anywhere: they test the modules, they are not one. */
const TEST_FOLDERS = /^(__tests__|__mocks__|__fixtures__|tests?|e2e|cypress|testing|test-(ui|utils|helpers)|storybook|stories|mocks)$/;
/** Folders at the root that hold tooling, output or documentation rather than modules. */
const NON_MODULE_ROOT_FOLDERS = /^(scripts?|bin|dist|build|out|coverage|docs?|examples?|fixtures|test-fixtures|bench|benchmarks?|tools|vendor|types|typings)$/;

export interface InferredConfig {
  text: string;
  domains: string[];
  /**
   * What the user should know about the draft, in one or two sentences (CLI and editor say the
   * same), naming the domains written with `"publicApi": "*"` because they have no index file.
   */
  advice: string;
}

type DraftDomain = { path: string; publicApi?: '*' | string[]; dependsOn?: string[] };

/**
 * A foundations.json describing the workspace as it is: one domain per module folder, and the
 * dependencies it actually has — a baseline to tighten, not a judgement.
 */
export async function inferConfig(host: Host, root: string): Promise<InferredConfig> {
  const domains: Record<string, DraftDomain> = {};
  /** Domain → the workspace package it is. */
  const packageOf = new Map<string, WorkspacePackage>();
  let exclude: string[] | undefined;
  const packages = [...findWorkspacePackages(host, root).values()];
  let nested: string[] = [];
  let entryFiles: string[] = [];
  if (packages.length > 1) {
    const outer = outermostPackages(packages);
    nested = packages.filter((p) => !outer.includes(p)).map((p) => p.name);
    for (const pkg of outer) {
      const name = domainNameOf(pkg, outer);
      domains[name] = { path: pkg.dir.slice(root.length + 1) };
      packageOf.set(name, pkg);
    }
  } else {
    const found = moduleFolders(host, root);
    for (const folder of found?.folders ?? []) {
      const short = folder.slice(folder.lastIndexOf('/') + 1).replace(/[^A-Za-z0-9_.-]/g, '-');
      // src/modules/lib and src/lib: the second one is named by its whole path.
      domains[domains[short] ? folder.replace(/[^A-Za-z0-9_.-]/g, '-') : short] = { path: folder };
    }
    if (found?.exclude.length) exclude = found.exclude;
    entryFiles = found?.entryFiles ?? [];
  }
  const draft = JSON.stringify({ domains, exclude }, null, 2);
  // Scan once with the draft to learn which domains really import which.
  const session = Session.open(root, host);
  session.update([{ type: 'buffer', file: `${session.root}/${CONFIG_FILE_NAME}`, text: draft }]);
  await session.scan();
  for (const [from, targets] of session.domainDependencies()) {
    if (domains[from]) domains[from].dependsOn = [...targets].sort();
  }
  const openDomains: string[] = [];
  for (const [name, publicApi] of inferPublicApis(session, packageOf)) {
    // Key order in the file: path, publicApi, dependsOn, as the documentation writes them.
    domains[name] = { path: domains[name].path, publicApi, ...(domains[name].dependsOn && { dependsOn: domains[name].dependsOn }) };
    if (publicApi === '*') openDomains.push(name);
  }
  // Named only where it is installed: a `$schema` that does not load takes precedence over the schema the
  // extension maps, and the file would lose its completion in the editor.
  const installedSchema = 'node_modules/foundations/schema/foundations.schema.json';
  const config = {
    ...(host.fileExists(`${root}/${installedSchema}`) && { $schema: `./${installedSchema}` }),
    domains,
    ...(exclude && { exclude }),
    rules: {},
  };
  const names = Object.keys(domains);
  const inside = nested.length === 0 ? '' : ` ${nested.length === 1 ? 'The package' : 'The packages'} ${nested.join(', ')} inside another package ${nested.length === 1 ? 'is' : 'are'} part of that package's domain (domains cannot overlap).`;
  return { text: JSON.stringify(config, null, 2) + '\n', domains: names, advice: adviceOn(names, openDomains) + inside + entryFilesAdvice(entryFiles) };
}

/** The packages no other package's folder contains: a domain each, since domains cannot overlap. */
function outermostPackages(packages: readonly WorkspacePackage[]): WorkspacePackage[] {
  return packages.filter((p) => !packages.some((other) => other !== p && isInsideDir(p.dir, other.dir)));
}

/** `@acme/payments` → `payments`, unless another package has that short name too: `acme-payments`. */
function domainNameOf(pkg: WorkspacePackage, packages: readonly WorkspacePackage[]): string {
  const short = (name: string) => name.replace(/^@[^/]+\//, '');
  const clash = packages.some((other) => other !== pkg && short(other.name) === short(pkg.name));
  return (clash ? pkg.name.replace(/^@/, '').replace('/', '-') : short(pkg.name)).replace(/[^A-Za-z0-9_.-]/g, '-');
}

/**
 * The module folders (relative to the root) under the first conventional parent that has two or
 * more folders holding source files, as the scan will see them (.gitignore honoured), and what to
 * exclude beside them: the test and tooling folders skipped there, and the files that lie in a
 * folder of modules rather than in a module, each of which would be an unassigned file. With
 * modules at the root those are configs and build scripts; under `src/` they are the entry points
 * that wire the modules together (`src/main.ts`), named in the advice.
 */
function moduleFolders(host: Host, root: string): { folders: string[]; exclude: string[]; entryFiles: string[] } | undefined {
  const files = discoverSourceFiles(host, root, () => false).map((file) => file.slice(root.length + 1));
  for (const parent of DOMAIN_PARENTS) {
    const prefix = parent ? `${parent}/` : '';
    const isModule = (name: string) => !name.startsWith('.') && !TEST_FOLDERS.test(name) && !(parent === '' && NON_MODULE_ROOT_FOLDERS.test(name));
    const names = childFolders(files, prefix);
    const folders = names.filter(isModule).map((name) => prefix + name);
    if (folders.length < 2) continue;
    const exclude = names.filter((name) => !isModule(name)).map((name) => `${prefix}${name}/**`);
    const holders = [prefix];
    // Beside a nested parent (src/lib and src/components beside src/modules) lies the code the
    // modules share: a domain each, or nothing would check it. After the modules, which keep the short names.
    const grand = parent.includes('/') ? `${parent.slice(0, parent.lastIndexOf('/'))}/` : undefined;
    if (grand) {
      const siblings = childFolders(files, grand).filter((name) => `${grand}${name}` !== parent);
      folders.push(...siblings.filter(isModule).map((name) => grand + name));
      exclude.push(...siblings.filter((name) => !isModule(name)).map((name) => `${grand}${name}/**`));
      holders.push(grand);
    }
    const loose = files.filter((file) => holders.some((holder) => file.startsWith(holder) && !file.includes('/', holder.length))).sort();
    return { folders, exclude: [...exclude.sort(), ...loose], entryFiles: parent === '' ? [] : loose };
  }
  return undefined;
}

/** The names of the folders directly under `prefix` that hold source files. */
function childFolders(files: readonly string[], prefix: string): string[] {
  const names = new Set<string>();
  for (const file of files) {
    if (!file.startsWith(prefix)) continue;
    const slash = file.indexOf('/', prefix.length);
    if (slash > prefix.length) names.add(file.slice(prefix.length, slash));
  }
  return [...names].sort();
}

/**
 * The public API of each domain the default (`index.*` at its root) does not fit. A workspace
 * package's is its entry: the file other packages reach by its name (`@acme/payments` →
 * `packages/payments/src/index.ts`), else its package.json "source", else `src/index.*`. A folder
 * with no entry at all gets everything. Without this, every import into such a domain would be
 * reported as bypassing an API that does not exist.
 */
function inferPublicApis(session: Session, packageOf: ReadonlyMap<string, WorkspacePackage>): Map<string, '*' | string[]> {
  const model = session.workspaceModel;
  const hasDefaultApi = new Set<string>();
  const entries = new Map<string, Set<string>>();
  for (const file of session.files()) {
    const membership = model.membership(file);
    if (membership.domain && membership.isPublicApi) hasDefaultApi.add(membership.domain.name);
    for (const imp of session.importGraph.importsOf(file)) {
      if (imp.target.kind !== 'file') continue;
      const target = model.membership(imp.target.file);
      if (!target.domain || packageOf.get(target.domain.name)?.name !== imp.specifier) continue;
      const set = entries.get(target.domain.name) ?? new Set<string>();
      entries.set(target.domain.name, set.add(target.relative));
    }
  }
  const publicApis = new Map<string, '*' | string[]>();
  for (const domain of session.config.domains) {
    if (hasDefaultApi.has(domain.name)) continue;
    const entry = entries.get(domain.name) ?? packageEntry(session, domain.path, packageOf.get(domain.name));
    publicApis.set(domain.name, entry ? [...entry].sort() : '*');
  }
  return publicApis;
}

/** The entry source file of a package nobody imports by name yet, relative to its folder. */
function packageEntry(session: Session, domainPath: string, pkg: WorkspacePackage | undefined): Set<string> | undefined {
  if (!pkg) return undefined;
  const candidates = [pkg.source?.replace(/^\.\//, ''), ...SOURCE_EXTENSIONS.map((ext) => `src/index${ext}`)];
  const entry = candidates.find((relative) => relative && session.hasFile(`${session.root}/${domainPath}/${relative}`));
  return entry ? new Set([entry]) : undefined;
}

function adviceOn(domains: readonly string[], openDomains: readonly string[]): string {
  if (domains.length === 0) return 'No module folders were found (src/<domain>/…): declare your domains in it.';
  const advice = `Their dependsOn lists what they import today: tighten it.`;
  if (openDomains.length === 0) return advice;
  const listed = openDomains.length <= 5 ? openDomains.join(', ') : `${openDomains.slice(0, 5).join(', ')} and ${openDomains.length - 5} more`;
  const [count, them, each] = openDomains.length === 1 ? ['1 domain has', 'it', 'it'] : [`${openDomains.length} domains have`, 'them', 'each'];
  return `${advice} ${count} no index file (${listed}), so everything in ${them} is public for now ("publicApi": "*"): give ${each} an index.ts that exports what other domains use, and remove the key.`;
}

function entryFilesAdvice(files: readonly string[]): string {
  if (files.length === 0) return '';
  const listed = files.length <= 4 ? files.join(', ') : `${files.slice(0, 4).join(', ')} and ${files.length - 4} more`;
  return ` The files beside the modules (${listed}) belong to no domain and are excluded for now: they wire the domains together. Take them out of "exclude" to check them.`;
}
