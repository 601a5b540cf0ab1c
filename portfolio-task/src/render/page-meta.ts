import type { Cv } from '@r2w/cv-schema';
import type { Labels } from '../templates';
import { safeWebUrl } from '../templates';
import { displayName } from '../templates/shared/display-case';
import { clean, joinText } from '../templates/shared/text';
import { OPEN_GRAPH_IMAGE } from './open-graph-card';

const DESCRIPTION_LIMIT = 160;

export type PageMeta = {
  /** "<Name> – <Title>". */
  title: string;
  /** The summary (or tagline), shortened for search results. */
  description: string | null;
  /** The profile photo as an absolute web address (for JSON-LD), when there is one and the owner shows it. */
  image: string | null;
  /** What a link to the site shows when shared (og:image): the share image, else the photo. */
  shareImage: ShareImage | null;
};

export type ShareImage = { url: string; width?: number; height?: number; alt: string };

/** At most `limit` characters, cut at a word where one is near, with an ellipsis. */
export function shorten(text: string, limit = DESCRIPTION_LIMIT): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= limit) return flat;
  const cut = flat.slice(0, limit - 1);
  const lastSpace = cut.lastIndexOf(' ');
  const atWord = lastSpace > limit * 0.6 ? cut.slice(0, lastSpace) : cut;
  return `${atWord.replace(/[\s,.;:–—-]+$/, '')}…`;
}

/** An address of the site's own file: absolute when the site's address is known (as social sites and JSON-LD need), else as given. */
function onSite(path: string, base: URL | null): string {
  return base ? new URL(path, base).href : path;
}

/**
 * `images` are the site's own files made for it (see RenderOptions.images): an uploaded photo
 * takes the place of the CV's photo address, and the share image comes first for og:image.
 */
export function pageMeta(cv: Cv, labels: Labels, settings: { showPhoto: boolean; language: string }, images: { photo: string | null; openGraphImage: string | null; base: URL | null }): PageMeta {
  const name = clean(cv.hero.fullName);
  const shownName = name ? displayName(name, settings.language) : null;
  const summary = clean(cv.summary.summaryText) ?? clean(cv.hero.summaryTagline);
  const photoAddress = settings.showPhoto ? safeWebUrl(cv.hero.profilePhotoUrl) : null;
  const uploaded = images.photo ? onSite(images.photo, images.base) : null;
  // A web address only: the preview's data: photo is no address to share.
  const image = safeWebUrl(uploaded) ?? photoAddress;
  const shareImage: ShareImage | null = images.openGraphImage
    ? { url: onSite(images.openGraphImage, images.base), ...OPEN_GRAPH_IMAGE, alt: shownName ?? labels.portfolio }
    : image
      ? { url: image, alt: shownName ? labels.photoOf(shownName) : labels.photo }
      : null;
  return {
    title: joinText([shownName ?? labels.portfolio, cv.hero.professionalTitle], ' – ') ?? labels.portfolio,
    description: summary ? shorten(summary) : null,
    image,
    shareImage,
  };
}
