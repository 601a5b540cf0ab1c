import type { Cv } from '@r2w/cv-schema';
import { useMemo } from 'react';
import { SECTION_SPECS } from '../lib/describe-schema';
import { sectionName } from '../lib/labels';
import type { EditFn, Errors } from './fields-editor';
import { SectionEditor } from './section-editor';
import { UnplacedText } from './unplaced-text';

type Props = { cv: Cv; errors: Errors; onEdit: EditFn };

const NO_ERRORS: Errors = Object.freeze({});

// Each section gets only its own errors, and the same object while they do not change,
// so typing in one section re-renders that section alone.
function errorsBySection(errors: Errors): Record<string, Errors> {
  const grouped: Record<string, Record<string, string>> = {};
  for (const [path, message] of Object.entries(errors)) (grouped[path.split('.')[0]!] ??= {})[path] = message;
  return grouped;
}

export function CvEditor({ cv, errors, onEdit }: Props) {
  const grouped = useMemo(() => errorsBySection(errors), [errors]);
  const unplaced = cv.extraction?.unclassifiedText ?? [];
  return (
    <div className="cv-editor">
      <nav aria-label="Sections" className="section-nav">
        <ul>
          {SECTION_SPECS.map((spec) => (
            <li key={spec.key}>
              <a href={`#section-${spec.key}`}>{sectionName(spec.key, (cv[spec.key] as { sectionTitle?: string }).sectionTitle)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {SECTION_SPECS.map((spec) => (
        <SectionEditor key={spec.key} spec={spec} value={cv[spec.key]} errors={grouped[spec.key] ?? NO_ERRORS} onEdit={onEdit} confidence={cv.extraction?.sections[spec.key]} />
      ))}
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
  );
}
