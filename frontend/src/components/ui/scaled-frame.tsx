import { useRef } from 'react';
import { useElementSize } from '@/lib/use-element-size';

type Props = { src?: string; srcDoc?: string; className?: string; pageWidth?: number };

/**
 * A page laid out at a desktop width and shrunk to fit its card: a picture of a site. It is
 * decorative (what it shows is said in words beside it), so it is hidden from assistive
 * technology, out of the Tab order and not clickable (a click goes to what holds it). It loads
 * only when scrolled near, and its sandbox grants nothing: no script, and an origin of its own.
 */
export function ScaledFrame({ src, srcDoc, className, pageWidth = 1280 }: Props) {
  const card = useRef<HTMLDivElement>(null);
  const size = useElementSize(card);
  // A card hidden with its column measures 0 wide: no frame until it can be drawn.
  const scale = size && size.width > 0 ? size.width / pageWidth : null;
  return (
    <div ref={card} className={className ? `scaled-frame ${className}` : 'scaled-frame'} aria-hidden="true">
      {size && scale ? (
        <iframe src={src} srcDoc={srcDoc} title="" tabIndex={-1} loading="lazy" sandbox="" style={{ width: pageWidth, height: size.height / scale, transform: `scale(${scale})` }} />
      ) : null}
    </div>
  );
}
