import { recentSearches } from '../search';
import { sessionsById } from './sessions';

/** Logging out forgets the session and, for privacy, the visitor's recent searches. */
export function endSession(sessionId: string): void {
  sessionsById.delete(sessionId);
  recentSearches.length = 0;
}
