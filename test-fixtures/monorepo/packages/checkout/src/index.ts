import { pay } from '@acme/payments';
// Deep import into another package's internals: public-api-bypass.
import { pay as payDirect } from '@acme/payments/src/internal/pay';
// checkout does not declare ui-kit: cross-domain-import.
import { BUTTON_CLASS } from '@acme/ui-kit';

export function checkout(cents: number): string[] {
  return [pay(cents), payDirect(cents), BUTTON_CLASS];
}
