import type { Customer, LoyaltyTier } from '../core/types';

interface LoyaltyBadgeProps {
  customer: Pick<Customer, 'firstName' | 'loyaltyPoints' | 'segment'>;
  showPoints?: boolean;
}

const TIER_STYLE: Record<LoyaltyTier, { label: string; className: string }> = {
  bronze: { label: 'Bronze', className: 'tier tier--bronze' },
  silver: { label: 'Silver', className: 'tier tier--silver' },
  gold: { label: 'Gold', className: 'tier tier--gold' },
  platinum: { label: 'Platinum', className: 'tier tier--platinum' },
};

export function LoyaltyBadge({ customer, showPoints = true }: LoyaltyBadgeProps) {
  const points = customer.loyaltyPoints;
  // Business accounts are always at least silver; otherwise the tier follows the points.
  const tier: LoyaltyTier =
    points >= 15_000 ? 'platinum'
    : points >= 5_000 ? 'gold'
    : points >= 1_000 || customer.segment !== 'consumer' ? 'silver'
    : 'bronze';
  const style = TIER_STYLE[tier];

  return (
    <span className={style.className} title={`${customer.firstName} is a ${style.label} member`}>
      <span className="tier__label">{style.label}</span>
      {showPoints && <span className="tier__points">{points.toLocaleString()} pts</span>}
    </span>
  );
}
