/**
 * Built-in defaults, so a small project only has to declare its domains.
 */

export const CONFIG_FILE_NAME = 'foundations.json';
export const DEFAULT_DEBT_FILE = 'foundations-debt.json';

/** Every `index.*` source file, so JavaScript projects get a public API without configuring one. */
export const DEFAULT_PUBLIC_API = ['index.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'];

/**
 * Order matters: the first layer whose glob matches a file wins. Folders, and the file names of the
 * conventions that name roles: React hooks (`useCart.ts`), Angular components, NestJS controllers,
 * resolvers and gateways, and NestJS or Angular modules, which wire a domain's parts together.
 */
export const DEFAULT_LAYERS: Record<string, string[]> = {
  ui: ['ui/**', 'components/**', 'pages/**', 'views/**', 'hooks/**', '**/*.tsx', '**/*.jsx', '**/use[A-Z]*.{ts,js}', '**/*.component.{ts,js}'],
  integration: ['adapters/**', 'api/**', 'http/**', 'clients/**', 'handlers/**', 'controllers/**', 'routes/**', 'consumers/**', '**/*.{controller,resolver,gateway,module}.{ts,js}'],
  data: ['data/**', 'repositories/**', 'db/**', 'persistence/**', 'migrations/**'],
  core: ['domain/**', 'core/**'],
};

export const DEFAULT_LAYER_DEPENDENCIES: Record<string, string[]> = {
  ui: ['core', 'ui'],
  integration: ['core', 'integration', 'data'],
  data: ['core', 'data'],
  core: ['core'],
};

/** A file matching no layer glob plays this role. */
export const FALLBACK_LAYER = 'core';

export const DEFAULT_DATABASE_PACKAGES = [
  'pg',
  'pg-promise',
  'postgres',
  'mysql',
  'mysql2',
  'mariadb',
  'mssql',
  'tedious',
  'oracledb',
  'sqlite3',
  'better-sqlite3',
  'mongodb',
  'mongoose',
  'redis',
  'ioredis',
  'cassandra-driver',
  'knex',
  'sequelize',
  'typeorm',
  'prisma',
  '@prisma/client',
  'drizzle-orm',
  'drizzle-orm/*',
  '@mikro-orm/*',
  'kysely',
  'objection',
  '@neondatabase/serverless',
  '@planetscale/database',
];

export const DEFAULT_ADAPTER_ONLY_PACKAGES = [
  'stripe',
  'aws-sdk',
  '@aws-sdk/*',
  '@google-cloud/*',
  '@azure/*',
  'firebase-admin',
  'twilio',
  '@sendgrid/*',
  'mailgun.js',
  'nodemailer',
  '@slack/web-api',
  'braintree',
  '@paypal/checkout-server-sdk',
  'openai',
  '@anthropic-ai/sdk',
  '@octokit/rest',
  'kafkajs',
  'amqplib',
];

/** Source files the engine reads. */
export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** Folders never scanned, whatever .gitignore says. */
export const ALWAYS_IGNORED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);
