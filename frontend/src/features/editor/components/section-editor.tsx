import type { Extraction } from '@r2w/cv-schema';
import { memo, useId } from 'react';
import type { SectionSpec } from '../lib/describe-schema';
import { sectionName } from '../lib/labels';
import { FieldsEditor, type EditFn, type Errors } from './fields-editor';
import { ItemsEditor } from './items-editor';

type Props = { spec: SectionSpec; value: unknown; errors: Errors; onEdit: EditFn; confidence?: Extraction['sections'][keyof Extraction['sections']] };

const UNSURE = 0.6;

function count(spec: SectionSpec, value: unknown): number {
  if (spec.kind === 'single') return Object.values((value ?? {}) as object).filter((v) => v !== undefined && v !== null).length;
  return ((value as Record<string, unknown[]> | undefined)?.[spec.listKey] ?? []).length;
}

/** One of the 18 sections; sections with content start open, empty ones closed. */
export const SectionEditor = memo(function SectionEditor({ spec, value, errors, onEdit, confidence }: Props) {
  const headingId = useId();
  const section = (value ?? {}) as Record<string, unknown>;
  const name = sectionName(spec.key, section.sectionTitle as string | undefined);
  const entries = count(spec, value);
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <section id={`section-${spec.key}`} aria-labelledby={headingId} className="section-editor">
      <details open={entries > 0 || hasErrors}>
        <summary>
          <h3 id={headingId}>{name}</h3>
          <span className="hint">{spec.kind === 'list' ? `${entries} ${entries === 1 ? 'entry' : 'entries'}` : entries === 0 ? 'empty' : ''}</span>
          {hasErrors ? <span className="badge badge-failed">Needs a fix</span> : null}
        </summary>
        {confidence && confidence.confidence < UNSURE ? <p className="note">Please check this section: the extractor was unsure about it.</p> : null}
        {spec.kind === 'list' ? (
          <>
            <div className="field">
              <label htmlFor={`${headingId}-title`}>Section title</label>
              <input id={`${headingId}-title`} type="text" value={(section.sectionTitle as string | undefined) ?? ''} onChange={(event) => onEdit([spec.key, 'sectionTitle'], event.target.value)} />
            </div>
            <ItemsEditor
              items={(section[spec.listKey] as Record<string, unknown>[] | undefined) ?? []}
              fields={spec.fields}
              path={[spec.key, spec.listKey]}
              errors={errors}
              onEdit={onEdit}
              noun={`to ${name}`}
              withIds
            />
          </>
        ) : (
          <FieldsEditor fields={spec.fields} value={value} path={[spec.key]} errors={errors} onEdit={onEdit} />
        )}
      </details>
    </section>
  );
});
