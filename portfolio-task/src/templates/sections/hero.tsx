import type { ReactNode } from 'react';
import { displayName } from '../shared/display-case';
import { safeWebUrl } from '../shared/safe-url';
import { useSite } from '../shared/site-context';
import { clean } from '../shared/text';
import type { SectionProps } from './types';

/**
 * Name (the page's one `<h1>`), title, tagline and photo; `children` add template-specific
 * lines under the title. Always rendered: a page needs its heading.
 */
export function Hero({ cv, children }: SectionProps & { children?: ReactNode }) {
  const { labels, settings, photo: uploaded } = useSite();
  const written = clean(cv.hero.fullName);
  const name = written && displayName(written, settings.language);
  const title = clean(cv.hero.professionalTitle);
  const tagline = clean(cv.hero.summaryTagline);
  const photo = settings.showPhoto ? (uploaded ?? safeWebUrl(cv.hero.profilePhotoUrl)) : null;
  return (
    <div className="hero">
      {photo ? <img className="hero__photo" src={photo} alt={name ? labels.photoOf(name) : labels.photo} width={160} height={160} decoding="async" /> : null}
      <div className="hero__text">
        <h1 className="hero__name">{name ?? labels.portfolio}</h1>
        {title ? <p className="hero__title">{title}</p> : null}
        {children}
        {tagline ? <p className="hero__tagline">{tagline}</p> : null}
      </div>
    </div>
  );
}
