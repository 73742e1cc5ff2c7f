import { useState, type FormEvent } from 'react';
import type { CustomerTier } from '../core/types';

interface CouponInputProps {
  subtotalCents: number;
  customerTier: CustomerTier;
  isFirstOrder: boolean;
  onApplied(code: string, discountCents: number): void;
}

const CODE_PATTERN = /^[A-Z0-9]{4,16}$/;

function isWellFormedCode(raw: string): boolean {
  return CODE_PATTERN.test(raw.trim().toUpperCase());
}

// Mirrors the promo calendar: WELCOME only on first orders, VIP codes for gold+ and €100+ baskets.
function applyCouponLocally(code: string, subtotalCents: number, tier: CustomerTier, isFirstOrder: boolean): number | null {
  if (code.startsWith('WELCOME')) {
    return isFirstOrder ? Math.round(subtotalCents * 0.1) : null;
  }
  if (code.startsWith('VIP')) {
    const eligibleTier = tier === 'gold' || tier === 'platinum';
    return eligibleTier && subtotalCents >= 10_000 ? Math.round(subtotalCents * 0.15) : null;
  }
  if (code === 'FREESHIP') {
    return 0;
  }
  return subtotalCents >= 5_000 ? 500 : null;
}

export function CouponInput({ subtotalCents, customerTier, isFirstOrder, onApplied }: CouponInputProps) {
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const normalized = code.trim().toUpperCase();
    if (!isWellFormedCode(normalized)) {
      setMessage({ kind: 'error', text: 'Codes are 4–16 letters or digits.' });
      return;
    }
    const discount = applyCouponLocally(normalized, subtotalCents, customerTier, isFirstOrder);
    if (discount === null) {
      setMessage({ kind: 'error', text: 'This code cannot be used for this order.' });
      return;
    }
    setMessage({ kind: 'success', text: 'Code applied.' });
    onApplied(normalized, discount);
  };

  return (
    <form className="coupon" onSubmit={submit} noValidate>
      <label htmlFor="coupon-code">Discount code</label>
      <input id="coupon-code" value={code} autoComplete="off" onChange={(e: { target: HTMLInputElement }) => setCode(e.target.value)} />
      <button type="submit" disabled={code.trim() === ''}>Apply</button>
      {message && <p className={message.kind === 'error' ? 'field-error' : 'field-success'}>{message.text}</p>}
    </form>
  );
}
