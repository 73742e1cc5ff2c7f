import type { Order } from '../core/types';

interface TimelineEvent {
  key: string;
  label: string;
  at: string | undefined;
}

interface OrderTimelineProps {
  order: Order;
  locale?: string;
  now?: Date;
}

const relative = (iso: string, now: Date, locale: string): string => {
  const seconds = Math.round((Date.parse(iso) - now.getTime()) / 1000);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(seconds, 'second');
  if (abs < 3_600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3_600), 'hour');
  if (abs < 30 * 86_400) return rtf.format(Math.round(seconds / 86_400), 'day');
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));
};

export function OrderTimeline({ order, locale = 'en-GB', now = new Date() }: OrderTimelineProps) {
  const events: TimelineEvent[] = [
    { key: 'placed', label: 'Order placed', at: order.placedAt },
    { key: 'paid', label: 'Payment received', at: order.paidAt },
    { key: 'shipped', label: 'Shipped', at: order.shippedAt },
    { key: 'delivered', label: 'Delivered', at: order.deliveredAt },
  ];
  const itemLabel = new Intl.PluralRules(locale).select(order.lines.length) === 'one' ? 'item' : 'items';

  return (
    <ol className="timeline">
      <li className="timeline__header">
        {order.lines.length} {itemLabel}
      </li>
      {events.map((event) => (
        <li key={event.key} className={event.at ? 'timeline__step timeline__step--done' : 'timeline__step'}>
          <span className="timeline__label">{event.label}</span>
          {event.at ? (
            <time dateTime={event.at} title={new Date(event.at).toLocaleString(locale)}>
              {relative(event.at, now, locale)}
            </time>
          ) : (
            <span className="muted">Pending</span>
          )}
        </li>
      ))}
    </ol>
  );
}
