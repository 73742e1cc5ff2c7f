import * as path from 'node:path';
import type { Evidence, ProjectCheck, ProjectContext } from './project-check';
import { lineOf } from './project-check';

/** The CI systems we recognise, by the files that configure them. */
const CI_SYSTEMS: { name: string; files: (ctx: ProjectContext, base: string) => string[] }[] = [
  { name: 'GitHub Actions', files: (ctx, base) => ctx.listFiles(join(base, '.github/workflows'), 0).filter((f) => /\.ya?ml$/.test(f)) },
  { name: 'GitLab CI', files: (ctx, base) => existing(ctx, [join(base, '.gitlab-ci.yml'), join(base, '.gitlab-ci.yaml')]) },
  {
    name: 'Azure Pipelines',
    files: (ctx, base) => [
      ...existing(ctx, [join(base, 'azure-pipelines.yml'), join(base, 'azure-pipelines.yaml')]),
      ...ctx.listFiles(join(base, '.azure-pipelines'), 1).filter((f) => /\.ya?ml$/.test(f)),
      ...ctx.listFiles(join(base, '.azuredevops'), 1).filter((f) => /pipelines?.*\.ya?ml$/.test(f)),
    ],
  },
  { name: 'CircleCI', files: (ctx, base) => existing(ctx, [join(base, '.circleci/config.yml'), join(base, '.circleci/config.yaml')]) },
  { name: 'Jenkins', files: (ctx, base) => existing(ctx, [join(base, 'Jenkinsfile')]) },
  { name: 'Bitbucket Pipelines', files: (ctx, base) => existing(ctx, [join(base, 'bitbucket-pipelines.yml')]) },
];

/** Commands that run a test suite. */
const TEST_COMMAND =
  /\b(?:npm|pnpm|yarn|bun)\s+(?:run\s+)?test\b|\bnpm\s+t\b|\bnpm\s+(?:install-test|it|cit)\b|\bnpx\s+(?:jest|vitest|mocha|ava|tap|playwright\s+test|cypress\s+run|c8|nyc)\b|(?:^|[\s'"`;&|(])(?:jest|vitest|mocha|ava|c8|nyc)(?=\s|$|['"`;&|)])|\bnode\s+--test\b|\b(?:bun|deno)\s+test\b/m;

/** `npm run x` / `yarn x` / `pnpm x`: the package script a command calls. */
const RUN_SCRIPT = /\b(?:npm\s+run(?:-script)?|pnpm(?:\s+run)?|yarn(?:\s+run)?|bun\s+run)\s+([\w:.-]+)/g;

/** A shell script a pipeline calls (`bash scripts/ci.sh`, `./ci/run`). */
const SHELL_SCRIPT = /(?:\b(?:bash|sh)\s+|(?:^|\s)\.\/)([\w./-]+)/g;

export const ciPipeline: ProjectCheck = {
  id: 'ci-pipeline',
  foundation: 'production-devops',
  title: 'CI pipeline runs the tests',
  rationale:
    'CI/CD from the first sprint: every push is built and tested by a machine, the same way, so a change that breaks the build or the tests is caught before it is merged rather than on the day of a release. A pipeline that only builds (or lints) gives a green tick that says nothing about behaviour.',
  help: 'Add a pipeline (e.g. `.github/workflows/ci.yml`) that installs, builds and runs the tests (`npm test`) on every push and pull request — and runs `foundations check` too.',
  run(ctx) {
    const bases = ['', ...repositoryRootAbove(ctx)];
    const found: { system: string; file: string }[] = [];
    for (const base of bases) {
      for (const system of CI_SYSTEMS) for (const file of system.files(ctx, base)) found.push({ system: system.name, file });
      if (found.length > 0) break;
    }
    if (found.length === 0) {
      return {
        status: 'fail',
        summary: 'No CI pipeline: none of .github/workflows/*.yml, .gitlab-ci.yml, azure-pipelines.yml, .circleci/config.yml or a Jenkinsfile exists.',
        evidence: ctx.packageJson() ? [{ file: 'package.json', note: 'the project, but no pipeline builds or tests it' }] : [],
      };
    }
    const running: Evidence[] = [];
    const idle: Evidence[] = [];
    for (const { system, file } of found) {
      const text = ctx.read(file) ?? '';
      const hit = testCommandIn(ctx, text, new Set([file]), 0);
      if (hit) running.push({ file, line: lineOf(text, hit.line), note: `${system} runs the tests (${hit.how})` });
      else idle.push({ file, note: `${system} pipeline that runs no tests` });
    }
    if (running.length > 0) {
      return { status: 'pass', summary: `The ${listSystems(running)} pipeline runs the tests.`, evidence: [...running, ...idle] };
    }
    return {
      status: 'fail',
      summary: `A CI pipeline exists (${listSystems(idle)}) but none of it runs the tests.`,
      evidence: idle,
    };
  },
};

function listSystems(evidence: Evidence[]): string {
  return [...new Set(evidence.map((e) => e.note.split(' runs')[0].split(' pipeline')[0]))].join(', ');
}

function join(base: string, file: string): string {
  return base === '' ? file : `${base}/${file}`;
}

function existing(ctx: ProjectContext, files: string[]): string[] {
  return files.filter((f) => ctx.exists(f));
}

/**
 * In a monorepo the workspace folder may sit below the repository root, where the CI lives:
 * the folders up to (and including) the nearest one with `.git`, workspace-relative (`..`).
 */
function repositoryRootAbove(ctx: ProjectContext): string[] {
  if (ctx.host.directoryExists(`${ctx.root}/.git`) || ctx.host.fileExists(`${ctx.root}/.git`)) return [];
  const above: string[] = [];
  let dir = ctx.root;
  for (let i = 0; i < 8; i++) {
    const parent = path.posix.dirname(dir);
    if (parent === dir) return [];
    dir = parent;
    above.push(path.posix.relative(ctx.root, dir));
    if (ctx.host.directoryExists(`${dir}/.git`) || ctx.host.fileExists(`${dir}/.git`)) return above;
  }
  return [];
}

/** Whether a pipeline (or a script it calls, or a package script it runs) runs tests. */
function testCommandIn(ctx: ProjectContext, text: string, seen: Set<string>, depth: number): { line: string; how: string } | undefined {
  const direct = TEST_COMMAND.exec(text);
  if (direct) return { line: direct[0].trim(), how: `\`${direct[0].trim()}\`` };
  if (depth > 3) return undefined;
  const scripts = ctx.packageJson()?.scripts ?? {};
  for (const m of text.matchAll(RUN_SCRIPT)) {
    const name = m[1];
    if (seen.has(`script:${name}`) || scripts[name] === undefined) continue;
    seen.add(`script:${name}`);
    if (testCommandIn(ctx, scripts[name], seen, depth + 1)) return { line: m[0], how: `\`${m[0].trim()}\`, whose script runs them` };
  }
  for (const m of text.matchAll(SHELL_SCRIPT)) {
    const file = path.posix.normalize(m[1]);
    if (seen.has(file) || file.startsWith('..') || !ctx.exists(file)) continue;
    seen.add(file);
    const script = ctx.read(file);
    if (script && testCommandIn(ctx, script, seen, depth + 1)) return { line: m[0].trim(), how: `${file}, which runs them` };
  }
  return undefined;
}
