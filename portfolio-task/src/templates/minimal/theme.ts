import type { Theme } from '../types';

// Warm paper and ink, with a burnt-sienna accent that turns to apricot at night.
export const minimalTheme: Theme = {
  base: { scheme: 'light', bg: '#fcfbf8', surface: '#f1eee7', text: '#1f1d1a', muted: '#5e5a53', accent: '#9a3f14', line: '#e0dbd1' },
  dark: { scheme: 'dark', bg: '#161513', surface: '#232120', text: '#ece8e1', muted: '#aba59b', accent: '#f0a77f', line: '#35322e' },
};
