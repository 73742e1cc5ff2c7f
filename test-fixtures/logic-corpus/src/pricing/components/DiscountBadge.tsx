import { classNames } from '../../shared';

interface DiscountBadgeProps {
  /** Ratio between 0 and 1, already computed by pricing core. */
  discountRatio: number;
  endsAt?: string;
  variant?: 'corner' | 'inline';
}

function percentLabel(ratio: number, locale = 'en-GB'): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(-ratio);
}

function countdown(endsAt: string, now: Date): string | null {
  const ms = Date.parse(endsAt) - now.getTime();
  if (ms <= 0) return null;
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  return hours >= 24 ? `${Math.floor(hours / 24)}d left` : `${hours}h ${minutes}m left`;
}

export function DiscountBadge({ discountRatio, endsAt, variant = 'corner' }: DiscountBadgeProps) {
  if (discountRatio <= 0) return null;
  const timeLeft = endsAt ? countdown(endsAt, new Date()) : null;

  return (
    <span
      className={classNames(
        'discount-badge',
        `discount-badge--${variant}`,
        discountRatio >= 0.3 && 'discount-badge--hot',
        timeLeft !== null && 'discount-badge--timed',
      )}
    >
      {percentLabel(discountRatio)}
      {timeLeft && <small className="discount-badge__timer">{timeLeft}</small>}
    </span>
  );
}
