import { MetaLine, Prose, Section } from '../shared/blocks';
import { SafeLink } from '../shared/safe-link';
import { safeWebUrl } from '../shared/safe-url';
import { clean, joinText } from '../shared/text';
import { useDates } from '../shared/use-dates';
import type { SectionProps } from './types';
import { useSectionTitle, visibleEntries } from './visible';

export function TestimonialsSection({ cv }: SectionProps) {
  const title = useSectionTitle(cv, 'testimonials');
  const dates = useDates();
  const items = visibleEntries(cv, 'testimonials');
  if (!items.length) return null;
  return (
    <Section id="testimonials" title={title}>
      <div className="testimonials">
        {items.map((item) => {
          const avatar = safeWebUrl(item.authorImageUrl);
          const author = clean(item.authorName);
          return (
            <figure key={item.id} className="testimonial">
              <blockquote className="testimonial__quote">
                <Prose text={item.testimonialText} />
              </blockquote>
              <figcaption className="testimonial__author">
                {/* The author's name follows, so the portrait adds nothing for a screen reader. */}
                {avatar ? <img className="testimonial__avatar" src={avatar} alt="" width={48} height={48} loading="lazy" decoding="async" /> : null}
                <span>
                  {author ? (
                    <span className="testimonial__name">
                      <SafeLink href={item.linkedInProfile}>{author}</SafeLink>
                    </span>
                  ) : null}
                  <MetaLine className="testimonial__meta" parts={[joinText([item.authorTitle, item.authorCompany]), clean(item.relationshipToCandidate), dates.single(item.dateGiven)]} />
                </span>
              </figcaption>
            </figure>
          );
        })}
      </div>
    </Section>
  );
}
