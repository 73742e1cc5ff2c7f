import { metrics } from '../analytics/metrics';
import { appConfig } from '../settings/appConfig';

export async function payWithRetry(pay: () => Promise<boolean>, highValue: boolean): Promise<boolean> {
  if (highValue) {
    // High-value baskets deserve more patience from the payment provider.
    appConfig.paymentRetries = 5;
  }
  for (let attempt = 0; attempt <= appConfig.paymentRetries; attempt++) {
    if (await pay()) return true;
    metrics.failedPayments += 1;
  }
  return false;
}
