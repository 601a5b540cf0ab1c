import type { Cv } from '@r2w/cv-schema';
import { isTemplateId, renderPreviewPage, type SiteSettings } from '@r2w/portfolio-task';
import { useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useElementSize } from '@/lib/use-element-size';
import { replaceDocument } from '../lib/replace-document';

type Props = {
  cv: Cv;
  templateId: string;
  settings?: SiteSettings;
  /** The section being edited: the preview scrolls to it. */
  section?: string;
  /** The CV's language as the API read it: the site's until the owner chooses one. */
  cvLanguage?: string | null;
  /** The uploaded photo, as a data: address (the frame's CSP allows data: images). */
  photo?: string | null;
  title?: string;
};

// The page is laid out at the device's real width and scaled to fit the pane, so the
// desktop preview shows the desktop layout, not the phone one squeezed into a column.
export const DEVICE_WIDTHS = { desktop: 1280, phone: 375 } as const;
type Device = keyof typeof DEVICE_WIDTHS;

/**
 * The site as it will be published, rendered in the browser by the builder's own
 * renderer and templates. Rendering follows typing at the pace the browser allows
 * (a deferred value). The frame may run no script; it shares the app's origin only so
 * that the app can update the page in place and scroll it.
 */
export function LivePreview({ cv, templateId, settings, section, cvLanguage, photo = null, title = 'Live preview of your website' }: Props) {
  const [device, setDevice] = useState<Device>('desktop');
  const deferred = useDeferredValue(cv);
  const html = useMemo(() => {
    if (!isTemplateId(templateId)) return null;
    return renderPreviewPage(deferred, { templateId, settings, cvLanguage, images: { photo } });
  }, [deferred, templateId, settings, cvLanguage, photo]);

  // The first page arrives as `srcdoc` (a real document, in standards mode); every later one
  // replaces it in place. Each load (a new frame) starts over from what `srcdoc` holds.
  const [firstHtml, setFirstHtml] = useState(html);
  if (firstHtml === null && html !== null) setFirstHtml(html);
  const frame = useRef<HTMLIFrameElement>(null);
  const shown = useRef<string | null>(null);
  const [loads, setLoads] = useState(0);
  useLayoutEffect(() => {
    const doc = frame.current?.contentDocument;
    if (loads === 0 || !doc || html === null || shown.current === html) return;
    replaceDocument(doc, html);
    shown.current = html;
  }, [html, loads]);

  useEffect(() => {
    const doc = frame.current?.contentDocument;
    if (loads === 0 || !doc || !section) return;
    // The name and title open the page; a section the site does not show leaves the page where it is.
    const target = doc.getElementById(section);
    if (target) target.scrollIntoView({ block: 'start', behavior: 'smooth' });
    else if (section === 'hero') doc.defaultView?.scrollTo({ top: 0, behavior: 'smooth' });
  }, [section, loads]);

  const pane = useRef<HTMLDivElement>(null);
  const size = useElementSize(pane);
  const width = DEVICE_WIDTHS[device];
  const scale = size ? Math.min(1, size.width / width) : 1;

  return (
    <section aria-label="Preview" className="preview">
      <div className="preview-bar" role="group" aria-label="Preview width">
        {(Object.keys(DEVICE_WIDTHS) as Device[]).map((name) => (
          <button key={name} type="button" className="btn btn-quiet" aria-pressed={device === name} onClick={() => setDevice(name)}>
            {name === 'phone' ? 'Phone' : 'Desktop'}
          </button>
        ))}
      </div>
      <div ref={pane} className={`preview-frame preview-${device}`}>
        {firstHtml !== null && html !== null ? (
          <iframe
            ref={frame}
            title={title}
            srcDoc={firstHtml}
            sandbox="allow-same-origin"
            onLoad={() => {
              shown.current = null;
              setLoads((count) => count + 1);
            }}
            style={{
              // Until the pane has been measured the scale is not known: the frame fits the pane
              // rather than sticking out of a phone's screen at the desktop width for a moment.
              width: size ? width : '100%',
              height: size ? size.height / scale : undefined,
              transform: `scale(${scale})`,
              left: size ? Math.max(0, (size.width - width * scale) / 2) : 0,
            }}
          />
        ) : (
          <p>Choose a template to see your site.</p>
        )}
      </div>
    </section>
  );
}

export default LivePreview;
