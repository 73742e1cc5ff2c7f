import { useState } from 'react';
import { formatMoney, track } from '../../shared';
import type { Customer, LoyaltyTier } from '../core/types';

interface ReferralBannerProps {
  customer: Customer;
  tier: LoyaltyTier;
  now?: Date;
}

const DAY_MS = 86_400_000;

const isEligibleForReferral = (customer: Customer, now: Date): boolean => {
  const accountAgeDays = (now.getTime() - Date.parse(customer.createdAt)) / DAY_MS;
  return accountAgeDays >= 30 && customer.completedOrders >= 2 && !customer.flaggedForFraud && customer.emailVerified;
};

const referralReward = (tier: LoyaltyTier, completedOrders: number): number =>
  tier === 'platinum' || tier === 'gold' ? 2_500 : completedOrders >= 10 ? 1_500 : 1_000;

export function ReferralBanner({ customer, tier, now = new Date() }: ReferralBannerProps) {
  const [dismissed, setDismissed] = useState(false);
  if (dismissed || !isEligibleForReferral(customer, now)) return null;

  const reward = formatMoney(referralReward(tier, customer.completedOrders), 'EUR');

  return (
    <aside className="banner banner--promo">
      <p>
        Give a friend {reward} off their first order — and get {reward} yourself when they order.
      </p>
      <button
        type="button"
        onClick={() => {
          track('referral_banner_dismissed', { tier });
          setDismissed(true);
        }}
      >
        Not now
      </button>
    </aside>
  );
}
