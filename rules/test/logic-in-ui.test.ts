import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Session } from '../index';
import { logicFacts } from '../semantic/logic-signals';
import { FIXTURES, copyFixture, scanned } from './helpers';
import { writeWorkspace } from './inline-workspace';

const RULE = 'logic-in-ui';

/** `file function` for every finding of the rule. */
function reported(session: Session, rule = RULE): string[] {
  return session
    .findings()
    .filter((f) => f.ruleId === rule)
    .map((f) => `${f.file.slice(session.root.length + 1)} ${String(f.data?.function)}`);
}

describe('logic-in-ui', () => {
  let corpus: Session;
  before(async () => {
    corpus = await scanned(`${FIXTURES}/logic-corpus`);
  });

  it('reports a pricing rule in a component on the function name, with its evidence, score and the core folder it belongs in', () => {
    const finding = corpus.findingsFor(`${corpus.root}/src/orders/ui/OrderSummary.tsx`).find((f) => f.ruleId === RULE);
    assert.ok(finding, 'computeDiscount is reported');
    const line = fs.readFileSync(finding.file, 'utf8').split('\n')[finding.range.start.line];
    assert.equal(line.slice(finding.range.start.character, finding.range.end.character), 'computeDiscount');
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /^"computeDiscount" makes business decisions in UI code: it .*subtotalCents.* score [\d.]+, threshold 3; move it to src\/orders\/core\.$/);
    assert.deepEqual(finding.layers, { from: 'ui', to: 'core' });
    assert.equal(finding.data?.targetFolder, 'src/orders/core');
    assert.ok((finding.data?.score as number) >= 3);
    const kinds = new Set((finding.data?.signals as { kind: string }[]).map((s) => s.kind));
    for (const kind of ['rate', 'threshold', 'cap']) assert.ok(kinds.has(kind), `signal ${kind} fired`);
  });

  it('finds logic in hooks, in callbacks of hooks, and in the body of a component', () => {
    const all = reported(corpus);
    for (const expected of [
      'src/orders/ui/useCheckoutTotals.ts useCheckoutTotals',
      'src/orders/ui/useReorderEligibility.ts useReorderEligibility',
      'src/customers/ui/LoyaltyBadge.tsx LoyaltyBadge',
      'src/orders/ui/OrderActions.tsx OrderActions',
      'src/customers/components/ReferralBanner.tsx isEligibleForReferral',
      'src/customers/components/ReferralBanner.tsx referralReward',
    ]) {
      assert.ok(all.includes(expected), expected);
    }
  });

  it('stays silent on formatting, layout math, CSS toggles, display sorting and paging, and input validation', () => {
    for (const file of [
      'src/orders/ui/OrderList.tsx',
      'src/customers/components/CustomerAvatar.tsx',
      'src/pricing/components/DiscountBadge.tsx',
      'src/pricing/components/PriceHistoryChart.tsx',
      'src/orders/ui/OrderStatusBadge.tsx',
      'src/orders/ui/useCheckoutAnalytics.ts',
      'src/customers/ui/CustomerProfileForm.tsx',
      'src/orders/components/OrderTimeline.tsx',
    ]) {
      assert.deepEqual(corpus.findingsFor(`${corpus.root}/${file}`).filter((f) => f.ruleId === RULE), [], file);
    }
  });

  it('generalises to components it has never seen', async () => {
    const root = writeWorkspace({
      'foundations.json': '{ "domains": { "shop": { "path": "src/shop" } } }',
      'src/shop/core/types.ts': "export type Tier = 'basic' | 'plus' | 'pro';\nexport interface Cart { lines: { sku: string; qty: number; priceCents: number; weightKg: number; taxCode: 'std' | 'reduced' }[]; country: string; tier: Tier }\nexport const FREE_SHIPPING_CENTS = 5_000;\n",
      // Business logic, each written differently.
      'src/shop/ui/ShippingEstimate.tsx': `import type { Cart } from '../core/types';
export function shippingFeeFor(cart: Cart): number {
  const weight = cart.lines.reduce((kg, l) => kg + l.weightKg * l.qty, 0);
  let fee = weight > 20 ? 1_500 : weight > 5 ? 900 : 500;
  if (cart.country !== 'DE') fee += 700;
  if (cart.tier === 'pro') fee = 0;
  return fee;
}
export function ShippingEstimate({ cart }: { cart: Cart }) {
  return <p>Shipping: {(shippingFeeFor(cart) / 100).toFixed(2)} €</p>;
}
`,
      'src/shop/ui/usePoints.ts': `import { useMemo } from 'react';
import type { Cart } from '../core/types';
export function usePoints(cart: Cart, isMember: boolean) {
  return useMemo(() => {
    const total = cart.lines.reduce((sum, l) => sum + l.priceCents * l.qty, 0);
    let points = Math.floor(total / 100) * (isMember ? 2 : 1);
    if (total > 50_000) points += 500;
    if (cart.tier === 'plus') points = Math.round(points * 1.1);
    return points;
  }, [cart, isMember]);
}
`,
      'src/shop/ui/TaxBreakdown.tsx': `import type { Cart } from '../core/types';
function taxFor(line: Cart['lines'][number], country: string): number {
  switch (line.taxCode) {
    case 'std': return Math.round(line.qty * line.priceCents * (country === 'DE' ? 0.19 : 0.2));
    case 'reduced': return Math.round(line.qty * line.priceCents * (country === 'DE' ? 0.07 : 0.055));
  }
}
export function TaxBreakdown({ cart }: { cart: Cart }) {
  return <p>Tax: {(cart.lines.reduce((sum, line) => sum + taxFor(line, cart.country), 0) / 100).toFixed(2)}</p>;
}
`,
      // Presentation only, with the habits a naive rule would flag.
      'src/shop/ui/BarChart.tsx': `export function BarChart({ values, max, barWidth = 24 }: { values: number[]; max: number; barWidth?: number }) {
  return <svg>{values.map((value, i) => { const barHeight = (value / max) * 100; return <rect key={i} x={i * (barWidth + 8) + 4} y={120 - barHeight} height={barHeight} />; })}</svg>;
}
`,
      'src/shop/ui/usePager.ts': `import { useState } from 'react';
export function usePager(total: number, perPage = 25) {
  const [page, setPage] = useState(1);
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  return { page, setPage, totalPages, canNext: page < totalPages, from: (page - 1) * perPage + 1, to: Math.min(page * perPage, total) };
}
`,
      'src/shop/ui/CountdownLabel.tsx': `export function formatRemaining(seconds: number): string {
  if (seconds <= 0) return 'ended';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 90) return \`\${minutes} min\`;
  const hours = Math.round(minutes / 60);
  return hours > 48 ? \`\${Math.round(hours / 24)} days\` : \`\${hours} h\`;
}
export function CountdownLabel({ seconds }: { seconds: number }) {
  return <span className={seconds < 300 ? 'countdown countdown--urgent' : 'countdown'}>{formatRemaining(seconds)}</span>;
}
`,
      'src/shop/ui/FreeShippingBar.tsx': `import { FREE_SHIPPING_CENTS } from '../core/types';
export function FreeShippingBar({ subtotalCents }: { subtotalCents: number }) {
  const percent = Math.min(100, (subtotalCents / FREE_SHIPPING_CENTS) * 100);
  const missing = Math.max(0, FREE_SHIPPING_CENTS - subtotalCents);
  return <div style={{ width: \`\${percent}%\` }}>{missing > 0 ? \`Add \${(missing / 100).toFixed(2)} €\` : 'Free shipping!'}</div>;
}
`,
      'src/shop/ui/UsageMeter.tsx': `export function UsageMeter({ used, quota }: { used: number; quota: number }) {
  const ratio = quota > 0 ? used / quota : 0;
  const color = ratio > 0.9 ? 'red' : ratio > 0.75 ? 'orange' : 'green';
  return <div style={{ width: \`\${Math.min(100, Math.round(ratio * 100))}%\`, background: color }} />;
}
`,
      'src/shop/ui/useFetchState.ts': `import { useReducer } from 'react';
type State = { status: 'idle' | 'loading' | 'success' | 'error'; error?: string };
function reducer(state: State, action: { type: 'start' } | { type: 'done' } | { type: 'fail'; error: string }): State {
  switch (action.type) {
    case 'start': return { ...state, status: 'loading' };
    case 'done': return { ...state, status: 'success' };
    case 'fail': return { ...state, status: 'error', error: action.error };
  }
}
export const useFetchState = () => useReducer(reducer, { status: 'idle' });
`,
      'src/shop/ui/PriceRules.test.tsx': "import { shippingFeeFor } from './ShippingEstimate';\nit('charges abroad', () => expect(shippingFeeFor({ lines: [], country: 'FR', tier: 'basic' }) > 1_000 ? 0.5 * 3 : 0).toBe(1.5));\n",
    });
    const session = await scanned(root);
    assert.deepEqual(reported(session).sort(), ['src/shop/ui/ShippingEstimate.tsx shippingFeeFor', 'src/shop/ui/TaxBreakdown.tsx taxFor', 'src/shop/ui/usePoints.ts usePoints']);
    assert.equal(session.findings().find((f) => f.ruleId === RULE)?.data?.targetFolder, 'src/shop/core');
  });

  it('stays silent on what real component libraries do: hook-kept handlers, presence checks, grid layout, HTTP polling', async () => {
    const root = writeWorkspace({
      'foundations.json': '{ "domains": { "site": { "path": "src/site", "publicApi": "*" } } }',
      // react-admin's DateInput: two handlers kept by a hook, each validating input (they used to add up on the component).
      'src/site/components/DateInput.tsx': `import React from 'react';
import { useEvent } from './useEvent';
export const DateInput = ({ field }: any) => {
  const localInputRef = React.useRef<HTMLInputElement>(null);
  const handleChange = useEvent((event: React.ChangeEvent<HTMLInputElement>) => {
    const target = event.target;
    const newValue = target.value;
    const isNewValueValid = newValue === '' || (target.valueAsDate != null && !isNaN(new Date(target.valueAsDate).getTime()));
    if (newValue !== '' && newValue != null && isNewValueValid) field.onChange(newValue);
  });
  const handleBlur = useEvent(() => {
    if (!localInputRef.current) return;
    const newValue = localInputRef.current.value;
    const isNewValueValid = newValue === '' || (localInputRef.current.valueAsDate != null && !isNaN(new Date(localInputRef.current.valueAsDate).getTime()));
    if (isNewValueValid && field.value !== newValue) field.onChange(newValue ?? '');
  });
  return <input type="date" ref={localInputRef} onChange={handleChange} onBlur={handleBlur} />;
};
`,
      'src/site/components/useEvent.ts': 'export const useEvent = <T,>(fn: T) => fn;\n',
      // EverShop's category mosaic: how many grid columns to draw.
      'src/site/components/Grid.tsx': `export function Grid({ tiles, layout }: { tiles: string[]; layout: string }) {
  const cols = tiles.length > 4 ? 4 : tiles.length;
  const asymmetric = layout === 'asymmetric' && (cols === 3 || cols === 4);
  return <div data-cols={cols}>{asymmetric ? 'a' : 'b'}</div>;
}
`,
      // A dev-server reloader polling until the server answers.
      'src/site/components/Reloader.tsx': `import React from 'react';
import axios from 'axios';
export function Reloader() {
  React.useEffect(() => {
    const timer = setInterval(async () => {
      const response = await axios.get('/', { validateStatus: (status) => status >= 200 && status <= 500 });
      if (response.status === 200) window.location.reload();
    }, 300);
    return () => clearInterval(timer);
  }, []);
  return null;
}
`,
      // Business logic kept by a hook is still found, under the handler's name.
      'src/site/components/Checkout.tsx': `import { useCallback } from 'react';
export function Checkout({ cart, customer, pay }: any) {
  const onPay = useCallback(() => {
    const discount = customer.tier === 'gold' ? cart.totalCents * 0.1 : 0;
    if (cart.totalCents - discount > 100_000 && customer.riskScore > 70) return;
    pay(Math.min(cart.totalCents - discount, 500_000));
  }, [cart, customer]);
  return <button onClick={onPay}>Pay</button>;
}
`,
    });
    assert.deepEqual(reported(await scanned(root)), ['src/site/components/Checkout.tsx onPay']);
  });

  it('sends the logic to a conventional core folder, never to a folder that is core only because no glob matched it', async () => {
    const ui = `export function CartTotal({ lines, tier }: { lines: { priceCents: number; qty: number }[]; tier: string }) {
  const subtotal = lines.reduce((sum, l) => sum + l.priceCents * l.qty, 0);
  const discount = tier === 'gold' && subtotal > 10_000 ? subtotal * 0.15 : tier === 'silver' && subtotal > 5_000 ? subtotal * 0.05 : 0;
  return <span>{subtotal - discount}</span>;
}
`;
    const helpers = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`src/cart/ArrayInput/helper${i}.ts`, `export const h${i} = ${i};\n`]));
    const target = async (files: Record<string, string>) => {
      const session = await scanned(writeWorkspace({ 'foundations.json': '{ "domains": { "cart": { "path": "src/cart", "publicApi": "*" } } }', 'src/cart/ui/CartTotal.tsx': ui, ...helpers(3), ...files }));
      return session.findings().find((f) => f.ruleId === RULE)?.data?.targetFolder;
    };
    assert.equal(await target({}), 'src/cart/domain', 'the core globs name domain/ first');
    assert.equal(await target({ 'src/cart/services/pricing.ts': 'export const rate = 1;\n' }), 'src/cart/services');
    assert.equal(await target({ 'src/cart/services/pricing.ts': 'export const rate = 1;\n', 'src/cart/core/money.ts': 'export const cents = 100;\n' }), 'src/cart/core');
  });

  it('takes its threshold from the rule options', async () => {
    const root = copyFixture('logic-corpus');
    const config = `${root}/foundations.json`;
    const strict = fs.readFileSync(config, 'utf8').replace('"logic-in-ui": "warning"', '"logic-in-ui": ["warning", { "minScore": 1 }]');
    fs.writeFileSync(config, strict);
    const lenient = reported(await scanned(root)).length;
    fs.writeFileSync(config, strict.replace('"minScore": 1', '"minScore": 50'));
    assert.deepEqual(reported(await scanned(root)), []);
    assert.ok(lenient > reported(corpus).length, 'a lower threshold reports more');
  });

  it('re-scores only the edited file when a UI file changes', async () => {
    const root = copyFixture('logic-corpus');
    const session = await scanned(root);
    const file = `${root}/src/orders/ui/OrderSummary.tsx`;
    const collect = logicFacts.collect;
    const collected: string[] = [];
    logicFacts.collect = (sf) => {
      collected.push(sf.fileName);
      return collect(sf);
    };
    try {
      const text = fs.readFileSync(file, 'utf8').replace('let rate = subtotalCents >= 20_000 ? 0.1 : 0;', 'let rate = 0;').replace('rate += 0.05;', '').replace(', 10_000)', ', subtotalCents)');
      const result = session.update([{ type: 'buffer', file, text }]);
      assert.deepEqual(collected, [file], 'facts were computed again for the edited file only');
      assert.deepEqual(result.files, [file]);
      assert.deepEqual(session.findingsFor(file).filter((f) => f.ruleId === RULE), []);
    } finally {
      logicFacts.collect = collect;
    }
  });
});
