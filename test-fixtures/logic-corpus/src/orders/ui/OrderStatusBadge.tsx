import type { OrderStatus } from '../core/types';

interface OrderStatusBadgeProps {
  status: OrderStatus;
  compact?: boolean;
}

type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

function presentationFor(status: OrderStatus): { label: string; tone: Tone; icon: string } {
  switch (status) {
    case 'draft':
      return { label: 'Draft', tone: 'neutral', icon: 'pencil' };
    case 'placed':
      return { label: 'Awaiting payment', tone: 'warning', icon: 'clock' };
    case 'paid':
      return { label: 'Paid', tone: 'info', icon: 'credit-card' };
    case 'packed':
      return { label: 'Packed', tone: 'info', icon: 'box' };
    case 'shipped':
      return { label: 'On its way', tone: 'info', icon: 'truck' };
    case 'delivered':
      return { label: 'Delivered', tone: 'success', icon: 'check' };
    case 'cancelled':
      return { label: 'Cancelled', tone: 'danger', icon: 'x' };
    case 'refunded':
      return { label: 'Refunded', tone: 'neutral', icon: 'rotate-ccw' };
  }
}

export function OrderStatusBadge({ status, compact = false }: OrderStatusBadgeProps) {
  const { label, tone, icon } = presentationFor(status);
  const className = ['badge', `badge--${tone}`, compact ? 'badge--compact' : ''].filter(Boolean).join(' ');

  return (
    <span className={className} title={compact ? label : undefined} data-status={status}>
      <i className={`icon icon-${icon}`} aria-hidden="true" />
      {!compact && <span className="badge__label">{label}</span>}
    </span>
  );
}
