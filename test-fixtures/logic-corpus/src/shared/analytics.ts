export interface AnalyticsEvent {
  name: string;
  properties: Record<string, string | number | boolean | null>;
  timestamp: string;
}

export function track(name: string, properties: AnalyticsEvent['properties'] = {}): void {
  const event: AnalyticsEvent = { name, properties, timestamp: new Date().toISOString() };
  navigator.sendBeacon('/v1/analytics/events', JSON.stringify(event));
}
