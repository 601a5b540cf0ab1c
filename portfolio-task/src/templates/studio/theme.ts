import type { Theme } from '../types';

// Warm paper with a terracotta accent by day; espresso with apricot by night.
export const studioTheme: Theme = {
  base: { scheme: 'light', bg: '#fffaf3', surface: '#ffffff', text: '#1c1a17', muted: '#5c574f', accent: '#b83d0f', line: '#eadfce' },
  dark: { scheme: 'dark', bg: '#171412', surface: '#221e1b', text: '#f4efe8', muted: '#b3aba0', accent: '#fdba74', line: '#3a332d' },
};
