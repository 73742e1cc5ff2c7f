import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Finding } from '../model';
import { applyPlan, changedFiles, snapshotTree, typeErrors } from './fix-helpers';
import { brief, copyFixture, scanned } from './helpers';

/** A logic finding as the logic rules report it: on the function's name, naming the core folder. */
function logicFinding(root: string, file: string, name: string): Finding {
  const text = fs.readFileSync(`${root}/${file}`, 'utf8');
  const lines = text.split('\n');
  const line = lines.findIndex((l) => new RegExp(`\\b(function|const) ${name}\\b`).test(l));
  const character = lines[line].indexOf(name);
  return {
    ruleId: 'logic-in-ui',
    severity: 'warning',
    file: `${root}/${file}`,
    range: { start: { line, character }, end: { line, character: character + name.length } },
    message: `"${name}" makes business decisions in UI code`,
    data: { function: name, targetFolder: 'src/customers/core' },
  };
}

/** An integration file's lines: a request type and the refund rules logic-in-integration reports. */
const REFUND_HANDLER = [
  'export interface RefundRequest {',
  '  amount: number;',
  '  daysSincePurchase: number;',
  '  isMember: boolean;',
  '}',
  '',
  'export function handleRefund(req: RefundRequest): number {',
  '  if (req.daysSincePurchase > 30) return 0;',
  '  const rate = req.isMember ? 1 : 0.9;',
  '  if (req.amount > 500) return Math.round(req.amount * rate * 0.95);',
  '  return req.amount * rate;',
  '}',
  '',
];

describe('engine: move-to-core (TypeScript "Move to file")', () => {
  it('moves the function into the domain core, rewrites its user, exports it from the public API; it still compiles', async () => {
    const root = copyFixture('logic-corpus');
    const session = await scanned(root);
    const finding = logicFinding(root, 'src/customers/ui/CreditLimitPanel.tsx', 'computeCreditLimit');
    const offer = session.fixesFor(finding).find((o) => o.fixId === 'move-to-core')!;
    assert.equal(offer.title, 'Move "computeCreditLimit" to src/customers/core/compute-credit-limit.ts (domain core)');
    assert.equal(offer.kind, 'refactor.move');
    assert.equal(offer.isPreferred, true);
    const before = snapshotTree(root);
    const boundaryBefore = brief(session);
    applyPlan(session.computeFix(finding, 'move-to-core'));

    assert.deepEqual(changedFiles(before, snapshotTree(root)), ['src/customers/core/compute-credit-limit.ts', 'src/customers/index.ts', 'src/customers/ui/CreditLimitPanel.tsx']);
    const moved = fs.readFileSync(`${root}/src/customers/core/compute-credit-limit.ts`, 'utf8');
    assert.match(moved, /export function computeCreditLimit\(profile: CreditProfile, customerSinceYears: number\): number \{/);
    assert.match(moved, /import type \{ CreditProfile \} from '\.\/types';/);
    const panel = fs.readFileSync(`${root}/src/customers/ui/CreditLimitPanel.tsx`, 'utf8');
    assert.ok(!panel.includes('function computeCreditLimit'));
    assert.match(panel, /import \{ computeCreditLimit \} from '\.\.\/core\/compute-credit-limit';/);
    assert.ok(panel.includes('function utilisationBarWidth'), 'presentation logic stays');
    assert.match(fs.readFileSync(`${root}/src/customers/index.ts`, 'utf8'), /export \{ computeCreditLimit \} from '\.\/core\/compute-credit-limit';\n$/);
    assert.deepEqual(typeErrors(root), []);
    assert.deepEqual(
      brief(await scanned(root)),
      boundaryBefore.filter((f) => !f.startsWith('logic-in-ui src/customers/ui/CreditLimitPanel.tsx:14:')),
      'the finding is gone and no new one appeared',
    );
  });

  it('points the public API re-exports of the moved names at the new file; single quotes kept, no blank first line; it still compiles', async () => {
    const root = copyFixture('shop');
    fs.writeFileSync(
      `${root}/src/billing/adapters/refund-handler.ts`,
      [
        ...REFUND_HANDLER,
        'export function refundReceiptLabel(id: string): string {',
        '  return `Refund ${id}`;',
        '}',
        '',
      ].join('\n'),
    );
    fs.writeFileSync(`${root}/src/billing/ui/RefundButton.tsx`, "import { handleRefund, type RefundRequest } from '../adapters/refund-handler';\n\nexport const refundLabel = (req: RefundRequest): string => String(handleRefund(req));\n");
    fs.appendFileSync(`${root}/src/billing/index.ts`, "export { handleRefund, refundReceiptLabel } from './adapters/refund-handler';\n");
    fs.writeFileSync(`${root}/src/orders/core/returns.ts`, "import { handleRefund } from '@shop/billing';\n\nexport const refundFor = (amount: number): number => handleRefund({ amount, daysSincePurchase: 1, isMember: false });\n");
    const session = await scanned(root);
    const finding = session.findings().find((f) => f.ruleId === 'logic-in-integration')!;
    assert.equal(finding.data?.function, 'handleRefund');
    applyPlan(session.computeFix(finding, 'move-to-core'));

    assert.deepEqual(fs.readFileSync(`${root}/src/billing/index.ts`, 'utf8').split('\n').slice(3), [
      "export { refundReceiptLabel } from './adapters/refund-handler';",
      "export { handleRefund } from './core/handle-refund';",
      '',
    ]);
    assert.match(fs.readFileSync(`${root}/src/billing/core/handle-refund.ts`, 'utf8'), /^export interface RefundRequest \{\n(?:.*\n){3}\}\n\nexport function handleRefund/, 'the moved declarations a blank line apart');
    const button = fs.readFileSync(`${root}/src/billing/ui/RefundButton.tsx`, 'utf8');
    assert.equal(button.split('\n')[0], "import { handleRefund, type RefundRequest } from '../core/handle-refund';", 'one import of the new file, not one per moved name');
    assert.ok(!button.includes('"'), button);
    assert.deepEqual(typeErrors(root), []);
  });

  it('deletes the file a move leaves empty; the comment after the last statement stays, and with it the file', async () => {
    const root = copyFixture('shop');
    const handler = `${root}/src/billing/adapters/refund-handler.ts`;
    fs.writeFileSync(handler, REFUND_HANDLER.join('\n'));
    fs.writeFileSync(`${root}/src/billing/ui/RefundButton.tsx`, "import { handleRefund, type RefundRequest } from '../adapters/refund-handler';\n\nexport const refundLabel = (req: RefundRequest): string => String(handleRefund(req));\n");
    fs.appendFileSync(`${root}/src/billing/index.ts`, "export { handleRefund } from './adapters/refund-handler';\n");
    const session = await scanned(root);
    const plan = session.computeFix(session.findings().find((f) => f.ruleId === 'logic-in-integration')!, 'move-to-core');
    assert.deepEqual(plan.deletes, [{ file: handler }]);
    assert.ok(plan.edits.some((e) => e.file === handler), 'it is emptied too, for a client that cannot delete files');
    applyPlan(plan);
    assert.ok(!fs.existsSync(handler));
    assert.match(fs.readFileSync(`${root}/src/billing/core/handle-refund.ts`, 'utf8'), /^export interface RefundRequest \{/);
    assert.deepEqual(typeErrors(root), []);

    const kept = copyFixture('shop');
    fs.writeFileSync(`${kept}/src/billing/adapters/refund-handler.ts`, [...REFUND_HANDLER, '// Partial refunds come next.', ''].join('\n'));
    const keptSession = await scanned(kept);
    const keptPlan = keptSession.computeFix(keptSession.findings().find((f) => f.ruleId === 'logic-in-integration')!, 'move-to-core');
    assert.deepEqual(keptPlan.deletes, []);
    applyPlan(keptPlan);
    assert.equal(fs.readFileSync(`${kept}/src/billing/adapters/refund-handler.ts`, 'utf8').trim(), '// Partial refunds come next.', 'TypeScript deleted the comment after the last statement with it');
  });

  it('moves into an existing core file the user picks', async () => {
    const root = copyFixture('logic-corpus');
    const session = await scanned(root);
    const finding = logicFinding(root, 'src/customers/ui/CreditLimitPanel.tsx', 'computeCreditLimit');
    const offer = session.fixesFor(finding).find((o) => o.fixId === 'move-to-existing-core-file')!;
    assert.equal(offer.input?.kind, 'pick-file');
    assert.ok(offer.input?.kind === 'pick-file' && offer.input.choices.includes('src/customers/core/credit.ts'));
    assert.ok(!offer.input.choices.includes('src/customers/core/types.ts'), 'a file the moved code depends on is not offered');
    assert.throws(() => session.computeFix(finding, 'move-to-existing-core-file', { file: 'src/orders/core/x.ts' }), /not a core file of the domain/);
    applyPlan(session.computeFix(finding, 'move-to-existing-core-file', { file: 'src/customers/core/credit.ts' }));
    assert.match(fs.readFileSync(`${root}/src/customers/core/credit.ts`, 'utf8'), /export function computeCreditLimit/);
    assert.deepEqual(typeErrors(root), []);
  });

  it('is disabled, with the reason, for logic nested inside another function', async () => {
    const root = copyFixture('logic-corpus');
    const session = await scanned(root);
    const finding = { ...logicFinding(root, 'src/customers/ui/CreditLimitPanel.tsx', 'computeCreditLimit'), data: { function: 'limitInsideComponent', targetFolder: 'src/customers/core' } };
    const offer = session.fixesFor(finding).find((o) => o.fixId === 'move-to-core')!;
    assert.match(offer.disabledReason!, /declared inside another function; extract it to module scope first/);
    const method = { ...finding, data: { function: 'OrdersController.create', targetFolder: 'src/customers/core' } };
    assert.match(session.fixesFor(method).find((o) => o.fixId === 'move-to-core')!.disabledReason!, /is a method/);
  });
});

describe('engine: move-to-adapter (SDK and database code out of the core)', () => {
  it('moves the code that uses a payment SDK into a new adapter; it compiles and the finding is gone', async () => {
    const root = copyFixture('shop');
    const session = await scanned(root);
    const finding = session.findings().find((f) => f.ruleId === 'third-party-outside-adapter')!;
    const offer = session.fixesFor(finding).find((o) => o.fixId === 'move-to-adapter')!;
    assert.equal(offer.title, 'Move the code that uses "stripe" into the existing src/billing/adapters/stripe-gateway.ts (integration layer)');
    const before = brief(session);
    applyPlan(session.computeFix(finding, 'move-to-adapter'));
    assert.match(fs.readFileSync(`${root}/src/billing/adapters/stripe-gateway.ts`, 'utf8'), /export async function charge\(amount: number\)/);
    assert.ok(!fs.readFileSync(`${root}/src/billing/core/charge.ts`, 'utf8').includes("from 'stripe'"));
    assert.deepEqual(typeErrors(root), []);
    assert.deepEqual(brief(await scanned(root)), before.filter((f) => !f.startsWith('third-party-outside-adapter')));
  });

  it('moves database code into a new repository in the data layer', async () => {
    const root = copyFixture('shop');
    const session = await scanned(root);
    const finding = session.findings().find((f) => f.ruleId === 'database-access-outside-data-layer')!;
    const offer = session.fixesFor(finding).find((o) => o.fixId === 'move-to-adapter')!;
    assert.equal(offer.title, 'Move the code that uses "pg" into the existing src/billing/data/invoice-repository.ts (data layer)');
    const before = brief(session);
    applyPlan(session.computeFix(finding, 'move-to-adapter'));
    assert.deepEqual(typeErrors(root), []);
    assert.deepEqual(brief(await scanned(root)), before.filter((f) => !f.startsWith('database-access-outside-data-layer')));
  });
});
