import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { loadConfig } from '../config/load-config';
import { exportDependencyCruiserConfig } from '../depcruise/export-config';
import { createNodeHost } from '../host';
import { copyFixture, FIXTURES, scanned } from './helpers';

/** Fixtures dependency-cruiser cannot see the way we do, and why. */
const NOT_COMPARABLE: Record<string, string> = {
  monorepo: 'workspace packages resolve only through node_modules for dependency-cruiser, and the fixture is not installed',
};

const BOUNDARY_RULES = ['cross-domain-import', 'public-api-bypass'];
/** So that agreeing on "nothing" cannot pass for agreement. */
const FIXTURES_WITH_VIOLATIONS = ['shop', 'paths-alias', 'js-require', 'syntax-error'];

function fixturesWithValidConfig(): string[] {
  return fs
    .readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(`${FIXTURES}/${d.name}/foundations.json`))
    .map((d) => d.name)
    .filter((name) => loadConfig(createNodeHost({ trusted: false }), `${FIXTURES}/${name}`).config !== undefined)
    .filter((name) => !(name in NOT_COMPARABLE));
}

/**
 * dependency-cruiser is the oracle for our import graph: it runs the boundary rules we export
 * (`foundations export --format dependency-cruiser`) on every fixture, and must find exactly
 * the boundary violations our engine finds.
 */
describe('differential: dependency-cruiser with the exported configuration finds what we find', function () {
  this.timeout(120000);
  for (const name of fixturesWithValidConfig()) {
    it(name, async () => {
      const root = copyFixture(name);
      const probe = await scanned(root, true);
      const tsconfig = fs.existsSync(`${root}/tsconfig.json`) ? 'tsconfig.json' : undefined;
      const exported = exportDependencyCruiserConfig(probe.config, (id, fallback) => probe.config.rules.get(id)?.severity ?? fallback, tsconfig);
      // Replace the workspace's own dependency-cruiser rules, if it has some, by ours.
      const target = probe.config.dependencyCruiser ?? `${root}/.dependency-cruiser.json`;
      fs.writeFileSync(target, target.endsWith('.json') ? JSON.stringify(exported) : `module.exports = ${JSON.stringify(exported)};\n`);
      const session = await scanned(root, true);
      const run = await session.runDependencyCruiser();
      assert.equal(session.dependencyCruiserProblem, undefined);

      const ours = session
        .findings()
        .filter((f) => BOUNDARY_RULES.includes(f.ruleId))
        .map((f) => `${f.ruleId} ${f.file.slice(root.length + 1)} -> ${String(f.data?.target)}`);
      const theirs = session
        .findings()
        .filter((f) => f.ruleId.startsWith('depcruise/'))
        .map((f) => `${f.ruleId.slice('depcruise/'.length).split('/')[0]} ${f.file.slice(root.length + 1)} -> ${String(f.data?.to)}`);
      assert.deepEqual([...new Set(theirs)].sort(), [...new Set(ours)].sort(), `dependency-cruiser (${Math.round(run.ms)} ms) and Foundations disagree on ${name}`);
      if (FIXTURES_WITH_VIOLATIONS.includes(name)) assert.ok(ours.length > 0, `${name} has boundary violations to compare`);
    });
  }

});
