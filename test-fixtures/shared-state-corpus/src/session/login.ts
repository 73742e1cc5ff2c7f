import { analyticsContext } from '../analytics/context';
import { SESSION_TIMEOUT_MINUTES } from '../settings/limits';
import { sessionsById } from './sessions';
import type { Session } from './types';

export function startSession(sessionId: string, customerId: string, now = Date.now()): Session {
  const session: Session = { id: sessionId, customerId, createdAt: now, lastSeenAt: now };
  sessionsById.set(sessionId, session);
  analyticsContext.userId = customerId;
  analyticsContext.sessionId = sessionId;
  return session;
}

export function isExpired(session: Session, now = Date.now()): boolean {
  return now - session.lastSeenAt > SESSION_TIMEOUT_MINUTES * 60_000;
}
