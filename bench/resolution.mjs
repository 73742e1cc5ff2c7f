#!/usr/bin/env node
// Module resolution on its own, in one process, against a compiled engine (`tsc -p .` → out/):
//
//   node bench/resolution.mjs <workspace> [--runs 5] [--engine out/rules]
//
// Prints, as medians over --runs: the whole in-process scan (Session.open + scan) and the part
// of it spent in Resolver.resolve; then every import of every discovered file resolved again
// by a fresh Resolver ("resolve only", files already read and parsed). Pass --engine to measure
// another build (an older commit's out/rules) on the same machine for a before/after.

import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i < 0 ? fallback : args.splice(i, 2)[1];
};
const runs = Number(option('runs', '5'));
const engine = path.resolve(option('engine', path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'out', 'rules')));
const root = args[0] && path.resolve(args[0]);
if (!root || !Number.isInteger(runs) || runs < 1) {
  process.stderr.write('usage: node bench/resolution.mjs <workspace> [--runs N] [--engine out/rules]\n');
  process.exit(2);
}

const require = createRequire(import.meta.url);
const { Session, createNodeHost } = require(engine);
const { Resolver } = require(`${engine}/graph/resolver`);
const { extractImports } = require(`${engine}/graph/extract-imports`);
const { discoverSourceFiles } = require(`${engine}/workspace/discover-files`);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (since) => Number(process.hrtime.bigint() - since) / 1e6;

let inResolve = 0;
const resolve = Resolver.prototype.resolve;
Resolver.prototype.resolve = function timed(...resolveArgs) {
  const start = process.hrtime.bigint();
  try {
    return resolve.apply(this, resolveArgs);
  } finally {
    inResolve += ms(start);
  }
};

const scans = [];
const inScans = [];
for (let i = 0; i < runs; i++) {
  inResolve = 0;
  const start = process.hrtime.bigint();
  await Session.open(root, createNodeHost({ trusted: false })).scan();
  scans.push(ms(start));
  inScans.push(inResolve);
}

const host = createNodeHost({ trusted: false });
const files = discoverSourceFiles(host, root, () => false);
const imports = files.flatMap((file) => extractImports(file, host.readFile(file) ?? '').imports.map((i) => [i.specifier, file]));
const alone = [];
for (let i = 0; i < runs; i++) {
  const resolver = new Resolver(host, root);
  // Builds before the fast path have no known-file list.
  resolver.setKnownFiles?.(files);
  const start = process.hrtime.bigint();
  for (const [specifier, file] of imports) resolver.resolve(specifier, file);
  alone.push(ms(start));
}

const round = (x) => Math.round(x);
console.log(`${root}: ${files.length} files, ${imports.length} imports, ${runs} runs (medians, ms)`);
console.log(`scan ${round(median(scans))}  in resolve ${round(median(inScans))}  resolve only ${round(median(alone))}`);
