import type { SavedPaymentMethod } from '../core/types';

interface PaymentMethodListProps {
  methods: SavedPaymentMethod[];
  selectedId?: string;
  onSelect(id: string): void;
  onRemove(id: string): void;
}

const BRAND_ICONS: Record<NonNullable<SavedPaymentMethod['brand']>, string> = {
  visa: '/icons/visa.svg',
  mastercard: '/icons/mastercard.svg',
  amex: '/icons/amex.svg',
  maestro: '/icons/maestro.svg',
};

function describe(method: SavedPaymentMethod): string {
  switch (method.kind) {
    case 'card':
    case 'amex':
      return `•••• ${method.last4 ?? '????'}  ${String(method.expMonth ?? '').padStart(2, '0')}/${String(method.expYear ?? '').slice(-2)}`;
    case 'sepa_debit':
      return method.iban ? `${method.iban.slice(0, 4)} •••• ${method.iban.slice(-4)}` : 'SEPA Direct Debit';
    case 'paypal':
      return 'PayPal';
    case 'invoice':
      return 'Pay by invoice';
  }
}

export function PaymentMethodList({ methods, selectedId, onSelect, onRemove }: PaymentMethodListProps) {
  if (methods.length === 0) {
    return <p className="empty-state">You have no saved payment methods yet.</p>;
  }
  const ordered = [...methods].sort((a, b) => Number(b.isDefault) - Number(a.isDefault));

  return (
    <ul className="payment-methods" role="radiogroup">
      {ordered.map((method) => (
        <li key={method.id} className={method.id === selectedId ? 'payment-method is-selected' : 'payment-method'}>
          <label>
            <input type="radio" name="payment-method" checked={method.id === selectedId} onChange={() => onSelect(method.id)} />
            {method.brand && <img src={BRAND_ICONS[method.brand]} alt={method.brand} width={32} height={20} />}
            <span>{describe(method)}</span>
            {method.isDefault && <span className="badge">Default</span>}
          </label>
          {!method.isDefault && (
            <button type="button" className="btn btn--link" onClick={() => onRemove(method.id)}>Remove</button>
          )}
        </li>
      ))}
    </ul>
  );
}
