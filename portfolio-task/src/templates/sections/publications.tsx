import type { ReactNode } from 'react';
import { MetaLine, Prose, Section } from '../shared/blocks';
import { SafeLink } from '../shared/safe-link';
import { useSite } from '../shared/site-context';
import { clean, cleanList } from '../shared/text';
import { useDates } from '../shared/use-dates';
import type { SectionProps } from './types';
import { useSectionTitle, visibleEntries } from './visible';

const DOI = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)?(10\.\d{4,9}\/\S+)$/i;

/** The DOI as a link to its resolver, or as written when it is not a DOI. */
function doiLink(raw: string | null | undefined): ReactNode {
  const doi = clean(raw);
  if (!doi) return null;
  const match = DOI.exec(doi);
  return match?.[1] ? <SafeLink href={`https://doi.org/${match[1]}`} /> : `DOI ${doi}`;
}

// Case and accents aside ("Dana Lévi" is "dana levi"). Folded by hand rather than by an Intl
// collator: the first one a process makes costs the builder more than rendering the page.
const folded = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const sameName = (a: string, b: string) => folded(a) === folded(b);

/** A numbered reference list: title, authors (the owner picked out), venue, year, DOI, citations. */
export function PublicationsSection({ cv }: SectionProps) {
  const title = useSectionTitle(cv, 'publications');
  const { labels, ownerName } = useSite();
  const dates = useDates();
  const items = visibleEntries(cv, 'publications');
  if (!items.length) return null;
  return (
    <Section id="publications" title={title}>
      <ol className="entries publications">
        {items.map((item) => {
          const title = clean(item.title);
          const authors = cleanList(item.authors);
          return (
            <li key={item.id} className="entry publication">
              {title ? (
                <h3 className="entry__title publication__title">
                  <SafeLink href={item.url}>{title}</SafeLink>
                </h3>
              ) : null}
              {authors.length ? (
                <p className="publication__authors">
                  {authors.map((author, index) => (
                    <span key={index}>
                      {index > 0 ? ', ' : null}
                      {ownerName && sameName(author, ownerName) ? <strong>{author}</strong> : author}
                    </span>
                  ))}
                </p>
              ) : null}
              <MetaLine
                className="publication__venue"
                parts={[
                  clean(item.publication) && <cite>{clean(item.publication)}</cite>,
                  dates.single(item.datePublished, item.datePublishedText),
                  doiLink(item.doi),
                  typeof item.citations === 'number' ? labels.citedBy(item.citations) : null,
                ]}
              />
              <Prose text={item.abstract} className="prose publication__abstract" />
            </li>
          );
        })}
      </ol>
    </Section>
  );
}
