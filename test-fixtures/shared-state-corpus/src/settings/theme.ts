export interface Theme {
  mode: 'light' | 'dark';
  accentColor: string;
  density: 'comfortable' | 'compact';
  reducedMotion: boolean;
}

export const theme: Theme = {
  mode: 'light',
  accentColor: '#2563eb',
  density: 'comfortable',
  reducedMotion: false,
};
