import { Fragment, type ReactNode } from 'react';
import { SafeLink } from './safe-link';
import { safeHref } from './safe-url';
import { cleanList } from './text';

const isPresent = (node: ReactNode) => node !== null && node !== undefined && node !== false && node !== '';

type SectionProps = { id: string; title: string; hiddenTitle?: boolean; children: ReactNode };

/** A CV section: a landmark-free `<section>` named by its own `<h2>`, reachable as `#id`. */
export function Section({ id, title, hiddenTitle = false, children }: SectionProps) {
  const headingId = `${id}-title`;
  return (
    <section id={id} className={`section section--${id}`} aria-labelledby={headingId}>
      <h2 id={headingId} className={hiddenTitle ? 'section__title visually-hidden' : 'section__title'}>
        {title}
      </h2>
      <div className="section__body">{children}</div>
    </section>
  );
}

export function Entries({ children }: { children: ReactNode }) {
  return <ul className="entries">{children}</ul>;
}

type EntryProps = {
  /** The entry's name; when absent, the first meta part takes its place as the heading. */
  title: ReactNode;
  meta?: readonly ReactNode[];
  date?: string | null;
  children?: ReactNode;
};

export function Entry({ title, meta = [], date, children }: EntryProps) {
  const parts = meta.filter(isPresent);
  const [heading, ...rest] = isPresent(title) ? [title, ...parts] : parts;
  return (
    <li className="entry">
      {heading || date ? (
        <div className="entry__head">
          {heading ? <h3 className="entry__title">{heading}</h3> : null}
          {date ? <p className="entry__date">{date}</p> : null}
        </div>
      ) : null}
      <MetaLine parts={rest} />
      {children}
    </li>
  );
}

/**
 * Short facts in a row ("Acme · Tel Aviv"). The dots are drawn by CSS, so screen readers
 * skip them; the spaces after them are real, so a narrow screen wraps after a dot.
 */
export function MetaLine({ parts, className = 'entry__meta' }: { parts: readonly ReactNode[]; className?: string }) {
  const present = parts.filter(isPresent);
  if (!present.length) return null;
  return (
    <p className={`meta ${className}`}>
      {present.map((part, index) => (
        <Fragment key={index}>
          {index > 0 ? ' ' : null}
          <span>{part}</span>
        </Fragment>
      ))}
    </p>
  );
}

/** Long text as paragraphs: a blank line in the CV starts a new one. */
export function Prose({ text, className = 'prose' }: { text: string | null | undefined; className?: string }) {
  const paragraphs = cleanList(text?.split(/\n\s*\n/));
  if (!paragraphs.length) return null;
  return (
    <div className={className}>
      {paragraphs.map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
    </div>
  );
}

export function BulletList({ items, label }: { items: readonly (string | null | undefined)[] | null | undefined; label?: string }) {
  const present = cleanList(items);
  if (!present.length) return null;
  return (
    <div className="bullets">
      {label ? <p className="list-label">{label}</p> : null}
      <ul>
        {present.map((item, index) => (
          <li key={index}>{item}</li>
        ))}
      </ul>
    </div>
  );
}

export function TagList({ items, label }: { items: readonly (string | null | undefined)[] | null | undefined; label: string }) {
  const present = cleanList(items);
  if (!present.length) return null;
  return (
    <ul className="tags" aria-label={label}>
      {present.map((item, index) => (
        <li key={index} className="tag">
          {item}
        </li>
      ))}
    </ul>
  );
}

/** Labelled facts ("GPA 92", "Credential ID CKA-123"); rows without a value are left out. */
export function Facts({ items }: { items: readonly (readonly [string, ReactNode])[] }) {
  const present = items.filter(([, value]) => isPresent(value));
  if (!present.length) return null;
  return (
    <dl className="facts">
      {present.map(([label, value], index) => (
        <div key={index}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Named links ("Demo", "Source code"); an address that is not a safe link is left out, since a bare label leads nowhere. */
export function LinkRow({ links }: { links: readonly (readonly [string, string | null | undefined])[] }) {
  const safe = links.filter(([, href]) => safeHref(href) !== null);
  if (!safe.length) return null;
  return (
    <ul className="links">
      {safe.map(([label, href]) => (
        <li key={label}>
          <SafeLink href={href}>{label}</SafeLink>
        </li>
      ))}
    </ul>
  );
}
