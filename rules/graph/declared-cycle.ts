import type { Config } from '../config/config';
import { shortestPath } from './shortest-path';

/** The cycle declaring `from` → `to` would close (`from → to → … → from`), from the declared dependencies; undefined when none. */
export function cycleClosedByDeclaring(config: Config, from: string, to: string): string[] | undefined {
  const back = shortestPath(to, from, (d) => config.domains.find((x) => x.name === d)?.dependsOn ?? []);
  return back && [from, ...back];
}
