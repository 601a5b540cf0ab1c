import { countryName, type ProfessionalLink } from '@r2w/cv-schema';
import type { ReactNode } from 'react';
import { Section } from '../shared/blocks';
import { Breakable } from '../shared/breakable';
import { SafeLink } from '../shared/safe-link';
import { mailtoHref, safeHref, telHref } from '../shared/safe-url';
import { useSite } from '../shared/site-context';
import { clean, hasContent, joinText } from '../shared/text';
import type { SectionProps } from './types';

function linkText(link: ProfessionalLink): ReactNode {
  const platform = clean(link.platform);
  const username = clean(link.username);
  if (safeHref(link.url)) return platform ?? undefined;
  // A profile given by username only, or by an address that is not a safe link, is still a fact to show.
  return joinText([platform, username ?? clean(link.url)], ': ');
}

/**
 * Email, phone, city and profile links. The street address and postal code are left out
 * on purpose: a public page would publish the owner's home address to anyone.
 */
export function ContactSection({ cv, hiddenTitle = false }: SectionProps & { hiddenTitle?: boolean }) {
  const { labels, settings } = useSite();
  const { email, phone, location, professionalLinks, availability } = cv.contact;
  // A JSON Resume import stores the country as its ISO code ("US"); visitors read its name in the site's language.
  const country = location?.country && (countryName(location.country, settings.language) ?? location.country);
  const place = joinText([location?.city, location?.state, country]);
  const items: [string, ReactNode][] = [];
  const address = clean(email);
  if (address)
    items.push([
      'email',
      <SafeLink href={mailtoHref(email)}>
        <Breakable text={address} />
      </SafeLink>,
    ]);
  // A phone number is left-to-right even on a Hebrew or Arabic page; unisolated, "+972 50" would read "50 972+".
  if (clean(phone))
    items.push([
      'phone',
      <span dir="ltr">
        <SafeLink href={telHref(phone)}>{clean(phone)}</SafeLink>
      </span>,
    ]);
  if (place) items.push(['location', place]);
  for (const link of professionalLinks ?? []) {
    if (hasContent(link)) items.push(['link', <SafeLink href={link.url}>{linkText(link)}</SafeLink>]);
  }
  const status = clean(availability);
  if (!items.length && !status) return null;
  return (
    <Section id="contact" title={labels.contact} hiddenTitle={hiddenTitle}>
      {items.length ? (
        <ul className="contact-list">
          {items.map(([kind, node], index) => (
            <li key={index} className={`contact-list__item contact-list__item--${kind}`}>
              {node}
            </li>
          ))}
        </ul>
      ) : null}
      {status ? <p className="availability">{status}</p> : null}
    </Section>
  );
}
