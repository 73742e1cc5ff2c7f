import type { Evidence, ProjectCheck, ProjectContext } from './project-check';
import { MAX_EVIDENCE, isTestFile, listSome } from './project-check';
import { filesReachedByTests } from './test-reach';

/** The core files of each domain that deserve tests: not tests, not declarations, not public API barrels. */
export function coreFilesByDomain(ctx: ProjectContext): Map<string, string[]> {
  const byDomain = new Map<string, string[]>();
  for (const file of ctx.sourceFiles) {
    const m = ctx.model.membership(file);
    if (!m.domain || m.layer !== 'core' || isTestFile(m.workspaceRelative) || /\.d\.[mc]?ts$/.test(file)) continue;
    if (m.isPublicApi && !m.domain.publicApiAll) continue;
    const list = byDomain.get(m.domain.name) ?? [];
    list.push(file);
    byDomain.set(m.domain.name, list);
  }
  return byDomain;
}

export const coreTests: ProjectCheck = {
  id: 'core-tests',
  foundation: 'quality-discipline',
  title: "Tests for each domain's core",
  rationale:
    'Automated tests for core logic: the business rules in each domain\'s core are what must not silently change, and they are the cheapest code to test — no UI, no database, no network. A domain whose core no test touches is changed by hand-testing and hope; defects there scale faster than features.',
  help: "Add tests that import the domain's core (directly or through its public API): `src/<domain>/core/*.test.ts`, or a `test/` folder. Start with the calculations and decisions.",
  run(ctx) {
    const coreFiles = coreFilesByDomain(ctx);
    if (coreFiles.size === 0) {
      return { status: 'not-applicable', summary: 'No domain has core code yet: there is nothing to test.', evidence: [] };
    }
    const reached = filesReachedByTests(ctx, { depth: 3 });
    const tested: Evidence[] = [];
    const untested: Evidence[] = [];
    for (const [name, files] of [...coreFiles].sort(([a], [b]) => a.localeCompare(b))) {
      const domain = ctx.model.domain(name)!;
      const tests = [...new Set(files.flatMap((f) => reached.get(f) ?? []))].sort();
      const coveredFiles = files.filter((f) => reached.has(f)).length;
      if (tests.length > 0) tested.push({ file: tests[0], note: `tests the core of ${name} (${coveredFiles} of ${files.length} core files reached by ${tests.length} test file${tests.length === 1 ? '' : 's'})` });
      else untested.push({ file: domain.path, folder: true, note: `no test reaches the core of ${name} (${files.length} core file${files.length === 1 ? '' : 's'})` });
    }
    if (untested.length === 0) {
      return { status: 'pass', summary: `Every domain's core is tested (${tested.length} domain${tested.length === 1 ? '' : 's'}).`, evidence: tested.slice(0, MAX_EVIDENCE) };
    }
    const names = untested.map((e) => e.note.replace(/^no test reaches the core of (\S+).*$/, '$1'));
    return {
      status: 'fail',
      summary: `No test reaches the core of ${listSome(names)} (${untested.length} of ${coreFiles.size} domains).`,
      evidence: [...untested, ...tested].slice(0, MAX_EVIDENCE),
    };
  },
};
