import type { Host } from '../host';
import { Session } from '../session';
import { CONFIG_FILE_NAME } from './defaults';
import { findWorkspacePackages } from '../graph/workspace-packages';
import { discoverSourceFiles } from '../workspace/discover-files';

/** Folders whose sub-folders are, by convention, the modules of an application. */
const DOMAIN_PARENTS = ['src/modules', 'src/domains', 'src/features', 'src', 'modules', 'packages', 'apps', 'libs', 'lib', 'app'];

export interface InferredConfig {
  text: string;
  domains: string[];
}

/**
 * A foundations.json describing the workspace as it is: one domain per module folder, and the
 * dependencies it actually has — a baseline to tighten, not a judgement.
 */
export async function inferConfig(host: Host, root: string): Promise<InferredConfig> {
  const domains: Record<string, { path: string; dependsOn?: string[] }> = {};
  const packages = [...findWorkspacePackages(host, root).values()];
  if (packages.length > 1) {
    for (const pkg of packages) {
      const name = pkg.name.replace(/^@[^/]+\//, '');
      domains[name] = { path: pkg.dir.slice(root.length + 1) };
    }
  } else {
    for (const parent of DOMAIN_PARENTS) {
      const dirs = host
        .readDirectory(`${root}/${parent}`)
        .filter((e) => e.kind === 'directory' && !e.name.startsWith('.') && e.name !== 'node_modules' && !/^(__tests__|test|tests)$/.test(e.name))
        .filter((e) => discoverSourceFiles(host, `${root}/${parent}/${e.name}`, () => false).length > 0);
      if (dirs.length >= 2) {
        for (const d of dirs) domains[d.name.replace(/[^A-Za-z0-9_.-]/g, '-')] = { path: `${parent}/${d.name}` };
        break;
      }
    }
  }
  const draft = JSON.stringify({ domains }, null, 2);
  // Scan once with the draft to learn which domains really import which.
  const session = Session.open(root, host);
  session.update([{ type: 'buffer', file: `${session.root}/${CONFIG_FILE_NAME}`, text: draft }]);
  await session.scan();
  for (const [from, targets] of session.domainDependencies()) {
    if (domains[from]) domains[from].dependsOn = [...targets].sort();
  }
  const config = {
    $schema: './node_modules/foundations/schema/foundations.schema.json',
    domains,
    rules: {},
  };
  return { text: JSON.stringify(config, null, 2) + '\n', domains: Object.keys(domains) };
}
