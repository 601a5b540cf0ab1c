import type { PDFDocumentProxy, RenderTask, TextLayer } from 'pdfjs-dist';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { ErrorNote } from '@/components/ui/error-note';
import { useElementSize } from '@/lib/use-element-size';
import { Loading } from '@/components/ui/loading';
import { loadPdfJs } from '../lib/pdfjs';
import { pdfjsDocumentFiles } from '../lib/pdfjs-assets';

const COULD_NOT_SHOW = 'We could not show this PDF here. You can still download it from your dashboard.';

/**
 * The element's content width in whole pixels, following resizes; 0 until it is first shown.
 * Hiding it (the other view chosen) keeps the last width, so coming back draws nothing again.
 */
function useWidth(element: RefObject<HTMLElement | null>): number {
  const size = useElementSize(element);
  const [width, setWidth] = useState(0);
  const measured = size ? Math.floor(size.width) : 0;
  if (measured > 0 && measured !== width) setWidth(measured);
  return width;
}

/**
 * One page: drawn on a canvas at the column's width (sharp on high-density screens), with
 * pdf.js's text layer over it, so its words can be selected, found and read by a screen
 * reader as they stand on the page.
 */
function PdfPage({ doc, number, width }: { doc: PDFDocumentProxy; number: number; width: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const text = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    if (width <= 0) return;
    setDrawn(false);
    let cancelled = false;
    let task: RenderTask | undefined;
    let layer: TextLayer | undefined;
    void (async () => {
      const pdfjs = await loadPdfJs();
      const page = await doc.getPage(number);
      if (cancelled || !canvas.current || !text.current) return;
      const fit = width / page.getViewport({ scale: 1 }).width;
      const viewport = page.getViewport({ scale: fit });
      const ratio = window.devicePixelRatio || 1;
      canvas.current.width = Math.floor(viewport.width * ratio);
      canvas.current.height = Math.floor(viewport.height * ratio);
      setScale(fit);
      task = page.render({ canvas: canvas.current, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
      text.current.replaceChildren();
      layer = new pdfjs.TextLayer({ textContentSource: page.streamTextContent(), container: text.current, viewport });
      await Promise.all([task.promise, layer.render()]);
      if (!cancelled) setDrawn(true);
    })().catch((error: unknown) => {
      // A render replaced by the next one (a new width) is cancelled, not failed.
      if (!cancelled && !(error instanceof Error && error.name === 'RenderingCancelledException')) setFailed(true);
    });
    return () => {
      cancelled = true;
      task?.cancel();
      layer?.cancel();
    };
  }, [doc, number, width]);
  return (
    <div
      role="group"
      aria-label={`Page ${number} of ${doc.numPages}`}
      aria-busy={!drawn && !failed}
      className="pdf-page"
      style={{ '--total-scale-factor': scale ?? 1, '--scale-round-x': '1px', '--scale-round-y': '1px' } as React.CSSProperties}
    >
      <canvas ref={canvas} aria-hidden="true" />
      <div ref={text} className="textLayer" />
      {failed ? <ErrorNote>{`Page ${number} could not be drawn.`}</ErrorNote> : null}
    </div>
  );
}

/** A PDF's pages, one under the other, as wide as the column. */
export function PdfPages({ bytes }: { bytes: Uint8Array }) {
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [error, setError] = useState(false);
  const column = useRef<HTMLDivElement>(null);
  const width = useWidth(column);
  useEffect(() => {
    let cancelled = false;
    let destroy: (() => Promise<void>) | undefined;
    loadPdfJs()
      .then((pdfjs) => {
        if (cancelled) return null;
        // A copy: pdf.js hands its buffer to the worker, and the cached file must stay whole for the next visit.
        const task = pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, ...pdfjsDocumentFiles() });
        destroy = () => task.destroy();
        return task.promise;
      })
      .then(
        (loaded) => !cancelled && loaded && setDoc(loaded),
        () => !cancelled && setError(true),
      );
    return () => {
      cancelled = true;
      void destroy?.();
    };
  }, [bytes]);
  return (
    <div ref={column} className="pdf-pages">
      {error ? (
        <ErrorNote>{COULD_NOT_SHOW}</ErrorNote>
      ) : !doc ? (
        <Loading what="Drawing the pages of your PDF" />
      ) : (
        Array.from({ length: doc.numPages }, (_, index) => <PdfPage key={index} doc={doc} number={index + 1} width={width} />)
      )}
    </div>
  );
}
