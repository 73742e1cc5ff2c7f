import ts = require('typescript');
import { parseSourceFile } from '../graph/extract-imports';
import type { Evidence, ProjectCheck, ProjectContext } from './project-check';
import { MAX_EVIDENCE, lineOf, listSome } from './project-check';

/** Folders that hold schema migrations (knex, sequelize, typeorm, mikro-orm, node-pg-migrate, prisma, dbmate…). */
const MIGRATIONS_DIR = /^(migrations?|migrate)$/;
const SCRIPT = /\.[cm]?[jt]s$/;

type Verdict = { reversible: true; how: string } | { reversible: false; why: string; line?: number } | undefined;

/** Deployment descriptions: a project that has one deploys, so it needs a way back. */
const DEPLOY_FILES = ['Dockerfile', 'docker-compose.yml', 'docker-compose.yaml', 'compose.yml', 'compose.yaml', 'Procfile', 'serverless.yml', 'serverless.yaml', 'fly.toml', 'vercel.json', 'netlify.toml', 'app.yaml', 'render.yaml', 'railway.json', 'k8s', 'kubernetes', 'deploy', 'helm', 'charts', 'terraform'];

/** Release tooling that versions every release (so a previous version can be redeployed). */
const RELEASE_FILES = ['.releaserc', '.releaserc.json', '.releaserc.yml', '.releaserc.yaml', '.releaserc.js', '.releaserc.cjs', 'release.config.js', 'release.config.cjs', 'release-please-config.json', '.release-please-manifest.json', '.changeset/config.json', '.release-it.json', '.release-it.yml', '.release-it.js'];

/** A CI step that tags a build with its commit or version. */
const VERSIONED_IMAGE = /(docker\s+(build|tag|push)|docker\/build-push-action|buildx|skaffold|helm\s+upgrade|kubectl\s+set\s+image|gcloud\s+(app|run)\s+deploy|aws\s+(ecs|lambda)\s+update)[\s\S]{0,600}?(github\.sha|GITHUB_SHA|CI_COMMIT_SHA|CI_COMMIT_SHORT_SHA|CI_COMMIT_TAG|BUILD_BUILDID|BUILD_SOURCEVERSION|CIRCLE_SHA1|GIT_COMMIT|github\.ref_name|npm_package_version|steps\.[\w-]+\.outputs\.(version|tag|tags)|\$\{?VERSION\}?|\$\{?TAG\}?)/;

export const rollback: ProjectCheck = {
  id: 'rollback',
  foundation: 'production-devops',
  title: 'Deploys can be rolled back',
  rationale:
    'Rollback capability: if you cannot deploy safely early, you will not later. A bad release must be undoable in minutes — the previous version redeployed (versioned builds) and the schema taken back (a `down` for each migration). A migration without a way back turns every deploy that touches the database into a one-way door.',
  help: 'Give every migration a `down` that undoes its `up` (knex/sequelize `down`, typeorm `down(queryRunner)`, a `down.sql` next to each prisma `migration.sql`), and tag each deployable build with its version or commit so the previous one can be redeployed.',
  run(ctx) {
    const migrations = findMigrations(ctx);
    const versioned = versionedDeploys(ctx);
    if (migrations.length > 0) {
      const irreversible = migrations.filter((m) => m.verdict && !m.verdict.reversible);
      const reversible = migrations.filter((m) => m.verdict?.reversible);
      const dirs = [...new Set(migrations.map((m) => m.dir))];
      if (irreversible.length === 0 && reversible.length > 0) {
        return {
          status: 'pass',
          summary: `Every migration can be rolled back (${reversible.length} in ${listSome(dirs)}, each with a down).`,
          evidence: [...dirs.map((dir): Evidence => ({ file: dir, folder: true, note: `${reversible.filter((m) => m.dir === dir).length} migrations, each with a down` })), ...versioned].slice(0, MAX_EVIDENCE),
        };
      }
      if (irreversible.length > 0) {
        return {
          status: 'fail',
          summary: `${irreversible.length} of ${irreversible.length + reversible.length} migrations cannot be rolled back (${listSome(irreversible.map((m) => m.file.slice(m.file.lastIndexOf('/') + 1)))}).`,
          evidence: irreversible
            .map((m): Evidence => ({ file: m.file, line: m.verdict && !m.verdict.reversible ? m.verdict.line : undefined, note: m.verdict && !m.verdict.reversible ? m.verdict.why : '' }))
            .slice(0, MAX_EVIDENCE),
        };
      }
    }
    if (versioned.length > 0) {
      return { status: 'pass', summary: `Deploys are versioned, so the previous version can be redeployed (${versioned[0].file}).`, evidence: versioned };
    }
    const pkg = ctx.packageJson();
    const database = pkg && Object.keys(pkg.dependencies).find((d) => ctx.config.databasePackages.match(d));
    const deploy = DEPLOY_FILES.filter((f) => ctx.exists(f) || ctx.host.directoryExists(`${ctx.root}/${f}`));
    if (!database && deploy.length === 0) {
      return { status: 'not-applicable', summary: 'No database migrations and no deployment configuration: there is nothing to roll back yet.', evidence: [] };
    }
    const evidence: Evidence[] = [];
    if (database && pkg) evidence.push({ file: pkg.file, line: lineOf(pkg.text, `"${database}"`), note: `uses the database client ${database}, without reversible migrations` });
    for (const f of deploy) evidence.push({ file: f, ...(ctx.host.directoryExists(`${ctx.root}/${f}`) ? { folder: true } : {}), note: 'deploys, but nothing tags builds with a version to roll back to' });
    return {
      status: 'fail',
      summary: `${database ? `The project uses ${database}` : `The project deploys (${deploy[0]})`}, but has neither reversible migrations nor versioned deploys.`,
      evidence,
    };
  },
};

interface Migration {
  dir: string;
  file: string;
  verdict: Verdict;
}

function findMigrations(ctx: ProjectContext): Migration[] {
  const result: Migration[] = [];
  for (const dir of ctx.findDirectories(MIGRATIONS_DIR, 5)) {
    const files = ctx.listFiles(dir, 1);
    // Prisma: one folder per migration with migration.sql (a down.sql beside it makes it reversible).
    for (const file of files.filter((f) => f.endsWith('/migration.sql'))) {
      const folder = file.slice(0, file.lastIndexOf('/'));
      result.push({
        dir,
        file,
        verdict: files.includes(`${folder}/down.sql`) ? { reversible: true, how: 'down.sql' } : { reversible: false, why: 'no down.sql next to this prisma migration' },
      });
    }
    for (const file of files.filter((f) => f.slice(dir.length + 1).indexOf('/') < 0)) {
      if (SCRIPT.test(file) && !/\.d\.[mc]?ts$/.test(file)) {
        const verdict = scriptVerdict(file, ctx.read(file) ?? '');
        if (verdict) result.push({ dir, file, verdict });
      } else if (file.endsWith('.sql')) {
        const verdict = sqlVerdict(file, ctx.read(file) ?? '', files);
        if (verdict) result.push({ dir, file, verdict });
      }
    }
  }
  return result;
}

/** `001_init.up.sql` + `001_init.down.sql` (golang-migrate), `-- migrate:down` (dbmate), `V1__x.sql` + `U1__x.sql` (Flyway). */
function sqlVerdict(file: string, text: string, siblings: string[]): Verdict {
  if (/\.down\.sql$/.test(file) || /(^|\/)U\d[^/]*\.sql$/.test(file)) return undefined;
  if (/\.up\.sql$/.test(file)) {
    return siblings.includes(file.replace(/\.up\.sql$/, '.down.sql')) ? { reversible: true, how: '.down.sql' } : { reversible: false, why: `no ${file.slice(file.lastIndexOf('/') + 1).replace(/\.up\.sql$/, '.down.sql')} beside it` };
  }
  const flyway = /(^|\/)V(\d[\w.]*)__([^/]*)\.sql$/.exec(file);
  if (flyway) {
    const undo = file.replace(/(^|\/)V(\d[\w.]*__[^/]*\.sql)$/, '$1U$2');
    return siblings.includes(undo) ? { reversible: true, how: 'undo migration' } : { reversible: false, why: 'no U… undo migration for this Flyway migration' };
  }
  if (/^\s*--\s*migrate:up/m.test(text)) {
    const down = /^\s*--\s*migrate:down[^\n]*\n([\s\S]*)$/m.exec(text);
    if (!down) return { reversible: false, why: 'no -- migrate:down section', line: lineOf(text, /--\s*migrate:up/) };
    return /\S/.test(down[1].replace(/--[^\n]*/g, '')) ? { reversible: true, how: 'migrate:down' } : { reversible: false, why: 'its -- migrate:down section is empty', line: lineOf(text, /--\s*migrate:down/) };
  }
  if (/\/migration\.sql$/.test(file)) return undefined;
  return { reversible: false, why: 'a plain SQL migration with no way back' };
}

/**
 * A JavaScript/TypeScript migration: an `up` with a `down` beside it, as an export
 * (`export async function down`, `exports.down =`, `module.exports = { up, down }`) or a method
 * (typeorm/mikro-orm classes). A `down` that does nothing, or `exports.down = false`
 * (node-pg-migrate's "irreversible"), is no way back. Files without an `up` are not migrations.
 */
function scriptVerdict(file: string, text: string): Verdict {
  let sf: ts.SourceFile;
  try {
    sf = parseSourceFile(file, text);
  } catch {
    return undefined;
  }
  const members = new Map<string, ts.Node>();
  const note = (name: string, node: ts.Node) => {
    if ((name === 'up' || name === 'down') && !members.has(name)) members.set(name, node);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionDeclaration(node) && node.name) note(node.name.text, node);
    else if (ts.isMethodDeclaration(node) && ts.isIdentifier(node.name)) note(node.name.text, node);
    else if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name)) note(node.name.text, node.initializer);
    else if (ts.isShorthandPropertyAssignment(node)) note(node.name.text, node);
    else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) note(node.name.text, node.initializer);
    else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left)) {
      note(node.left.name.text, node.right);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  if (!members.has('up')) return undefined;
  const down = members.get('down');
  const lineAt = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
  if (!down) return { reversible: false, why: 'an up without a down', line: lineAt(members.get('up')!) };
  if (down.kind === ts.SyntaxKind.FalseKeyword || down.kind === ts.SyntaxKind.NullKeyword) return { reversible: false, why: 'its down is declared irreversible', line: lineAt(down) };
  const body = functionBody(down);
  if (body && ts.isBlock(body) && body.statements.length === 0) return { reversible: false, why: 'its down does nothing', line: lineAt(down) };
  return { reversible: true, how: 'down' };
}

function functionBody(node: ts.Node): ts.ConciseBody | undefined {
  if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node)) return node.body;
  return undefined;
}

/** Evidence that each release is a version one can go back to. */
function versionedDeploys(ctx: ProjectContext): Evidence[] {
  const evidence: Evidence[] = [];
  for (const chart of [...ctx.findDirectories(/^(helm|charts?)$/, 2).flatMap((d) => ctx.listFiles(d, 2)), ...ctx.listFiles('', 0)].filter((f) => /(^|\/)Chart\.ya?ml$/.test(f))) {
    const text = ctx.read(chart) ?? '';
    if (/^version:/m.test(text)) evidence.push({ file: chart, line: lineOf(text, /^version:/m), note: 'a versioned Helm chart' });
  }
  for (const file of RELEASE_FILES) if (ctx.exists(file)) evidence.push({ file, note: 'release tooling versions every release' });
  const pipelines = [
    ...ctx.listFiles('.github/workflows', 0),
    ...['.gitlab-ci.yml', 'azure-pipelines.yml', '.circleci/config.yml', 'Jenkinsfile', 'bitbucket-pipelines.yml'].filter((f) => ctx.exists(f)),
  ];
  for (const file of pipelines) {
    const text = ctx.read(file) ?? '';
    const m = VERSIONED_IMAGE.exec(text);
    if (m) evidence.push({ file, line: lineOf(text, m[0].split('\n')[0]), note: 'tags each deployed build with its commit or version' });
  }
  return evidence;
}
