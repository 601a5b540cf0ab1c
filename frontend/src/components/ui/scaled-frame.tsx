import { useRef } from 'react';
import { useElementSize } from '@/lib/use-element-size';

type Props = { src?: string; srcDoc?: string; className?: string; pageWidth?: number };

/**
 * A page laid out at a desktop width and shrunk to fit its card: a picture of a site. It is
 * decorative (what it shows is said in words beside it), so it is hidden from assistive
 * technology, out of the Tab order and not clickable (a click goes to what holds it). It loads
 * only when scrolled near and runs no script; it shares the app's origin only so that the page
 * can load its own fonts and images.
 */
export function ScaledFrame({ src, srcDoc, className, pageWidth = 1280 }: Props) {
  const card = useRef<HTMLDivElement>(null);
  const size = useElementSize(card);
  const scale = size ? size.width / pageWidth : 0;
  return (
    <div ref={card} className={className ? `scaled-frame ${className}` : 'scaled-frame'} aria-hidden="true">
      {size ? (
        <iframe src={src} srcDoc={srcDoc} title="" tabIndex={-1} loading="lazy" sandbox="allow-same-origin" style={{ width: pageWidth, height: size.height / scale, transform: `scale(${scale})` }} />
      ) : null}
    </div>
  );
}
