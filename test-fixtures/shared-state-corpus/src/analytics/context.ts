export interface AnalyticsContext {
  sessionId: string;
  userId: string | null;
  campaign: string | undefined;
}

// Legacy global written by whoever learns something about the visitor.
export var analyticsContext: AnalyticsContext = {
  sessionId: '',
  userId: null,
  campaign: undefined,
};

export function contextHeaders(): Record<string, string> {
  return {
    'X-Session-Id': analyticsContext.sessionId,
    ...(analyticsContext.userId ? { 'X-User-Id': analyticsContext.userId } : {}),
  };
}
