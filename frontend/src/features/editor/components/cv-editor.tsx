import type { Cv, SectionKey } from '@r2w/cv-schema';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { SECTION_SPECS } from '../lib/describe-schema';
import { sectionCount } from '../lib/filled';
import { sectionName } from '../lib/labels';
import { unsureSections } from '../lib/review';
import type { EditFn, Errors } from './fields-editor';
import { SectionEditor } from './section-editor';
import { UnplacedText } from './unplaced-text';

type Props = {
  cv: Cv;
  errors: Errors;
  onEdit: EditFn;
  /** The section the keyboard is in, for the preview to follow. */
  onActiveSection?: (key: SectionKey) => void;
};

const NO_ERRORS: Errors = Object.freeze({});

// Each section gets only its own errors, and the same object while they do not change,
// so typing in one section re-renders that section alone.
function errorsBySection(errors: Errors): Record<string, Errors> {
  const grouped: Record<string, Record<string, string>> = {};
  for (const [path, message] of Object.entries(errors)) (grouped[path.split('.')[0]!] ??= {})[path] = message;
  return grouped;
}

/** A link to a section that opens it and takes the keyboard there (an anchor alone would land on a closed section). */
function SectionLink({ cv, section, onOpen }: { cv: Cv; section: SectionKey; onOpen: (key: SectionKey) => void }) {
  return (
    <a
      href={`#section-${section}`}
      onClick={(event) => {
        event.preventDefault();
        onOpen(section);
      }}
    >
      {sectionName(section, (cv[section] as { sectionTitle?: string }).sectionTitle)}
    </a>
  );
}

/**
 * The CV as a list of sections, review first: what the extractor was unsure of and the text
 * it could not place come before everything else. Sections with content start open, with
 * their entries one line each; empty ones start closed.
 */
export function CvEditor({ cv, errors, onEdit, onActiveSection }: Props) {
  const grouped = useMemo(() => errorsBySection(errors), [errors]);
  const unplaced = cv.extraction?.unclassifiedText ?? [];
  // Which sections to check is decided by the extraction, once: editing a section does not make it sure.
  const [unsure] = useState(() => new Set(unsureSections(cv)));
  const [open, setOpen] = useState<Partial<Record<SectionKey, boolean>>>(() =>
    Object.fromEntries(SECTION_SPECS.map((spec) => [spec.key, unsure.has(spec.key) || sectionCount(spec, cv[spec.key]) > 0])),
  );
  const root = useRef<HTMLDivElement>(null);
  const focusSection = useRef<SectionKey | null>(null);
  useEffect(() => {
    if (focusSection.current === null) return;
    const section = root.current?.querySelector<HTMLElement>(`#section-${focusSection.current}`);
    focusSection.current = null;
    section?.scrollIntoView?.({ block: 'start' });
    section?.querySelector<HTMLElement>('.section-toggle')?.focus({ preventScroll: true });
  });

  const toggle = useCallback((key: SectionKey) => setOpen((current) => ({ ...current, [key]: !current[key] })), []);
  const goTo = (key: SectionKey) => {
    focusSection.current = key;
    setOpen((current) => ({ ...current, [key]: true }));
  };

  return (
    <div
      className="cv-editor"
      ref={root}
      onFocus={(event) => {
        const key = (event.target as HTMLElement).closest<HTMLElement>('.section-editor')?.id.replace('section-', '');
        if (key) onActiveSection?.(key as SectionKey);
      }}
    >
      <nav aria-label="Sections" className="section-nav">
        <ul>
          {SECTION_SPECS.map((spec) => (
            <li key={spec.key}>
              <SectionLink cv={cv} section={spec.key} onOpen={goTo} />
            </li>
          ))}
        </ul>
      </nav>
      <div className="review">
        {unsure.size > 0 ? (
          <section aria-labelledby="review-heading" className="panel">
            <h3 id="review-heading">Please check</h3>
            <p className="hint">The extractor was unsure about these sections. Compare them with your CV.</p>
            <ul className="review-links">
              {[...unsure].map((key) => (
                <li key={key}>
                  <SectionLink cv={cv} section={key} onOpen={goTo} />
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <UnplacedText
          texts={unplaced}
          onDismiss={(index) =>
            onEdit(
              ['extraction', 'unclassifiedText'],
              unplaced.filter((_, i) => i !== index),
            )
          }
        />
      </div>
      {SECTION_SPECS.map((spec) => (
        <SectionEditor
          key={spec.key}
          spec={spec}
          value={cv[spec.key]}
          errors={grouped[spec.key] ?? NO_ERRORS}
          onEdit={onEdit}
          open={open[spec.key] === true}
          onToggle={toggle}
          unsure={unsure.has(spec.key)}
        />
      ))}
    </div>
  );
}
