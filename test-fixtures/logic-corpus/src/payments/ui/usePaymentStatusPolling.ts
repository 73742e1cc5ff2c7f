import { useEffect, useRef, useState } from 'react';
import { getJson, HttpError } from '../../shared';
import type { PaymentStatus } from '../core/types';

interface PollState {
  status: PaymentStatus | 'unknown';
  attempts: number;
  timedOut: boolean;
  error: string | null;
}

const TERMINAL: readonly PaymentStatus[] = ['captured', 'failed', 'refunded'];

/** Polls the payment after a 3-D Secure redirect until the provider reports a final state. */
export function usePaymentStatusPolling(paymentId: string, { initialDelayMs = 500, maxDelayMs = 8_000, maxAttempts = 20 } = {}) {
  const [state, setState] = useState<PollState>({ status: 'unknown', attempts: 0, timedOut: false, error: null });
  const timer = useRef<number | null>(null);

  useEffect(() => {
    let cancelled = false;
    let attempts = 0;

    const poll = async () => {
      attempts += 1;
      try {
        const { status } = await getJson<{ status: PaymentStatus }>(`/v1/payments/${paymentId}/status`);
        if (cancelled) return;
        setState({ status, attempts, timedOut: false, error: null });
        if (TERMINAL.includes(status)) return;
      } catch (error) {
        if (cancelled) return;
        if (error instanceof HttpError && error.status === 404) {
          setState((s) => ({ ...s, attempts, error: 'Payment not found' }));
          return;
        }
      }
      if (attempts >= maxAttempts) {
        setState((s) => ({ ...s, attempts, timedOut: true }));
        return;
      }
      const delay = Math.min(maxDelayMs, initialDelayMs * 1.5 ** attempts);
      timer.current = window.setTimeout(poll, delay);
    };

    timer.current = window.setTimeout(poll, initialDelayMs);
    return () => {
      cancelled = true;
      if (timer.current !== null) window.clearTimeout(timer.current);
    };
  }, [paymentId, initialDelayMs, maxDelayMs, maxAttempts]);

  return state;
}
