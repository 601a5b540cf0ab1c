import type { Theme } from '../types';

// Cool neutrals with an indigo accent; the sidebar is the surface colour.
export const modernTheme: Theme = {
  base: { scheme: 'light', bg: '#ffffff', surface: '#f2f4f8', text: '#111827', muted: '#4b5563', accent: '#4338ca', line: '#dfe3ea' },
  dark: { scheme: 'dark', bg: '#0f131a', surface: '#181d27', text: '#e6e9ef', muted: '#a4adbc', accent: '#a5b4fc', line: '#2b3240' },
};
