export interface Session {
  id: string;
  customerId: string;
  createdAt: number;
  lastSeenAt: number;
}

export interface UserPreferences {
  theme?: { mode?: 'light' | 'dark'; density?: 'comfortable' | 'compact'; reducedMotion?: boolean };
  language: string;
}
