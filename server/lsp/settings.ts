/** The `foundations.*` settings the server reads, per workspace folder. */
export interface FoundationsSettings {
  enable: boolean;
  /** Delay after the last keystroke before a buffer is re-checked. */
  debounceMs: number;
}

export const DEFAULT_SETTINGS: FoundationsSettings = { enable: true, debounceMs: 150 };

export function sanitizeSettings(raw: unknown): FoundationsSettings {
  const r = (raw ?? {}) as Partial<Record<keyof FoundationsSettings, unknown>>;
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : DEFAULT_SETTINGS.enable,
    debounceMs: typeof r.debounceMs === 'number' && r.debounceMs >= 0 && r.debounceMs <= 5000 ? r.debounceMs : DEFAULT_SETTINGS.debounceMs,
  };
}

/**
 * Settings are asked for per folder and the promise is cached, never the value in a global:
 * a change notification clears the cache and the next use asks again.
 */
export class SettingsCache {
  private readonly cache = new Map<string, Promise<FoundationsSettings>>();

  constructor(private readonly fetch: (folderUri: string) => Promise<unknown>) {}

  get(folderUri: string): Promise<FoundationsSettings> {
    let settings = this.cache.get(folderUri);
    if (!settings) {
      settings = this.fetch(folderUri).then(sanitizeSettings, () => DEFAULT_SETTINGS);
      this.cache.set(folderUri, settings);
    }
    return settings;
  }

  clear(): void {
    this.cache.clear();
  }
}
