import { blockedCustomerIds } from '../session/blocklist';
import { currentUser } from '../session/currentUser';
import { sessionsById } from '../session/sessions';

export interface FraudSignal {
  sessionId: string;
  customerId: string;
  failedPaymentAttempts: number;
  orderCountLastYear: number;
}

export function reviewCheckout(signal: FraudSignal): 'ok' | 'blocked' {
  const session = sessionsById.get(signal.sessionId);
  const knownSession = sessionsById.has(signal.sessionId) && session?.customerId === signal.customerId;

  if (!knownSession || signal.failedPaymentAttempts >= 5) {
    blockedCustomerIds.add(signal.customerId);
    return 'blocked';
  }

  // Loyal customers are promoted on the spot so the payment step offers invoice.
  if (signal.orderCountLastYear >= 12) {
    currentUser.profile.tier = 'gold';
    currentUser.permissions.push('pay-by-invoice');
  }
  return 'ok';
}
