import type { SectionKey } from '@r2w/cv-schema';
import { memo, useId } from 'react';
import type { SectionSpec } from '../lib/describe-schema';
import { sectionCount } from '../lib/filled';
import { sectionName } from '../lib/labels';
import { FieldsEditor, type EditFn, type Errors } from './fields-editor';
import { Disclosure, ItemsEditor } from './items-editor';

type Props = {
  spec: SectionSpec;
  value: unknown;
  errors: Errors;
  onEdit: EditFn;
  open: boolean;
  onToggle: (key: SectionKey) => void;
  /** The extractor was unsure of what it put here: the person should check it. */
  unsure: boolean;
};

/** One of the 18 sections, as a heading that opens and closes it (a section with a problem stays open). */
export const SectionEditor = memo(function SectionEditor({ spec, value, errors, onEdit, open, onToggle, unsure }: Props) {
  const headingId = useId();
  const section = (value ?? {}) as Record<string, unknown>;
  const name = sectionName(spec.key, section.sectionTitle as string | undefined);
  const entries = sectionCount(spec, value);
  const hasErrors = Object.keys(errors).length > 0;
  const isOpen = open || hasErrors;
  return (
    <section id={`section-${spec.key}`} aria-labelledby={headingId} className="section-editor" data-open={isOpen}>
      <div className="section-head">
        <h3>
          <button type="button" id={headingId} className="section-toggle" aria-expanded={isOpen} onClick={() => onToggle(spec.key)}>
            <Disclosure />
            {name}
          </button>
        </h3>
        <span className="hint">{spec.kind === 'list' ? `${entries} ${entries === 1 ? 'entry' : 'entries'}` : entries === 0 ? 'empty' : ''}</span>
        {unsure ? <span className="badge badge-warn">Check</span> : null}
        {hasErrors ? <span className="badge badge-failed">Needs a fix</span> : null}
      </div>
      {isOpen ? (
        <div className="section-body">
          {unsure ? <p className="note">Please check this section: the extractor was unsure about it.</p> : null}
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
            <FieldsEditor fields={spec.fields} value={value} path={[spec.key]} errors={errors} onEdit={onEdit} compact />
          )}
        </div>
      ) : null}
    </section>
  );
});
