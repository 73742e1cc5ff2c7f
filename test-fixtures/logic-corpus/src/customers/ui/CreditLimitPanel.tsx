import { formatMoney, type CurrencyCode } from '../../shared';
import type { CreditProfile } from '../core/types';

interface CreditLimitPanelProps {
  profile: CreditProfile;
  currency: CurrencyCode;
  onRequestIncrease(): void;
}

/**
 * Credit line for invoice customers: 10% of annual revenue, 5% for medium risk,
 * nothing above risk 70; capped at €50k, raised by 20% after two clean years.
 */
function computeCreditLimit(profile: CreditProfile, customerSinceYears: number): number {
  if (profile.riskScore >= 70 || profile.overdueInvoices > 2) {
    return 0;
  }
  let limit = profile.annualRevenueCents * (profile.riskScore >= 40 ? 0.05 : 0.1);
  if (customerSinceYears >= 2 && profile.overdueInvoices === 0) {
    limit *= 1.2;
  }
  return Math.min(Math.round(limit), 5_000_000);
}

function utilisationBarWidth(usedCents: number, limitCents: number): string {
  if (limitCents <= 0) return '100%';
  return `${Math.min(100, Math.round((usedCents / limitCents) * 100))}%`;
}

export function CreditLimitPanel({ profile, currency, onRequestIncrease }: CreditLimitPanelProps) {
  const limit = computeCreditLimit(profile, 3);

  return (
    <section className="credit-panel">
      <h3>Invoice credit</h3>
      <div className="progress" aria-hidden="true">
        <div className="progress__bar" style={{ width: utilisationBarWidth(profile.outstandingBalanceCents, limit) }} />
      </div>
      <dl>
        <dt>Credit limit</dt>
        <dd>{formatMoney(limit, currency)}</dd>
        <dt>Used</dt>
        <dd>{formatMoney(profile.outstandingBalanceCents, currency)}</dd>
      </dl>
      <button type="button" className="btn btn--secondary" onClick={onRequestIncrease}>
        Request a higher limit
      </button>
    </section>
  );
}
