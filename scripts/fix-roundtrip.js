// Round-trip of every quick fix (run after `tsc`): `npm run fix-roundtrip [-- fixture…]`.
// For each fixture, every fix offered for every finding is applied alone to a private copy;
// the copy is type-checked and re-checked, then restored. A fix passes when the code compiles
// as before, its finding is gone (or, for accepted debt, shown as information), and no other
// finding appeared.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const ts = require('typescript');
const { Session, createNodeHost, applyEdits, fingerprintOf } = require('../out/rules');

const FIXTURES = path.join(__dirname, '..', 'test-fixtures');
const DEFAULT = ['shop', 'paths-alias', 'monorepo', 'js-require', 'logic-corpus', 'shared-state-corpus', 'routes-express'];
/** Answers for fixes that ask the user something. */
const ANSWERS = { reason: 'round-trip test', expiry: '2999-12-31' };

function typeChecker(root) {
  const configFile = ts.findConfigFile(root, ts.sys.fileExists, 'tsconfig.json');
  if (!configFile || !configFile.startsWith(root)) return undefined;
  let previous;
  return () => {
    const read = ts.readConfigFile(configFile, ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(configFile));
    // Reusing the previous program keeps the unchanged files' work: seconds become milliseconds.
    previous = ts.createProgram({ rootNames: parsed.fileNames, options: { ...parsed.options, noEmit: true }, oldProgram: previous });
    return ts.getPreEmitDiagnostics(previous).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
  };
}

// A finding is identified the way the debt register does it (rule, file, what it is about), not by
// its line or message: a message that counts places changes when a fix handles one of them.
const key = (f) => `${f.ruleId}|${f.file}|${fingerprintOf(f)}`;

async function roundTrip(name, totals, failures) {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `foundations-roundtrip-${name}-`)));
  fs.cpSync(path.join(FIXTURES, name), root, { recursive: true });
  const session = Session.open(root, createNodeHost({ trusted: false }));
  await session.scan();
  const typeErrors = typeChecker(root);
  const baselineErrors = typeErrors ? typeErrors().length : 0;
  const baseline = session.findings();
  for (const finding of baseline) {
    for (const offer of session.fixesFor(finding)) {
      if (offer.disabledReason) {
        totals.disabled++;
        continue;
      }
      const args = offer.input?.kind === 'pick-file' ? { file: offer.input.choices[0] } : ANSWERS;
      const stat = (totals.byFix[offer.fixId] ??= { applied: 0, compiled: 0, cleared: 0, clean: 0 });
      const current = session.findingAt(finding.file, finding.ruleId, finding.range) ?? finding;
      let plan;
      try {
        plan = session.computeFix(current, offer.fixId, args);
      } catch (err) {
        failures.push(`${name}: ${offer.fixId} on ${finding.ruleId} ${path.relative(root, finding.file)}: ${err.message}`);
        stat.applied++;
        continue;
      }
      const saved = new Map();
      const touch = (file) => saved.has(file) || saved.set(file, fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined);
      for (const c of plan.creates) touch(c.file);
      for (const e of plan.edits) touch(e.file);
      for (const c of plan.creates) {
        fs.mkdirSync(path.dirname(c.file), { recursive: true });
        fs.writeFileSync(c.file, c.text);
      }
      for (const e of plan.edits) fs.writeFileSync(e.file, applyEdits(fs.readFileSync(e.file, 'utf8'), e.edits));
      const deleted = new Set(plan.deletes.map((d) => d.file));
      for (const file of deleted) fs.rmSync(file);
      const eventOf = (file, before) => (before === undefined ? 'created' : deleted.has(file) ? 'deleted' : 'changed');
      const events = [...saved].map(([file, before]) => ({ type: 'disk', file, event: eventOf(file, before) }));
      session.update(events);

      stat.applied++;
      const compiles = !typeErrors || typeErrors().length <= baselineErrors;
      const after = session.findings();
      // Findings are counted by rule, file and message (lines move when a fix inserts one).
      const count = (list, k, predicate = () => true) => list.filter((f) => key(f) === k && predicate(f)).length;
      const active = (f) => f.severity !== 'info' || finding.severity === 'info';
      const cleared = count(after, key(finding), active) < count(baseline, key(finding));
      const appeared = [...new Set(after.map(key))].filter((k) => count(after, k, active) > count(baseline, k)).map((k) => after.find((f) => key(f) === k));
      if (compiles) stat.compiled++;
      if (cleared) stat.cleared++;
      if (appeared.length === 0) stat.clean++;
      if (!compiles || !cleared || appeared.length > 0) {
        const why = [!compiles && 'does not compile', !cleared && 'finding remains', appeared.length > 0 && `new: ${appeared.map((f) => `${f.ruleId} ${path.relative(root, f.file)}`).join(', ')}`].filter(Boolean).join('; ');
        failures.push(`${name}: ${offer.fixId} on ${finding.ruleId} ${path.relative(root, finding.file)}:${finding.range.start.line + 1} — ${why}`);
      }

      // Restore the copy for the next fix.
      for (const [file, text] of saved) {
        if (text === undefined) fs.rmSync(file);
        else fs.writeFileSync(file, text);
      }
      session.update([...saved].map(([file, text]) => ({ type: 'disk', file, event: text === undefined ? 'deleted' : deleted.has(file) ? 'created' : 'changed' })));
    }
  }
  fs.rmSync(root, { recursive: true, force: true });
}

(async () => {
  const names = process.argv.slice(2).length > 0 ? process.argv.slice(2) : DEFAULT;
  const totals = { byFix: {}, disabled: 0 };
  const failures = [];
  const started = Date.now();
  for (const name of names) await roundTrip(name, totals, failures);
  console.log(`fix round-trip on ${names.join(', ')} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  console.log('fix                          applied  compile  cleared  no new finding');
  let all = 0;
  let passed = 0;
  for (const [id, s] of Object.entries(totals.byFix).sort()) {
    console.log(`${id.padEnd(28)} ${String(s.applied).padStart(7)}  ${String(s.compiled).padStart(7)}  ${String(s.cleared).padStart(7)}  ${String(s.clean).padStart(14)}`);
    all += s.applied;
  }
  passed = all - new Set(failures).size;
  console.log(`\n${passed}/${all} fixes applied cleanly (${all ? ((100 * passed) / all).toFixed(1) : '100.0'}%); ${totals.disabled} offers shown disabled with a reason.`);
  for (const f of failures) console.log(`  ✖ ${f}`);
  process.exitCode = failures.length > 0 ? 1 : 0;
})();
