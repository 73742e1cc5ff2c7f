import type { Session } from './types';

/** Owned by the session domain: only login.ts and logout.ts write it. */
export const sessionsById = new Map<string, Session>();
