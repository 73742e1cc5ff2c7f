import { useMemo } from 'react';
import type { Shipment } from '../core/types';

interface TrackingEvent {
  at: string;
  description: string;
  location?: string;
  status: Shipment['status'];
}

interface TrackingTimelineProps {
  events: TrackingEvent[];
  locale?: string;
}

const ICONS: Record<Shipment['status'], string> = {
  label_created: 'tag',
  in_transit: 'truck',
  out_for_delivery: 'map-pin',
  delivered: 'check-circle',
  exception: 'alert-triangle',
};

export function TrackingTimeline({ events, locale = 'en-GB' }: TrackingTimelineProps) {
  const days = useMemo(() => {
    const dayFmt = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long' });
    const groups = new Map<string, TrackingEvent[]>();
    for (const event of [...events].sort((a, b) => Date.parse(b.at) - Date.parse(a.at))) {
      const key = dayFmt.format(new Date(event.at));
      groups.set(key, [...(groups.get(key) ?? []), event]);
    }
    return [...groups.entries()];
  }, [events, locale]);

  if (events.length === 0) {
    return <p className="empty-state">Tracking information will appear once the carrier scans your parcel.</p>;
  }

  const timeFmt = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });

  return (
    <div className="tracking">
      {days.map(([day, dayEvents]) => (
        <section key={day}>
          <h4>{day}</h4>
          <ul>
            {dayEvents.map((event) => (
              <li key={event.at} className={event.status === 'exception' ? 'tracking__event tracking__event--warn' : 'tracking__event'}>
                <i className={`icon icon-${ICONS[event.status]}`} aria-hidden="true" />
                <time dateTime={event.at}>{timeFmt.format(new Date(event.at))}</time>
                <span>{event.description}</span>
                {event.location && <span className="muted"> · {event.location}</span>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
