import { useRef } from 'react';
import { apiUrl } from '@/lib/api-client';
import { useElementSize } from '@/lib/use-element-size';

// A desktop page, scaled to the card: what the template looks like, not a phone layout squeezed small.
const PAGE_WIDTH = 1280;

/**
 * The template's sample site as the builder's renderer made it (the API's template preview),
 * shrunk to a card. Decorative: the option's name and description say the same in words, so
 * the frame is hidden from assistive technology, out of the Tab order and not clickable (a click
 * goes to the option). It loads only when scrolled near and may run no script
 * (same origin only so that the page can load its own fonts).
 */
export function TemplateThumbnail({ previewUrl }: { previewUrl: string }) {
  const card = useRef<HTMLDivElement>(null);
  const size = useElementSize(card);
  const scale = size ? size.width / PAGE_WIDTH : 0;
  return (
    <div ref={card} className="template-thumbnail" aria-hidden="true">
      {size ? (
        <iframe src={apiUrl(previewUrl)} title="" tabIndex={-1} loading="lazy" sandbox="allow-same-origin" style={{ width: PAGE_WIDTH, height: size.height / scale, transform: `scale(${scale})` }} />
      ) : null}
    </div>
  );
}
