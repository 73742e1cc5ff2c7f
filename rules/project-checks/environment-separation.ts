import ts = require('typescript');
import { parseSourceFile } from '../graph/extract-imports';
import type { Evidence, ProjectCheck, ProjectContext } from './project-check';
import { MAX_EVIDENCE, isTestFile, lineOf } from './project-check';

/** Code that reads its environment. */
const READS_ENV = /\bprocess\.env\b|\bimport\.meta\.env\b|\bDeno\.env\b|\bBun\.env\b/;

/** Templates that document the variables without values: meant to be committed. */
const ENV_TEMPLATE = /^\.env\.(example|sample|template|dist|defaults)$|^(example|sample)\.env$/;

/** Per-environment files (.env.production, config/production.json, environment.prod.ts…). */
const ENV_NAMES = '(development|dev|production|prod|staging|stage|test|testing|qa|uat|preview|local)';
const PER_ENV_DOTENV = new RegExp(`^\\.env\\.${ENV_NAMES}$`);
const PER_ENV_CONFIG = new RegExp(`^(?:(?:config|settings|environment|env)[.-])?${ENV_NAMES}\\.(json|jsonc|ya?ml|[cm]?[jt]s|toml|env)$`);
const CONFIG_DIRS = ['config', 'configs', 'env', 'environments', 'src/config', 'src/environments', 'deploy', 'deployments'];

/** A variable whose value must not be in the repository. */
const SECRET_KEY = /(SECRET|PASSW(OR)?D|PASS$|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL|AUTH|DATABASE_URL|DB_URL|CONNECTION_STRING|DSN)/i;
const PLACEHOLDER = /^(|changeme|change-me|xxx+|\*+|<.*>|\$\{.*\}|your[-_].*|todo|replace.*|example.*|dummy.*|test|secret|password)$/i;

/** Libraries that load configuration per environment. */
const CONFIG_PACKAGES = ['dotenv', 'dotenv-flow', 'dotenv-expand', 'env-cmd', 'config', 'convict', '@nestjs/config', 'envalid', 'env-var', '@t3-oss/env-core', '@t3-oss/env-nextjs', 'nconf'];

export const environmentSeparation: ProjectCheck = {
  id: 'environment-separation',
  foundation: 'production-devops',
  title: 'Environments are separated',
  rationale:
    'Environment separation, even if lightweight: the same build runs in development, staging and production with different configuration, supplied by the environment. Configuration baked into code, or a committed `.env` with real credentials, means a test run can hit production, and a leaked repository leaks every secret.',
  help: 'Read configuration from the environment; commit a `.env.example` (names, no values) or per-environment config files (`config/production.json`), and keep `.env` with real values out of the repository (`.gitignore`).',
  run(ctx) {
    // Ignored files too: a .env kept out of git is the right thing, and worth naming.
    const rootFiles = ctx.host.readDirectory(ctx.root).filter((e) => e.kind === 'file').map((e) => e.name);
    const dotenvFiles = rootFiles.filter((f) => f === '.env' || f.startsWith('.env.') || f.endsWith('.env'));
    const committedSecrets: Evidence[] = [];
    for (const file of [...dotenvFiles, ...allDotenvIncludingIgnored(ctx)].filter((f, i, all) => all.indexOf(f) === i)) {
      if (ENV_TEMPLATE.test(file) || ctx.isIgnored(file)) continue;
      const text = ctx.read(file) ?? '';
      const secret = secretIn(text);
      if (secret) committedSecrets.push({ file, line: secret.line, note: `${secret.key} has a value, and ${file} is not in .gitignore` });
    }
    const separation: Evidence[] = [];
    for (const file of dotenvFiles) {
      if (ENV_TEMPLATE.test(file)) separation.push({ file, note: 'documents the environment variables (template)' });
      else if (PER_ENV_DOTENV.test(file) && !committedSecrets.some((e) => e.file === file)) separation.push({ file, note: 'per-environment settings' });
    }
    for (const dir of CONFIG_DIRS) {
      for (const file of ctx.listFiles(dir, 1)) {
        const base = file.slice(file.lastIndexOf('/') + 1);
        if (PER_ENV_CONFIG.test(base) || ENV_TEMPLATE.test(base)) separation.push({ file, note: 'per-environment configuration' });
      }
    }
    const pkg = ctx.packageJson();
    const configPackage = pkg && CONFIG_PACKAGES.find((p) => pkg.dependencies[p] !== undefined);
    const reader = firstEnvReader(ctx);

    if (committedSecrets.length > 0) {
      return {
        status: 'fail',
        summary: `${committedSecrets[0].file} with real values is committed (not in .gitignore): secrets and environment-specific settings belong in the environment, not the repository.`,
        evidence: [...committedSecrets, ...separation].slice(0, MAX_EVIDENCE),
      };
    }
    if (separation.length > 0) {
      const evidence = [...separation];
      if (configPackage) evidence.push({ file: 'package.json', line: lineOf(pkg.text, `"${configPackage}"`), note: `loads configuration with ${configPackage}` });
      return { status: 'pass', summary: `Configuration comes from the environment, documented per environment (${separation[0].file}).`, evidence: evidence.slice(0, MAX_EVIDENCE) };
    }
    if (!reader && !configPackage && dotenvFiles.length === 0) {
      return { status: 'not-applicable', summary: 'The code reads no environment variables or configuration files: there is nothing to separate.', evidence: [] };
    }
    const evidence: Evidence[] = [];
    if (reader) evidence.push(reader);
    if (configPackage && pkg) evidence.push({ file: 'package.json', line: lineOf(pkg.text, `"${configPackage}"`), note: `uses ${configPackage}` });
    for (const file of dotenvFiles) {
      evidence.push({ file, note: ctx.isIgnored(file) ? 'kept out of the repository, but nothing documents what it must contain' : 'one set of values for every environment' });
    }
    return {
      status: 'fail',
      summary: 'The code reads its environment, but no .env.example or per-environment configuration says what each environment needs.',
      evidence,
    };
  },
};

/** `.env` files in the usual places below the root too (a monorepo's app folder). */
function allDotenvIncludingIgnored(ctx: ProjectContext): string[] {
  const out: string[] = [];
  for (const dir of ['config', 'src', 'server', 'app']) {
    for (const file of ctx.listFiles(dir, 0)) if (/(^|\/)\.env(\.[\w-]+)?$/.test(file)) out.push(file);
  }
  return out;
}

function secretIn(text: string): { key: string; line: number } | undefined {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(lines[i]);
    if (!m || !SECRET_KEY.test(m[1])) continue;
    const value = m[2].replace(/\s+#.*$/, '').trim().replace(/^(['"])(.*)\1$/, '$2');
    if (!PLACEHOLDER.test(value)) return { key: m[1], line: i };
  }
  return undefined;
}

function firstEnvReader(ctx: ProjectContext): Evidence | undefined {
  for (const file of ctx.sourceFiles) {
    // Application code only: tests and tooling read the environment for their own reasons.
    const where = ctx.model.membership(file);
    if (!where.domain || isTestFile(where.workspaceRelative)) continue;
    const text = ctx.host.readFile(file);
    // The text test is cheap; the parse confirms it is code, not a string or a comment that says so.
    if (!text || !READS_ENV.test(text)) continue;
    const read = environmentRead(file, text);
    if (read) return { file: ctx.relative(file), line: read.line, note: `reads ${read.what}` };
  }
  return undefined;
}

/** The first `process.env…` / `import.meta.env…` / `Deno.env` / `Bun.env` expression of a file. */
function environmentRead(file: string, text: string): { line: number; what: string } | undefined {
  let sf: ts.SourceFile;
  try {
    sf = parseSourceFile(file, text);
  } catch {
    return undefined;
  }
  let found: { line: number; what: string } | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isPropertyAccessExpression(node) && node.name.text === 'env') {
      const target = node.expression;
      const isEnv =
        (ts.isIdentifier(target) && /^(process|Deno|Bun)$/.test(target.text)) ||
        (ts.isMetaProperty(target) && target.keywordToken === ts.SyntaxKind.ImportKeyword && target.name.text === 'meta');
      if (isEnv) {
        const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
        found = { line, what: node.getText(sf) };
        return;
      }
    }
    if (ts.isPropertyAccessExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'env') {
      const inner = node.expression.expression;
      if ((ts.isIdentifier(inner) && /^(process|Deno|Bun)$/.test(inner.text)) || ts.isMetaProperty(inner)) {
        found = { line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line, what: node.getText(sf) };
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}
