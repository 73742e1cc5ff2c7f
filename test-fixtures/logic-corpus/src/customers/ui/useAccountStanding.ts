import { useEffect, useMemo, useState } from 'react';
import { getJson } from '../../shared';
import type { AccountStanding, CreditProfile } from '../core/types';

interface StandingView {
  standing: AccountStanding | null;
  canPlaceInvoiceOrders: boolean;
  message: string | null;
  loading: boolean;
}

export function useAccountStanding(customerId: string): StandingView {
  const [profile, setProfile] = useState<CreditProfile | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    getJson<CreditProfile>(`/v1/customers/${encodeURIComponent(customerId)}/credit`)
      .then((p) => !cancelled && setProfile(p))
      .finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
    };
  }, [customerId]);

  return useMemo<StandingView>(() => {
    if (!profile) return { standing: null, canPlaceInvoiceOrders: false, message: null, loading };

    const utilisation = profile.creditLimitCents > 0 ? profile.outstandingBalanceCents / profile.creditLimitCents : 1;
    let standing: AccountStanding = 'good';
    if (profile.overdueInvoices > 2 || utilisation > 0.9) standing = 'restricted';
    else if (profile.overdueInvoices > 0 || utilisation > 0.75) standing = 'watch';

    const canPlaceInvoiceOrders = standing !== 'restricted' && profile.riskScore < 70;
    const message =
      standing === 'restricted'
        ? 'Invoice payment is paused until overdue invoices are settled.'
        : standing === 'watch'
          ? 'You are close to your credit limit.'
          : null;

    return { standing, canPlaceInvoiceOrders, message, loading };
  }, [profile, loading]);
}
