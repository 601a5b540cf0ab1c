import type { Cv } from '@r2w/cv-schema';
import type { ComponentType } from 'react';
import type { TemplateFonts } from './shared/fonts';
import type { TemplateSettings } from './settings';

/** A colour scheme. Text, muted and accent must each read at 4.5:1 on both bg and surface. */
export type Palette = {
  scheme: 'light' | 'dark';
  bg: string;
  /** Panels, cards and tags that sit on bg. */
  surface: string;
  text: string;
  muted: string;
  accent: string;
  /** Rules and borders; decorative, so no contrast requirement. */
  line: string;
};

/** `base` always applies; `dark`, when given, replaces it for visitors who prefer dark. */
export type Theme = { base: Palette; dark?: Palette };

/** `photo`: the address of the owner's uploaded photo, shown in place of the CV's photo address. */
export type TemplateProps = { cv: Cv; settings?: TemplateSettings; photo?: string | null };

export type TemplateDefinition<Id extends string = string> = {
  id: Id;
  name: string;
  description: string;
  Component: ComponentType<TemplateProps>;
  theme: Theme;
  /** Typefaces by role (the --font-* variables), carried by the site as web fonts. */
  fonts: TemplateFonts;
  /** Layout and typography; colours come from `theme` as CSS variables. */
  css: string;
};
