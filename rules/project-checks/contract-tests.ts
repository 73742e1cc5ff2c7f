import type { Evidence, ProjectCheck, ProjectContext } from './project-check';
import { MAX_EVIDENCE, isTestFile, listSome } from './project-check';
import { filesReachedByTests } from './test-reach';

/**
 * Libraries that pin an integration to its contract: consumer-driven contracts (Pact), recorded or
 * mocked provider responses (nock, msw), HTTP-level tests of an API (supertest), schema checks of
 * responses (OpenAPI validators).
 */
const CONTRACT_LIBRARIES = /^(@pact-foundation\/.+|pact|nock|msw(\/.*)?|supertest|jest-openapi|chai-openapi-response-validator|openapi-response-validator|@stoplight\/prism-.+|jest-json-schema|ajv)$/;
const CONTRACT_NAME = /contract|pact/i;

function isContractTest(relative: string, ctx: ProjectContext): boolean {
  if (CONTRACT_NAME.test(relative)) return true;
  return ctx.importsOf(`${ctx.root}/${relative}`).some((i) => i.target.kind === 'external' && CONTRACT_LIBRARIES.test(i.target.packageName));
}

export const contractTests: ProjectCheck = {
  id: 'contract-tests',
  foundation: 'quality-discipline',
  title: 'Contract tests for each integration',
  rationale:
    "Contract tests for integrations: an adapter is where a third party's behaviour meets yours, and where it changes without asking. A test that pins the contract — the requests an adapter sends and the responses it understands (Pact, recorded responses with nock or msw, supertest against your own API) — catches a breaking change before production does. Most rewrites start with integration shortcuts.",
  help: 'For each adapter, add a test that exercises it against the provider\'s contract: name it `*.contract.test.ts` or use Pact, nock, msw or supertest, and import the adapter itself.',
  run(ctx) {
    const adapters = ctx.sourceFiles.filter((f) => {
      const m = ctx.model.membership(f);
      return m.domain && m.layer === 'integration' && !isTestFile(m.workspaceRelative) && !/\.d\.[mc]?ts$/.test(f) && !/(^|\/)index\.[cm]?[jt]sx?$/.test(f);
    });
    if (adapters.length === 0) {
      return { status: 'not-applicable', summary: 'No domain has integration code (adapters, clients, API handlers): there is no contract to test.', evidence: [] };
    }
    const reached = filesReachedByTests(ctx, { depth: 1, reExportsOnly: true, acceptTest: isContractTest });
    const covered: Evidence[] = [];
    const uncovered: Evidence[] = [];
    for (const file of adapters) {
      const tests = reached.get(file);
      const relative = ctx.relative(file);
      if (tests) covered.push({ file: tests[0], note: `contract test of ${relative}` });
      else uncovered.push({ file: relative, note: 'no contract test imports this adapter' });
    }
    if (uncovered.length === 0) {
      return { status: 'pass', summary: `Every integration adapter has a contract test (${covered.length}).`, evidence: covered.slice(0, MAX_EVIDENCE) };
    }
    return {
      status: 'fail',
      summary: `${uncovered.length} of ${adapters.length} integration adapters have no contract test (${listSome(uncovered.map((e) => e.file.slice(e.file.lastIndexOf('/') + 1)))}).`,
      evidence: [...uncovered, ...covered].slice(0, MAX_EVIDENCE),
    };
  },
};
