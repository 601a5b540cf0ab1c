import type { Theme } from '../types';

// Cream paper, ink and a cardinal red, the colours of a printed proceedings volume.
export const academicTheme: Theme = {
  base: { scheme: 'light', bg: '#fffdf8', surface: '#f4f0e6', text: '#1c1b1a', muted: '#57534c', accent: '#8c1d18', line: '#ddd5c6' },
  dark: { scheme: 'dark', bg: '#17171a', surface: '#222226', text: '#e9e5dd', muted: '#ada89e', accent: '#f4a9a0', line: '#35353b' },
};
