import type { Palette, Theme } from '../types';
import { readableAccent } from './color';

function declarations(palette: Palette, accentColor: string | null): string {
  const accent = accentColor ? readableAccent(accentColor, [palette.bg, palette.surface]) : palette.accent;
  return [
    `color-scheme:${palette.scheme}`,
    `--bg:${palette.bg}`,
    `--surface:${palette.surface}`,
    `--text:${palette.text}`,
    `--muted:${palette.muted}`,
    `--accent:${accent}`,
    `--line:${palette.line}`,
  ].join(';');
}

/** The theme as CSS variables, with the owner's accent (made readable) in place of the template's. */
export function themeCss(theme: Theme, accentColor: string | null): string {
  const base = `:root{${declarations(theme.base, accentColor)}}`;
  return theme.dark ? `${base}\n@media (prefers-color-scheme: dark){:root{${declarations(theme.dark, accentColor)}}}\n` : `${base}\n`;
}
