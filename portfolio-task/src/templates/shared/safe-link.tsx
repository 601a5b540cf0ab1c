import type { ReactNode } from 'react';
import { Breakable } from './breakable';
import { displayUrl, safeHref } from './safe-url';
import { clean } from './text';

type SafeLinkProps = {
  href: string | null | undefined;
  /** The link text; the address itself (shortened) when absent. */
  children?: ReactNode;
  className?: string;
};

/**
 * A link only to http(s), mailto or tel. Any other address (javascript:, data:, relative
 * paths…) is shown as plain text, so CV text can never become something a visitor runs.
 */
export function SafeLink({ href, children, className }: SafeLinkProps) {
  const raw = clean(href);
  const target = safeHref(raw);
  if (!target) {
    const text = children ?? (raw === null ? null : <Breakable text={raw} />);
    if (text === null) return null;
    return className ? <span className={className}>{text}</span> : <>{text}</>;
  }
  const isWeb = target.startsWith('http');
  // Print shows each web link's address after its text, unless the text already is it.
  const classes = [className, children === undefined ? 'link--address' : null].filter(Boolean).join(' ') || undefined;
  return (
    <a href={target} className={classes} rel={isWeb ? 'noopener noreferrer' : undefined}>
      {children ?? <Breakable text={displayUrl(target)} />}
    </a>
  );
}
