import type { Theme } from '../types';

// Dark whatever the visitor's preference: the owner chose a dark site. Near-black with
// near-white text (about 17:1) and a mint accent.
export const darkTheme: Theme = {
  base: { scheme: 'dark', bg: '#0b0c0f', surface: '#15171c', text: '#f2f3f5', muted: '#a2a7b3', accent: '#5eead4', line: '#272a31' },
};
