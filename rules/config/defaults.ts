/**
 * Built-in defaults, so a small project only has to declare its domains.
 */

export const CONFIG_FILE_NAME = 'foundations.json';
export const DEFAULT_DEBT_FILE = 'foundations-debt.json';

/** Every `index.*` source file, so JavaScript projects get a public API without configuring one. */
export const DEFAULT_PUBLIC_API = ['index.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'];

/**
 * Order matters: the first layer whose glob matches a file wins. Folders, and the file names of the
 * conventions that name roles: React hooks (`useCart.ts`), Angular components and Ionic pages, NestJS
 * controllers, resolvers and gateways, NestJS or Angular modules (which wire a domain's parts
 * together), and ORM repositories and entities.
 *
 * A `pages/` folder holds pages, and also the server code of frameworks that route by folder: Next.js
 * API routes (`pages/api/`), EverShop's handlers. TypeScript writes JSX only in `.tsx`, so a `.ts` file
 * there is no page: a handler, or a helper the pages import, so no layer of its own (core, which
 * both may use). JavaScript writes JSX in `.js` too (Next.js pages), so a `.js` file outside
 * `pages/api/` stays ui. Core comes before data so that a domain entity in `domain/` is core.
 */
export const DEFAULT_LAYERS: Record<string, string[]> = {
  ui: ['ui/**', 'components/**', 'pages/*.{js,mjs,cjs}', 'pages/!(api)/**/*.{js,mjs,cjs}', 'views/**', 'hooks/**', '**/*.tsx', '**/*.jsx', '**/use[A-Z]*.{ts,js}', '**/*.{component,page}.{ts,js}'],
  integration: [
    'adapters/**',
    'api/**',
    'http/**',
    'clients/**',
    'handlers/**',
    'controllers/**',
    'routes/**',
    'consumers/**',
    '**/pages/api/**',
    '**/app/**/route.{ts,js}',
    '**/*.{controller,resolver,gateway,module}.{ts,js}',
  ],
  core: ['domain/**', 'core/**'],
  data: ['data/**', 'repositories/**', 'db/**', 'persistence/**', 'migrations/**', '**/*.{repository,entity}.{ts,js}'],
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
