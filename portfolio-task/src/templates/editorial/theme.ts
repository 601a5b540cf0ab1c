import type { Theme } from '../types';

// Newsprint white with ink-navy text and an oxblood accent; at night, ink with a rose accent.
export const editorialTheme: Theme = {
  base: { scheme: 'light', bg: '#ffffff', surface: '#f5f3ef', text: '#14161c', muted: '#4d5260', accent: '#8c1c2b', line: '#d9d6cf' },
  dark: { scheme: 'dark', bg: '#121318', surface: '#1c1e25', text: '#ecebe8', muted: '#a9adb8', accent: '#f4a3b0', line: '#33363f' },
};
