import { theme } from '../settings/theme';
import type { UserPreferences } from './types';

export function applyPreferences(preferences: UserPreferences): void {
  if (preferences.theme) {
    Object.assign(theme, preferences.theme);
  }
  document.documentElement.lang = preferences.language;
}
