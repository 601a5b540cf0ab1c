import type { Cv } from '@r2w/cv-schema';
import type { Labels } from '../templates';
import { safeWebUrl } from '../templates';
import { displayName } from '../templates/shared/display-case';
import { clean, joinText } from '../templates/shared/text';

const DESCRIPTION_LIMIT = 160;

export type PageMeta = {
  /** "<Name> – <Title>". */
  title: string;
  /** The summary (or tagline), shortened for search results. */
  description: string | null;
  /** The profile photo, when it is a web address and the owner shows it. */
  image: string | null;
};

/** At most `limit` characters, cut at a word where one is near, with an ellipsis. */
export function shorten(text: string, limit = DESCRIPTION_LIMIT): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= limit) return flat;
  const cut = flat.slice(0, limit - 1);
  const lastSpace = cut.lastIndexOf(' ');
  const atWord = lastSpace > limit * 0.6 ? cut.slice(0, lastSpace) : cut;
  return `${atWord.replace(/[\s,.;:–—-]+$/, '')}…`;
}

export function pageMeta(cv: Cv, labels: Labels, settings: { showPhoto: boolean; language: string }): PageMeta {
  const name = clean(cv.hero.fullName);
  const summary = clean(cv.summary.summaryText) ?? clean(cv.hero.summaryTagline);
  return {
    title: joinText([name ? displayName(name, settings.language) : labels.portfolio, cv.hero.professionalTitle], ' – ') ?? labels.portfolio,
    description: summary ? shorten(summary) : null,
    image: settings.showPhoto ? safeWebUrl(cv.hero.profilePhotoUrl) : null,
  };
}
