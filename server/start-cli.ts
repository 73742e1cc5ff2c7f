/**
 * What `bin/foundations.js` runs (dist/start-cli.js): the CLI of the bundle next to it, compiled
 * with the code cache the build left beside it (`primeCodeCache`). At run time the CLI only reads
 * that cache: it writes nothing but its report, and a cache of another Node or bundle is ignored.
 */
import { loadBundle } from './bundle-loader';

export function runCli(argv: string[]): Promise<number> {
  return loadBundle(__dirname).bundle.main(argv);
}

/**
 * For the build: runs the CLI with `argv` on an example workspace, then writes the code cache of
 * everything that run compiled (the parser, the rules, the report) next to the bundle.
 */
export async function primeCodeCache(argv: string[]): Promise<void> {
  const { bundle, saveCache } = loadBundle(__dirname);
  await bundle.main(argv);
  saveCache?.();
}
