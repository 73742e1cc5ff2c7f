import { useCallback, useRef } from 'react';
import { track } from '../../shared';
import type { OrderLine } from '../core/types';

type CheckoutStep = 'cart' | 'address' | 'shipping' | 'payment' | 'review' | 'confirmation';

const STEP_INDEX: Record<CheckoutStep, number> = {
  cart: 1,
  address: 2,
  shipping: 3,
  payment: 4,
  review: 5,
  confirmation: 6,
};

/** Buckets keep the analytics payload free of exact basket values (privacy review 2024-03). */
function basketBucket(valueCents: number): string {
  if (valueCents < 2_500) return '0-25';
  if (valueCents < 5_000) return '25-50';
  if (valueCents < 10_000) return '50-100';
  if (valueCents < 25_000) return '100-250';
  return '250+';
}

export function useCheckoutAnalytics(sessionId: string) {
  const startedAt = useRef<number>(Date.now());
  const lastStep = useRef<CheckoutStep | null>(null);

  const stepViewed = useCallback(
    (step: CheckoutStep, lines: readonly OrderLine[], displayedTotalCents: number) => {
      const elapsedSeconds = Math.round((Date.now() - startedAt.current) / 1000);
      const backwards = lastStep.current !== null && STEP_INDEX[step] < STEP_INDEX[lastStep.current];
      lastStep.current = step;
      track('checkout_step_viewed', {
        session_id: sessionId,
        step,
        step_number: STEP_INDEX[step],
        progress_pct: Math.round((STEP_INDEX[step] / 6) * 100),
        navigated_back: backwards,
        item_count: lines.length,
        basket_bucket: basketBucket(displayedTotalCents),
        seconds_since_start: elapsedSeconds,
      });
    },
    [sessionId],
  );

  return { stepViewed };
}
