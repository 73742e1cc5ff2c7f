import { useState, type FormEvent } from 'react';
import { canCustomerCancel } from '../core/orderStatus';
import type { Order } from '../core/types';

interface CancelOrderDialogProps {
  order: Order;
  open: boolean;
  onClose(): void;
  onConfirm(orderId: string, reason: string): Promise<void>;
}

const MIN_REASON_LENGTH = 10;
const MAX_REASON_LENGTH = 500;

function validateReason(reason: string): string | null {
  const trimmed = reason.trim();
  if (trimmed.length === 0) return 'Please tell us why you are cancelling.';
  if (trimmed.length < MIN_REASON_LENGTH) return `Please use at least ${MIN_REASON_LENGTH} characters.`;
  if (trimmed.length > MAX_REASON_LENGTH) return `Please keep it under ${MAX_REASON_LENGTH} characters.`;
  return null;
}

export function CancelOrderDialog({ order, open, onClose, onConfirm }: CancelOrderDialogProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  if (!open) return null;

  // The policy lives in the orders core; the dialog only asks it.
  const allowed = canCustomerCancel(order, new Date());

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problem = validateReason(reason);
    setError(problem);
    if (problem) return;
    setSubmitting(true);
    try {
      await onConfirm(order.id, reason.trim());
      onClose();
    } catch {
      setError('Something went wrong. Please try again.');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div role="dialog" aria-modal="true" className="dialog">
      {allowed ? (
        <form onSubmit={submit}>
          <h2>Cancel order {order.number}?</h2>
          <textarea value={reason} maxLength={MAX_REASON_LENGTH} onChange={(e: { target: HTMLTextAreaElement }) => setReason(e.target.value)} />
          <small className="muted">{reason.trim().length}/{MAX_REASON_LENGTH}</small>
          {error && <p className="field-error">{error}</p>}
          <button type="submit" disabled={submitting}>{submitting ? 'Cancelling…' : 'Cancel order'}</button>
        </form>
      ) : (
        <p>This order can no longer be cancelled online. You can return it once it has been delivered.</p>
      )}
      <button type="button" className="btn btn--link" onClick={onClose}>Close</button>
    </div>
  );
}
