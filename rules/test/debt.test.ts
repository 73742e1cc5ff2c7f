import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { type DebtMark, type Finding, Session, acceptAsDebt, createNodeHost, fingerprintOf, pruneStaleDebt, removeDebtEntries } from '../index';
import { copyFixture } from './helpers';
import { addDebtEntries } from '../debt/debt-edits';

const TODAY = '2025-06-01';

async function open(root: string, today = TODAY): Promise<Session> {
  const session = Session.open(root, createNodeHost({ trusted: false }), { today: () => today });
  await session.scan();
  return session;
}

/** `rule file severity [debt status]`. */
function described(session: Session): string[] {
  return session.findings().map((f) => {
    const debt = f.data?.debt as DebtMark | undefined;
    return `${f.ruleId} ${f.file.slice(session.root.length + 1)} ${f.severity}${debt ? ` (${debt.status})` : ''}`;
  });
}

describe('engine: the debt register (foundations-debt.json)', () => {
  it('shows accepted findings as information, expired ones as errors, and the rest as they are', async () => {
    const session = await open(copyFixture('debt'));
    assert.deepEqual(described(session), [
      'console-in-core src/orders/core/audit.ts info (accepted)',
      'cross-domain-import src/orders/core/checkout.ts error',
      'public-api-bypass src/orders/core/checkout.ts info (accepted)',
      'cross-domain-import src/orders/core/refund.ts error (expired)',
    ]);
    const accepted = session.findings().find((f) => f.ruleId === 'public-api-bypass')!;
    assert.match(accepted.message, /^Accepted as debt \(catalog exports no price API until Q3; owner @orders-team; until 2099-12-31\): "src\/catalog\/core\/price\.ts" is internal/);
    assert.equal((accepted.data?.debt as DebtMark).originalSeverity, 'error');
    assert.match(session.findings().find((f) => f.ruleId === 'cross-domain-import' && f.file.endsWith('refund.ts'))!.message, /^Accepted debt expired on 2020-01-31 \(refunds were to move to billing in January\): /);
  });

  it('keeps the acceptance until the end of the expiry day', async () => {
    const root = copyFixture('debt');
    const onTheDay = await open(root, '2099-12-31');
    assert.equal(onTheDay.findings().find((f) => f.ruleId === 'public-api-bypass')?.severity, 'info');
    const dayAfter = await open(root, '2100-01-01');
    assert.equal(dayAfter.findings().find((f) => f.ruleId === 'public-api-bypass')?.severity, 'error');
  });

  it('reports stale entries as warnings in the register, with expired ones', async () => {
    const session = await open(copyFixture('debt'));
    assert.deepEqual(session.staleDebt().map((e) => `${e.index} ${e.rule} ${e.file}`), ['3 layer-violation src/orders/ui/OrderList.tsx']);
    assert.deepEqual(
      session.debtDiagnostics().map((d) => `${d.range.start.line + 1} ${d.severity} ${d.message}`),
      [
        '13 warning Expired on 2020-01-31: the cross-domain-import finding in src/orders/core/refund.ts is an error again. Fix it, or renew the entry with a new date and reason.',
        '27 warning No layer-violation finding in src/orders/ui/OrderList.tsx matches this entry any more (fixed, or moved): remove it, or run "foundations debt prune".',
      ],
    );
  });

  it('keeps the match when lines move, and loses it when the import is renamed', async () => {
    const session = await open(copyFixture('debt'));
    const file = `${session.root}/src/orders/core/checkout.ts`;
    const original = fs.readFileSync(file, 'utf8');
    const moved = `// A comment pushes everything down.\n\n\n${original}`;
    session.update([{ type: 'buffer', file, text: moved }]);
    const bypass = session.findingsFor(file).find((f) => f.ruleId === 'public-api-bypass')!;
    assert.equal(bypass.range.start.line, 3, 'the finding moved');
    assert.equal(bypass.severity, 'info', 'and is still accepted');
    assert.deepEqual(session.staleDebt().map((e) => e.index), [3]);

    // A different import is a different decision: not covered by the entry.
    session.update([{ type: 'buffer', file, text: original.replace('../../catalog/core/price', '../../catalog/core/price.ts') }]);
    assert.equal(session.findingsFor(file).find((f) => f.ruleId === 'public-api-bypass')?.severity, 'error');
    assert.deepEqual(session.staleDebt().map((e) => e.index), [0, 3]);
  });

  it('loses the match when the symbol a finding is about is renamed', async () => {
    const session = await open(copyFixture('debt'));
    const file = `${session.root}/src/orders/core/audit.ts`;
    const text = fs.readFileSync(file, 'utf8');
    session.update([{ type: 'buffer', file, text: `\n\n${text}` }]);
    assert.equal(session.findingsFor(file)[0].severity, 'info', 'moved: still accepted');
    session.update([{ type: 'buffer', file, text: text.replace('recordAudit', 'writeAudit') }]);
    assert.equal(session.findingsFor(file)[0].severity, 'warning', 'renamed: a new finding');
    assert.equal(fingerprintOf(session.findingsFor(file)[0]), 'console.log in writeAudit');
  });

  it('applies edits of the register buffer live, and says which files changed', async () => {
    const session = await open(copyFixture('debt'));
    const register = `${session.root}/foundations-debt.json`;
    const text = fs.readFileSync(register, 'utf8');
    const result = session.update([{ type: 'buffer', file: register, text: text.replace('"expires": "2020-01-31"', '"expires": "2030-01-31"') }]);
    assert.equal(result.debtChanged, true);
    assert.deepEqual(result.files.map((f) => f.slice(session.root.length + 1)), ['src/orders/core/refund.ts']);
    assert.equal(session.findingsFor(`${session.root}/src/orders/core/refund.ts`)[0].severity, 'info');
  });

  it('refuses an expiry that is no day of the calendar, in the register and in the "Accept as debt…" edit', async () => {
    const session = await open(copyFixture('debt'));
    const register = `${session.root}/foundations-debt.json`;
    const text = fs.readFileSync(register, 'utf8');
    const refund = `${session.root}/src/orders/core/refund.ts`;
    for (const impossible of ['2030-02-30', '2030-13-45']) {
      session.update([{ type: 'buffer', file: register, text: text.replace('"expires": "2020-01-31"', `"expires": "${impossible}"`) }]);
      assert.deepEqual(
        session.debtDiagnostics().filter((d) => d.severity === 'error').map((d) => d.message),
        ['"expires" must be a day that exists, as YYYY-MM-DD (the last day the debt is accepted).'],
        impossible,
      );
      assert.equal(session.findingsFor(refund)[0].severity, 'error', `${impossible}: the entry accepts nothing`);
    }
    session.update([{ type: 'buffer', file: register, text: text.replace('"expires": "2020-01-31"', '"expires": "2028-02-29"') }]);
    assert.equal(session.findingsFor(refund)[0].severity, 'info', 'a leap day exists');
    const checkout = session.findings().find((f) => f.ruleId === 'cross-domain-import' && f.file.endsWith('checkout.ts'))!;
    assert.throws(() => acceptAsDebt(session, checkout, { reason: 'orders will own pricing', expires: '2030-02-30' }), /the expiry "2030-02-30" is not a day that exists/);
  });

  it('reports a broken register in the register, and applies none of it', async () => {
    const session = await open(copyFixture('debt'));
    const register = `${session.root}/foundations-debt.json`;
    session.update([{ type: 'buffer', file: register, text: '{ "entries": [ { "rule": "public-api-bypass", "file": "src/orders/core/checkout.ts", "fingerprint": "import ../../catalog/core/price" } ] }' }]);
    assert.deepEqual(session.debtDiagnostics().map((d) => `${d.severity} ${d.message}`), [
      'error A debt entry needs a "reason": technical debt is a decision, and the reason is the decision written down.',
    ]);
    assert.ok(session.findings().every((f) => !f.data?.debt));
    session.update([{ type: 'buffer', file: register, text: '{ "entries": [ ' }]);
    assert.deepEqual(session.debtDiagnostics().map((d) => d.message), ['foundations-debt.json is not valid JSON: close bracket expected.'], 'the first failed expectation at the cut, in words, once');
  });

  it('adds an entry that accepts a finding (the "Accept as debt…" fix), creating the register when needed', async () => {
    const root = copyFixture('debt');
    fs.rmSync(`${root}/foundations-debt.json`);
    const session = await open(root);
    const finding = session.findings().find((f) => f.ruleId === 'cross-domain-import' && f.file.endsWith('checkout.ts')) as Finding;
    const created = acceptAsDebt(session, finding, { reason: 'orders will own pricing', owner: '@orders-team', expires: '2026-03-31' });
    assert.equal(created.exists, false);
    assert.match(created.text, /^\/\/ Technical debt accepted on purpose/);
    fs.writeFileSync(created.file, created.text);
    session.update([{ type: 'disk', file: created.file, event: 'created' }]);
    assert.equal(session.findingsFor(finding.file).find((f) => f.ruleId === 'cross-domain-import')?.severity, 'info');
    assert.deepEqual(session.debtEntries().map((e) => [e.rule, e.file, e.fingerprint, e.owner, e.expires]), [
      ['cross-domain-import', 'src/orders/core/checkout.ts', 'import ../../catalog/core/price', '@orders-team', '2026-03-31'],
    ]);

    // A second entry is inserted with an edit, keeping what is there.
    const audit = session.findings().find((f) => f.ruleId === 'console-in-core')!;
    const added = acceptAsDebt(session, audit, { reason: 'stdout is collected' });
    assert.equal(added.exists, true);
    assert.equal(added.edits.length, 1);
    assert.ok(added.text.startsWith(created.text.slice(0, created.text.indexOf('"entries"'))), 'the header comment stays');
    assert.deepEqual(JSON.parse(added.text.replace(/^\/\/.*$/gm, '')).entries.map((e: { rule: string }) => e.rule), ['cross-domain-import', 'console-in-core']);
    assert.throws(() => acceptAsDebt(session, audit, { reason: '  ' }), /needs a reason/);
  });

  it('accepts many findings in one edit after the last entry, whose comment stays with it, in the file\'s line ends', async () => {
    const session = await open(copyFixture('debt'));
    const findings = session.findings().filter((f) => !f.data?.debt && f.severity !== 'info');
    const text = '{\r\n  "entries": [\r\n    { "rule": "x", "file": "a.ts", "fingerprint": "f", "reason": "r" } // kept\r\n  ]\r\n}\r\n';
    const change = addDebtEntries(`${session.root}/foundations-debt.json`, text, session.root, [...findings, ...findings], { reason: 'baseline' });
    assert.ok(change.text.startsWith('{\r\n  "entries": [\r\n    { "rule": "x", "file": "a.ts", "fingerprint": "f", "reason": "r" }, // kept\r\n    {\r\n      "rule": '));
    assert.ok(!/[^\r]\n/.test(change.text), 'CRLF throughout');
    const entries = (JSON.parse(change.text.replace(/\/\/.*$/gm, '')) as { entries: { reason: string }[] }).entries;
    assert.equal(entries.length, 1 + findings.length, 'a finding given twice gets one entry');
  });

  it('prunes stale entries and keeps comments and formatting', async () => {
    const session = await open(copyFixture('debt'));
    const change = pruneStaleDebt(session)!;
    assert.equal(change.removed, 1);
    assert.ok(!change.text.includes('OrderList.tsx'));
    assert.ok(change.text.includes('// Accepted until the pricing API exists.'), 'comments stay');
    assert.ok(change.text.includes('"reason": "audit goes to stdout, collected by the platform"'));
    fs.writeFileSync(change.file, change.text);
    session.update([{ type: 'disk', file: change.file, event: 'changed' }]);
    assert.deepEqual(session.staleDebt(), []);
    assert.equal(session.debtEntries().length, 3);
    assert.equal(pruneStaleDebt(session), undefined);
    // Removing several at once removes the right ones.
    assert.deepEqual(JSON.parse(removeDebtEntries(change.file, change.text, [0, 2]).text.replace(/^\s*\/\/.*$/gm, '')).entries.map((e: { rule: string }) => e.rule), ['cross-domain-import']);
  });
});
