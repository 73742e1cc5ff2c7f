import * as assert from 'node:assert/strict';
import type { Session } from '../index';
import { FIXTURES, scanned } from './helpers';
import { writeWorkspace } from './inline-workspace';

const RULE = 'logic-in-integration';

function reported(session: Session): string[] {
  return session
    .findings()
    .filter((f) => f.ruleId === RULE)
    .map((f) => `${f.file.slice(session.root.length + 1)} ${String(f.data?.function)}`);
}

describe('logic-in-integration', () => {
  let corpus: Session;
  before(async () => {
    corpus = await scanned(`${FIXTURES}/logic-corpus`);
  });

  it('reports decisions in controllers, handlers, consumers and adapters, named as a reader would name them', () => {
    const all = reported(corpus);
    for (const expected of [
      'src/pricing/http/promotionsController.ts PromotionsController.evaluate', // a method
      'src/orders/api/ordersController.ts createOrdersRouter', // an anonymous route handler inside a factory
      'src/customers/http/loyaltyEventsConsumer.ts handlePurchaseEvent', // a function declared inside another one
      'src/orders/http/marketplaceOrderImport.ts importMarketplaceOrder', // a named function expression
      'src/customers/adapters/creditBureauAdapter.ts CreditBureauAdapter.assessApplicant',
    ]) {
      assert.ok(all.includes(expected), expected);
    }
    const transitions = corpus.findingsFor(`${corpus.root}/src/orders/api/ordersController.ts`).find((f) => f.ruleId === RULE)!;
    assert.ok((transitions.data?.signals as { kind: string }[]).some((s) => s.kind === 'transition'), 'the status machine is evidence');
    assert.deepEqual(transitions.layers, { from: 'integration', to: 'core' });
  });

  it('stays silent on parsing, shape validation, DTO and error mapping, paging, retries and backoff', () => {
    for (const file of [
      'src/customers/api/customersRouter.ts',
      'src/customers/clients/crmClient.ts',
      'src/orders/adapters/erpOrderExport.ts',
      'src/orders/adapters/orderEventsConsumer.ts',
      'src/orders/api/orderQueryHandlers.ts',
      'src/pricing/clients/currencyRatesClient.ts',
      'src/pricing/adapters/stripePriceSync.ts',
    ]) {
      assert.deepEqual(corpus.findingsFor(`${corpus.root}/${file}`).filter((f) => f.ruleId === RULE), [], file);
    }
    const bureau = corpus.findingsFor(`${corpus.root}/src/customers/adapters/creditBureauAdapter.ts`).filter((f) => f.ruleId === RULE);
    assert.deepEqual(bureau.map((f) => f.data?.function), ['CreditBureauAdapter.assessApplicant'], 'rescaling the vendor score is mapping');
  });

  it('generalises to handlers and jobs it has never seen', async () => {
    const root = writeWorkspace({
      'foundations.json': '{ "domains": { "loans": { "path": "src/loans" } } }',
      'src/loans/core/types.ts': "export interface Loan { id: string; amountCents: number; termMonths: number; dueDate: string; customerId: string; status: 'draft' | 'submitted' | 'approved' | 'rejected' | 'void' }\nexport interface Applicant { incomeCents: number; defaults: number; age: number }\n",
      // A route handler at module level: known by its route.
      'src/loans/api/loanRoutes.ts': `import { Router } from 'express';
import type { Applicant, Loan } from '../core/types';
export const loanRoutes = Router();
loanRoutes.post('/v1/loans/:id/decision', (req: { body: { loan: Loan; applicant: Applicant } }, res: { json(x: unknown): void }) => {
  const { loan, applicant } = req.body;
  let status: Loan['status'] = 'approved';
  if (applicant.defaults > 0 || applicant.age < 21) status = 'rejected';
  else if (loan.amountCents > 2_500_000 && applicant.incomeCents * 3 < loan.amountCents) status = 'rejected';
  const interestRate = loan.termMonths > 36 ? 0.079 : 0.059;
  res.json({ ...loan, status, monthly: Math.round((loan.amountCents * (1 + interestRate)) / loan.termMonths) });
});
`,
      // State transitions of an entity.
      'src/loans/clients/loanEvents.ts': `import type { Loan } from '../core/types';
export function applyEvent(loan: Loan, event: { type: 'submit' | 'approve' | 'reject' }): Loan {
  if (loan.status === 'draft' && event.type === 'submit') return { ...loan, status: 'submitted' };
  if (loan.status === 'submitted' && event.type === 'approve') return { ...loan, status: 'approved' };
  if (loan.status === 'submitted' && event.type === 'reject') return { ...loan, status: 'rejected' };
  throw new Error(\`cannot \${event.type} a \${loan.status} loan\`);
}
`,
      'src/loans/adapters/dunningJob.ts': `import type { Loan } from '../core/types';
export class DunningJob {
  constructor(private readonly mailer: { send(to: string, template: string): Promise<void> }) {}
  async run(loans: Loan[], now: Date): Promise<Loan[]> {
    const updated: Loan[] = [];
    for (const loan of loans) {
      const overdueDays = (now.getTime() - Date.parse(loan.dueDate)) / 86_400_000;
      if (overdueDays > 45 && loan.amountCents < 10_000) updated.push({ ...loan, status: 'void' });
      else if (overdueDays > 14) await this.mailer.send(loan.customerId, overdueDays > 30 ? 'final-notice' : 'reminder');
    }
    return updated;
  }
}
`,
      // A method of a module-level object; guards that leave out what does not qualify.
      'src/loans/adapters/interestJob.ts': `export const interestJob = {
  async run(accounts: { id: string; balanceCents: number; type: 'savings' | 'checking' }[], save: (id: string, cents: number) => Promise<void>) {
    for (const account of accounts) {
      if (account.type !== 'savings' || account.balanceCents < 100_000) continue;
      const annualRate = account.balanceCents > 5_000_000 ? 0.035 : 0.02;
      await save(account.id, Math.round(account.balanceCents * (annualRate / 12)));
    }
  },
};
`,
      // Transport and mapping only.
      'src/loans/http/rateLimit.ts': `const hits = new Map<string, { count: number; since: number }>();
export function rateLimit(req: { ip: string; user?: { role: string } }, res: { status(c: number): { end(): void } }, next: () => void) {
  const now = Date.now();
  const entry = hits.get(req.ip) ?? { count: 0, since: now };
  if (now - entry.since > 60_000) { entry.count = 0; entry.since = now; }
  entry.count += 1;
  hits.set(req.ip, entry);
  if (entry.count > 100) return res.status(429).end();
  if (req.user?.role !== 'admin' && req.user?.role !== 'owner') return res.status(403).end();
  next();
}
`,
      'src/loans/clients/paymentClient.ts': `const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export class PaymentClient {
  constructor(private readonly baseUrl: string, private readonly maxAttempts = 4) {}
  async charge(body: { amountCents: number; currency: string }): Promise<{ id: string }> {
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(\`\${this.baseUrl}/charges\`, { method: 'POST', body: JSON.stringify({ amount: (body.amountCents / 100).toFixed(2) }) });
      if (response.ok) return (await response.json()) as { id: string };
      if (response.status < 500 && response.status !== 429) throw new Error(\`charge failed: \${response.status}\`);
      if (attempt + 1 >= this.maxAttempts) throw new Error('gave up');
      await sleep(Math.min(2 ** attempt * 250, 8_000) + Math.random() * 100);
    }
  }
}
`,
      'src/loans/api/errors.ts': `export function toHttpStatus(error: { code?: string }): number {
  if (error.code === 'NOT_FOUND') return 404;
  if (error.code === 'CONFLICT') return 409;
  return 500;
}
export function parseLimit(raw: string | undefined): number {
  const n = Number(raw ?? 20);
  return Number.isFinite(n) ? Math.min(Math.max(n, 1), 200) : 20;
}
`,
      'src/loans/adapters/vendorMapper.ts': `import type { Loan } from '../core/types';
interface VendorLoan { ref: string; principal: number; months: number; due: number; state: 'new' | 'ok' | 'declined' | 'cancelled'; client: string }
export function fromVendor(raw: VendorLoan): Loan {
  return { id: raw.ref, amountCents: Math.round(raw.principal * 100), termMonths: raw.months, dueDate: new Date(raw.due * 1000).toISOString(), customerId: raw.client,
    status: raw.state === 'ok' ? 'approved' : raw.state === 'declined' ? 'rejected' : raw.state === 'cancelled' ? 'void' : 'draft' };
}
`,
      'src/loans/http/webhook.ts': `const seen = new Set<string>();
export async function handleWebhook(req: { header(n: string): string | undefined; body: { id: string; created: number } }, res: { status(c: number): { end(): void } }) {
  const signature = req.header('x-signature');
  if (!signature || signature.length !== 64) return res.status(401).end();
  if (seen.has(req.body.id) || Date.now() / 1000 - req.body.created > 300) return res.status(200).end();
  seen.add(req.body.id);
  if (seen.size > 10_000) seen.clear();
  return res.status(202).end();
}
`,
    });
    const session = await scanned(root);
    assert.deepEqual(reported(session).sort(), [
      "src/loans/adapters/dunningJob.ts DunningJob.run",
      'src/loans/adapters/interestJob.ts interestJob.run',
      "src/loans/api/loanRoutes.ts loanRoutes.post('/v1/loans/:id/decision')",
      'src/loans/clients/loanEvents.ts applyEvent',
    ]);
  });
});
