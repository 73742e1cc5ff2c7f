import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PROJECT_CHECKS, type ProjectCheckResult, normalizePath } from '../index';
import { brief, copyFixture, scanned } from './helpers';

async function checksOf(root: string): Promise<Map<string, ProjectCheckResult>> {
  const session = await scanned(root);
  return new Map(session.projectChecks().map((c) => [c.id, c]));
}

/** `status: file:line note` lines, easy to read in a diff. */
function evidence(result: ProjectCheckResult | undefined): string[] {
  return (result?.evidence ?? []).map((e) => `${e.file}${e.line !== undefined ? `:${e.line + 1}` : ''} ${e.note}`);
}

function write(root: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(`${root}/${file}`), { recursive: true });
    fs.writeFileSync(`${root}/${file}`, text);
  }
}

function remove(root: string, ...files: string[]): void {
  for (const f of files) fs.rmSync(`${root}/${f}`, { recursive: true, force: true });
}

describe('engine: project-level checks', () => {
  describe('fixtures', () => {
    it('passes every check on a healthy project, with the files it judged by', async () => {
      const checks = await checksOf(copyFixture('project-healthy'));
      assert.deepEqual([...checks.values()].map((c) => `${c.id}:${c.status}`), PROJECT_CHECKS.map((c) => `${c.id}:pass`));
      assert.deepEqual(evidence(checks.get('ci-pipeline')), ['.github/workflows/ci.yml:11 GitHub Actions runs the tests (`npm run verify`, whose script runs them)']);
      assert.deepEqual(evidence(checks.get('rollback')), ['migrations 2 migrations, each with a down']);
      assert.deepEqual(evidence(checks.get('contract-tests')), ['src/accounts/adapters/crm-client.contract.test.ts contract test of src/accounts/adapters/crm-client.ts']);
      assert.deepEqual(evidence(checks.get('definition-of-done')), ['DEFINITION_OF_DONE.md the Definition of Done']);
      assert.deepEqual(evidence(checks.get('logging')), ['package.json:12 depends on the logger pino', 'src/platform/logger.ts the project’s logger module']);
      assert.match(checks.get('core-tests')!.summary, /Every domain's core is tested \(2 domains\)/);
      assert.deepEqual(evidence(checks.get('environment-separation')), ['.env.example documents the environment variables (template)', 'package.json:10 loads configuration with dotenv']);
    });

    it('fails every check on a neglected project, and says why', async () => {
      const root = copyFixture('project-neglected');
      const session = await scanned(root);
      const checks = new Map(session.projectChecks().map((c) => [c.id, c]));
      assert.deepEqual([...checks.values()].map((c) => `${c.id}:${c.status}`), PROJECT_CHECKS.map((c) => `${c.id}:fail`));
      assert.deepEqual(evidence(checks.get('ci-pipeline')), ['.gitlab-ci.yml GitLab CI pipeline that runs no tests']);
      assert.deepEqual(evidence(checks.get('environment-separation')), ['.env:2 DB_PASSWORD has a value, and .env is not in .gitignore']);
      assert.deepEqual(evidence(checks.get('rollback')), [
        'migrations/001_create_invoices.js:5 its down does nothing',
        'migrations/002_add_total.js:1 an up without a down',
      ]);
      assert.deepEqual(evidence(checks.get('core-tests')), [
        'src/billing no test reaches the core of billing (1 core file)',
        'src/accounts/core/account.test.ts tests the core of accounts (1 of 1 core files reached by 1 test file)',
      ]);
      assert.deepEqual(evidence(checks.get('contract-tests')), ['src/accounts/adapters/crm-sync.ts no contract test imports this adapter']);
      assert.deepEqual(evidence(checks.get('definition-of-done')), ['.github/pull_request_template.md a pull request template without a checklist']);
      assert.match(checks.get('logging')!.summary, /No logger.*console\.\* \(2 calls\)/);
      // Bare console calls in core code are findings of their own, with a rule id.
      assert.deepEqual(brief(session).filter((b) => b.startsWith('console-in-core')), ['console-in-core src/accounts/core/account.ts:2:3', 'console-in-core src/billing/core/invoice.ts:3:3']);
    });

    it('is not applicable where there is nothing to judge, or when switched off', async () => {
      const checks = await checksOf(copyFixture('project-na'));
      assert.deepEqual([...checks.values()].map((c) => `${c.id}:${c.status}`), PROJECT_CHECKS.map((c) => `${c.id}:not-applicable`));
      assert.match(checks.get('ci-pipeline')!.summary, /Turned off in foundations\.json/);
      assert.match(checks.get('rollback')!.summary, /nothing to roll back/);
    });
  });

  describe('CI pipeline', () => {
    it('recognises GitLab, Azure, CircleCI, Jenkins pipelines and the test commands they run', async () => {
      const root = copyFixture('project-neglected');
      for (const [file, text] of [
        ['.gitlab-ci.yml', 'test:\n  script:\n    - npm ci\n    - npx vitest run\n'],
        ['azure-pipelines.yml', 'steps:\n  - script: yarn test --ci\n'],
        ['.circleci/config.yml', 'jobs:\n  test:\n    steps:\n      - run: pnpm run test:unit\n'],
        ['Jenkinsfile', "pipeline { stages { stage('test') { steps { sh 'npm test' } } } }\n"],
      ]) {
        remove(root, '.gitlab-ci.yml');
        write(root, { [file]: text });
        const ci = (await checksOf(root)).get('ci-pipeline')!;
        assert.equal(ci.status, 'pass', `${file}: ${ci.summary}`);
        assert.equal(ci.evidence[0].file, file);
        remove(root, file);
      }
    });

    it('follows a pipeline into the shell script it runs', async () => {
      const root = copyFixture('project-neglected');
      write(root, { '.gitlab-ci.yml': 'ci:\n  script:\n    - bash scripts/ci.sh\n', 'scripts/ci.sh': '#!/bin/sh\nset -e\nnpm ci\nnpm test\n' });
      const ci = (await checksOf(root)).get('ci-pipeline')!;
      assert.equal(ci.status, 'pass');
      assert.match(ci.evidence[0].note, /scripts\/ci\.sh, which runs them/);
    });

    it('fails with no pipeline at all, and finds the repository’s pipeline above a monorepo package', async () => {
      const repo = normalizePath(fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'foundations-monorepo-'))));
      fs.cpSync(copyFixture('project-neglected'), `${repo}/packages/app`, { recursive: true });
      remove(`${repo}/packages/app`, '.gitlab-ci.yml');
      const missing = (await checksOf(`${repo}/packages/app`)).get('ci-pipeline')!;
      assert.equal(missing.status, 'fail');
      assert.match(missing.summary, /No CI pipeline/);
      fs.mkdirSync(`${repo}/.git`);
      write(repo, { '.github/workflows/test.yml': 'jobs:\n  t:\n    steps:\n      - run: npm test --workspaces\n' });
      const above = (await checksOf(`${repo}/packages/app`)).get('ci-pipeline')!;
      assert.equal(above.status, 'pass');
      assert.equal(above.evidence[0].file, '../../.github/workflows/test.yml');
    });
  });

  describe('environment separation', () => {
    it('passes with per-environment configuration files, and a .env kept out of git', async () => {
      const root = copyFixture('project-neglected');
      write(root, { '.gitignore': '.env\n', 'config/production.json': '{}\n', 'config/development.json': '{}\n' });
      const env = (await checksOf(root)).get('environment-separation')!;
      assert.equal(env.status, 'pass', env.summary);
      assert.deepEqual(evidence(env), ['config/development.json per-environment configuration', 'config/production.json per-environment configuration']);
    });

    it('fails when the code reads its environment and nothing documents it', async () => {
      const root = copyFixture('project-neglected');
      write(root, { '.gitignore': '.env\n' });
      const env = (await checksOf(root)).get('environment-separation')!;
      assert.equal(env.status, 'fail');
      assert.deepEqual(evidence(env), ['src/billing/data/invoices.ts:3 reads process.env.DATABASE_HOST', '.env kept out of the repository, but nothing documents what it must contain']);
    });

    it('does not take placeholders in a committed .env for secrets', async () => {
      const root = copyFixture('project-neglected');
      write(root, { '.env': 'DB_PASSWORD=\nAPI_KEY=<your-key>\n', '.env.example': 'DB_PASSWORD=\n' });
      assert.equal((await checksOf(root)).get('environment-separation')!.status, 'pass');
    });
  });

  describe('logging', () => {
    it('accepts a logger module of the project instead of a library', async () => {
      const root = copyFixture('project-neglected');
      write(root, { 'src/accounts/core/logger.ts': 'export const logger = { info: (m: string) => console.log(m) };\n' });
      const logging = (await checksOf(root)).get('logging')!;
      assert.equal(logging.status, 'fail', 'console calls elsewhere in the core still fail it');
      assert.match(logging.summary, /A logger exists \(src\/accounts\/core\/logger\.ts\), but core code still logs/);
      remove(root, 'src/accounts/core/account.ts', 'src/billing/core/invoice.ts');
      write(root, { 'src/billing/core/invoice.ts': 'export const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);\n' });
      assert.equal((await checksOf(root)).get('logging')!.status, 'pass');
    });
  });

  describe('rollback', () => {
    it('judges knex, sequelize, typeorm, prisma, dbmate and golang-migrate migrations', async () => {
      const root = copyFixture('project-neglected');
      remove(root, 'migrations');
      write(root, {
        'db/migrations/001_knex.js': 'exports.up = (k) => k.schema.createTable("a", () => {});\nexports.down = (k) => k.schema.dropTable("a");\n',
        'db/migrations/002_sequelize.js': 'module.exports = {\n  async up(q) { await q.createTable("b", {}); },\n  async down(q) { await q.dropTable("b"); },\n};\n',
        'db/migrations/003_typeorm.ts': 'export class C003 {\n  async up(r: any) { await r.query("x"); }\n  async down(r: any) {}\n}\n',
        'db/migrations/004_pgm.js': 'exports.up = (pgm) => { pgm.addColumn("a", { c: "int" }); };\nexports.down = false;\n',
        'db/migrations/005_dbmate.sql': '-- migrate:up\ncreate table d (id int);\n\n-- migrate:down\ndrop table d;\n',
        'db/migrations/006_init.up.sql': 'create table e (id int);\n',
        'db/migrations/helpers.js': 'exports.columns = ["id"];\n',
        'prisma/migrations/20240101_init/migration.sql': 'create table f (id int);\n',
        'prisma/migrations/20240101_init/down.sql': 'drop table f;\n',
        'prisma/migrations/20240202_g/migration.sql': 'create table g (id int);\n',
      });
      const rollback = (await checksOf(root)).get('rollback')!;
      assert.equal(rollback.status, 'fail');
      assert.equal(rollback.summary, '4 of 8 migrations cannot be rolled back (003_typeorm.ts, 004_pgm.js, 006_init.up.sql and 1 more).');
      assert.deepEqual(evidence(rollback), [
        'db/migrations/003_typeorm.ts:3 its down does nothing',
        'db/migrations/004_pgm.js:2 its down is declared irreversible',
        'db/migrations/006_init.up.sql no 006_init.down.sql beside it',
        'prisma/migrations/20240202_g/migration.sql no down.sql next to this prisma migration',
      ]);
      write(root, {
        'db/migrations/003_typeorm.ts': 'export class C003 {\n  async up(r: any) { await r.query("x"); }\n  async down(r: any) { await r.query("y"); }\n}\n',
        'db/migrations/004_pgm.js': 'exports.up = (pgm) => { pgm.addColumn("a", { c: "int" }); };\nexports.down = (pgm) => { pgm.dropColumn("a", "c"); };\n',
        'db/migrations/006_init.down.sql': 'drop table e;\n',
        'prisma/migrations/20240202_g/down.sql': 'drop table g;\n',
      });
      const fixed = (await checksOf(root)).get('rollback')!;
      assert.equal(fixed.status, 'pass', fixed.summary);
      assert.deepEqual(evidence(fixed), ['db/migrations 6 migrations, each with a down', 'prisma/migrations 2 migrations, each with a down']);
    });

    it('accepts versioned deploys when there are no migrations, and fails a database with neither', async () => {
      const root = copyFixture('project-neglected');
      remove(root, 'migrations');
      const none = (await checksOf(root)).get('rollback')!;
      assert.equal(none.status, 'fail');
      assert.deepEqual(evidence(none), ['package.json:8 uses the database client pg, without reversible migrations']);
      write(root, { 'helm/shop/Chart.yaml': 'apiVersion: v2\nname: shop\nversion: 1.4.2\n' });
      const helm = (await checksOf(root)).get('rollback')!;
      assert.equal(helm.status, 'pass');
      assert.deepEqual(evidence(helm), ['helm/shop/Chart.yaml:3 a versioned Helm chart']);
      remove(root, 'helm');
      write(root, { '.github/workflows/deploy.yml': 'steps:\n  - run: docker build -t registry/shop:${{ github.sha }} .\n' });
      assert.equal((await checksOf(root)).get('rollback')!.status, 'pass');
    });
  });

  describe('tests for each domain’s core', () => {
    it('counts tests outside the domains (excluded folders too) that reach a core through its public API', async () => {
      const root = copyFixture('project-neglected');
      const config = fs.readFileSync(`${root}/foundations.json`, 'utf8');
      fs.writeFileSync(`${root}/foundations.json`, config.replace('"domains"', '"exclude": ["test/**"],\n  "domains"'));
      write(root, { 'test/billing.spec.ts': "import { invoiceTotal } from '../src/billing';\ninvoiceTotal([1]);\n" });
      const core = (await checksOf(root)).get('core-tests')!;
      assert.equal(core.status, 'pass', core.summary);
      assert.ok(evidence(core).includes('test/billing.spec.ts tests the core of billing (1 of 1 core files reached by 1 test file)'));
    });
  });

  describe('contract tests', () => {
    it('counts a test that pins the adapter with a contract library, not one that merely imports it', async () => {
      const root = copyFixture('project-neglected');
      write(root, { 'src/accounts/adapters/crm-sync.test.ts': "import nock from 'nock';\nimport { syncToCrm } from './crm-sync';\nnock('https://crm.example').post('/v1/contacts').reply(201);\nvoid syncToCrm('a@b.c');\n" });
      const contract = (await checksOf(root)).get('contract-tests')!;
      assert.equal(contract.status, 'pass');
      assert.deepEqual(evidence(contract), ['src/accounts/adapters/crm-sync.test.ts contract test of src/accounts/adapters/crm-sync.ts']);
    });
  });

  describe('Definition of Done', () => {
    it('accepts a pull request checklist, or a "Definition of Done" section in a document', async () => {
      const root = copyFixture('project-neglected');
      write(root, { '.github/pull_request_template.md': '## Checklist\n\n- [ ] tests added\n- [ ] docs updated\n' });
      const template = (await checksOf(root)).get('definition-of-done')!;
      assert.equal(template.status, 'pass');
      assert.deepEqual(evidence(template), ['.github/pull_request_template.md:3 a pull request checklist of 2 items']);
      remove(root, '.github/pull_request_template.md');
      write(root, { 'CONTRIBUTING.md': '# Contributing\n\nRun the tests.\n\n## Definition of Done\n\nTested, reviewed, deployed to staging.\n' });
      assert.deepEqual(evidence((await checksOf(root)).get('definition-of-done')), ['CONTRIBUTING.md:5 a "Definition of Done" section']);
    });
  });

  it('recomputes after a change to a file the checks read', async () => {
    const root = copyFixture('project-neglected');
    const session = await scanned(root);
    assert.equal(session.projectChecks().find((c) => c.id === 'definition-of-done')?.status, 'fail');
    write(root, { 'DEFINITION_OF_DONE.md': '# Done\n' });
    const revision = session.revision;
    session.update([{ type: 'disk', file: `${root}/DEFINITION_OF_DONE.md`, event: 'created' }]);
    assert.ok(session.revision > revision);
    assert.equal(session.projectChecks().find((c) => c.id === 'definition-of-done')?.status, 'pass');
  });
});
