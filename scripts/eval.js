// Precision and recall of the semantic rules on the labelled corpora in test-fixtures/ (run after
// `tsc`): `npm run eval`. Prints one line per rule and every case still wrong; exits 1 when a rule
// misses its target (precision ≥ 0.9, recall ≥ 0.85). rules/test/eval.test.ts runs the same numbers.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { Session, createNodeHost } = require('../out/rules');

const FIXTURES = path.join(__dirname, '..', 'test-fixtures');
const TARGETS = { precision: 0.9, recall: 0.85 };
const ROUTE_FIXTURES = ['routes-express', 'routes-fastify', 'routes-koa', 'routes-hono', 'routes-nestjs'];

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

async function scan(fixture) {
  const session = Session.open(path.join(FIXTURES, fixture), createNodeHost({ trusted: false }));
  await session.scan();
  const rel = (f) => f.file.slice(session.root.length + 1);
  return session.findings().map((f) => ({ ...f, rel: rel(f), line: f.range.start.line + 1 }));
}

function tally(rule, unit) {
  return { rule, unit, tp: 0, fp: 0, fn: 0, wrong: [] };
}

function ratios(t) {
  const precision = t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp);
  const recall = t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn);
  return { ...t, precision, recall, ok: precision >= TARGETS.precision && recall >= TARGETS.recall };
}

/** logic-in-ui / logic-in-integration: per labelled function. */
async function evaluateLogic() {
  const labels = readJson(path.join(FIXTURES, 'logic-corpus', 'labels.json')).logic;
  const findings = await scan('logic-corpus');
  const results = {};
  for (const rule of ['logic-in-ui', 'logic-in-integration']) {
    const t = tally(rule, 'function');
    const reported = findings.filter((f) => f.ruleId === rule);
    const labelled = new Set();
    for (const entry of labels.filter((e) => e.rule === rule)) {
      labelled.add(entry.file);
      const names = new Map(reported.filter((f) => f.rel === entry.file).map((f) => [f.data.function, f]));
      for (const fn of entry.functions) {
        if (names.has(fn)) t.tp++;
        else {
          t.fn++;
          t.wrong.push(`missed   ${entry.file} ${fn}`);
        }
      }
      for (const [name, f] of names) {
        if (entry.functions.includes(name)) continue;
        t.fp++;
        t.wrong.push(`reported ${entry.file}:${f.line} ${name} (score ${f.data.score}: ${f.data.signals.map((s) => s.detail).join('; ')})`);
      }
    }
    for (const f of reported.filter((r) => !labelled.has(r.rel))) {
      t.fp++;
      t.wrong.push(`reported ${f.rel}:${f.line} ${f.data.function} (file not labelled)`);
    }
    results[rule] = ratios(t);
  }
  return results;
}

/** shared-mutable-state: per labelled export, and per mutation site. */
async function evaluateSharedState() {
  const labels = readJson(path.join(FIXTURES, 'shared-state-corpus', 'labels.json')).sharedState;
  const findings = (await scan('shared-state-corpus')).filter((f) => f.ruleId === 'shared-mutable-state');
  const exportFindings = findings.filter((f) => Array.isArray(f.data.mutatedBy));
  const siteFindings = findings.filter((f) => !Array.isArray(f.data.mutatedBy));
  const exports = tally('shared-mutable-state', 'export');
  const sites = tally('shared-mutable-state', 'mutation site');
  const key = (file, name) => `${file}#${name}`;
  const positives = new Set(labels.filter((e) => e.positive).map((e) => key(e.exportFile, e.exportName)));
  const reportedExports = new Set(exportFindings.map((f) => key(f.rel, f.data.state)));
  const expectedSites = new Set();
  for (const entry of labels) {
    const k = key(entry.exportFile, entry.exportName);
    if (entry.positive) {
      if (reportedExports.has(k)) exports.tp++;
      else {
        exports.fn++;
        exports.wrong.push(`missed   export ${k}`);
      }
      for (const s of entry.mutationSites ?? []) {
        expectedSites.add(`${s.file}:${s.line}`);
        if (siteFindings.some((f) => f.rel === s.file && f.line === s.line)) sites.tp++;
        else {
          sites.fn++;
          sites.wrong.push(`missed   site ${s.file}:${s.line} (${entry.exportName})`);
        }
      }
    } else if (!positives.has(k) && reportedExports.has(k)) {
      exports.fp++;
      exports.wrong.push(`reported export ${k} (labelled negative: ${entry.why})`);
    }
  }
  for (const k of reportedExports) {
    if (!positives.has(k) && !labels.some((e) => key(e.exportFile, e.exportName) === k)) {
      exports.fp++;
      exports.wrong.push(`reported export ${k} (not labelled)`);
    }
  }
  for (const f of siteFindings) {
    if (expectedSites.has(`${f.rel}:${f.line}`)) continue;
    sites.fp++;
    sites.wrong.push(`reported site ${f.rel}:${f.line} (${f.data.state}, ${f.data.operation})`);
  }
  return { exports: ratios(exports), sites: ratios(sites) };
}

/** unversioned-api-route: per labelled route registration, on every framework's fixture. */
async function evaluateRoutes() {
  const t = tally('unversioned-api-route', 'route');
  for (const fixture of ROUTE_FIXTURES) {
    const labels = readJson(path.join(FIXTURES, fixture, 'labels.json'));
    const findings = (await scan(fixture)).filter((f) => f.ruleId === 'unversioned-api-route');
    const at = (file, line) => findings.some((f) => f.rel === file && f.line === line);
    const labelled = new Set();
    for (const route of labels.routes) {
      labelled.add(`${route.file}:${route.line}`);
      const reported = at(route.file, route.line);
      if (route.expectFinding && reported) t.tp++;
      else if (route.expectFinding) {
        t.fn++;
        t.wrong.push(`missed   ${fixture} ${route.file}:${route.line} ${route.method} ${route.fullPath}`);
      } else if (reported) {
        t.fp++;
        t.wrong.push(`reported ${fixture} ${route.file}:${route.line} ${route.method} ${route.fullPath} (${route.versioned ? 'versioned' : 'exempt'})`);
      }
    }
    for (const f of findings.filter((x) => !labelled.has(`${x.rel}:${x.line}`))) {
      t.fp++;
      t.wrong.push(`reported ${fixture} ${f.rel}:${f.line} (not a labelled route: ${f.message})`);
    }
  }
  return ratios(t);
}

async function evaluate() {
  const logic = await evaluateLogic();
  const state = await evaluateSharedState();
  return [logic['logic-in-ui'], logic['logic-in-integration'], state.exports, state.sites, await evaluateRoutes()];
}

function format(results) {
  const lines = [];
  const pct = (x) => x.toFixed(2);
  for (const r of results) {
    lines.push(`${r.ok ? '✔' : '✖'} ${r.rule.padEnd(22)} per ${r.unit.padEnd(13)} precision ${pct(r.precision)}  recall ${pct(r.recall)}  (tp ${r.tp}, fp ${r.fp}, fn ${r.fn})`);
  }
  lines.push(`targets: precision ≥ ${TARGETS.precision}, recall ≥ ${TARGETS.recall}`);
  const wrong = results.flatMap((r) => r.wrong.map((w) => `  ${r.rule}: ${w}`));
  lines.push(wrong.length === 0 ? 'no case is wrong' : `still wrong (${wrong.length}):`, ...wrong);
  return lines.join('\n');
}

module.exports = { evaluate, format, TARGETS };

if (require.main === module) {
  evaluate().then(
    (results) => {
      console.log(format(results));
      process.exitCode = results.every((r) => r.ok) ? 0 : 1;
    },
    (err) => {
      console.error(err);
      process.exitCode = 2;
    },
  );
}
