import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import type { FieldSpec } from '../lib/describe-schema';
import { isFilled } from '../lib/filled';
import { fieldLabel } from '../lib/labels';
import { pathKey } from '../lib/set-in';
import { ItemsEditor } from './items-editor';
import { TextListInput } from './text-list-input';

export type Path = readonly (string | number)[];
export type EditFn = (path: Path, value: unknown) => void;
export type Errors = Readonly<Record<string, string>>;

const URL_KEYS = /(^url$|Url$|^linkedInProfile$)/;

// The browser's own keyboard for the value (an @ key, a dial pad); the shared schema still decides what is valid.
function inputType(key: string): 'url' | 'email' | 'tel' | 'text' {
  if (URL_KEYS.test(key)) return 'url';
  if (key === 'email') return 'email';
  return key === 'phone' ? 'tel' : 'text';
}

type FieldProps = { spec: FieldSpec; value: unknown; path: Path; errors: Errors; onEdit: EditFn };

function Field({ spec, value, path, errors, onEdit }: FieldProps) {
  const id = useId();
  const error = errors[pathKey(path)];
  const label = fieldLabel(spec.key);
  const described = error ? `${id}-error` : undefined;
  const common = { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described } as const;
  const errorText = error ? (
    <p id={`${id}-error`} className="field-error">
      {error}
    </p>
  ) : null;

  switch (spec.kind) {
    case 'group':
      return (
        <fieldset className="group">
          <legend>{label}</legend>
          <FieldsEditor fields={spec.fields} value={value} path={path} errors={errors} onEdit={onEdit} />
        </fieldset>
      );
    case 'groups':
      return (
        <fieldset className="group">
          <legend>{label}</legend>
          <ItemsEditor items={(value as Record<string, unknown>[] | undefined) ?? []} fields={spec.fields} path={path} errors={errors} onEdit={onEdit} noun={label.replace(/s$/, '').toLowerCase()} />
        </fieldset>
      );
    case 'boolean':
      return (
        <div className="field field-check">
          <input type="checkbox" {...common} checked={value === true} onChange={(event) => onEdit(path, event.target.checked ? true : undefined)} />
          <label htmlFor={id}>{label}</label>
          {errorText}
        </div>
      );
    case 'list':
      return (
        <div className="field field-wide">
          <label htmlFor={id}>{label}</label>
          <TextListInput {...common} value={value as string[] | undefined} onChange={(next) => onEdit(path, next)} />
          <p className="hint">One per line.</p>
          {errorText}
        </div>
      );
    case 'number':
      return (
        <div className="field">
          <label htmlFor={id}>{label}</label>
          <input
            {...common}
            type="number"
            inputMode={spec.integer ? 'numeric' : 'decimal'}
            step={spec.integer ? 1 : 'any'}
            min={0}
            value={typeof value === 'number' ? value : ''}
            onChange={(event) => onEdit(path, event.target.value === '' ? undefined : event.target.valueAsNumber)}
          />
          {errorText}
        </div>
      );
    case 'text': {
      const text = typeof value === 'string' ? value : '';
      const set = (next: string) => onEdit(path, next === '' ? undefined : next);
      return (
        <div className={spec.long ? 'field field-wide' : 'field'}>
          <label htmlFor={id}>{label}</label>
          {spec.long ? (
            <textarea {...common} rows={Math.min(14, Math.max(3, Math.ceil(text.length / 80)))} value={text} onChange={(event) => set(event.target.value)} />
          ) : (
            <input {...common} type={inputType(spec.key)} value={text} onChange={(event) => set(event.target.value)} />
          )}
          {errorText}
        </div>
      );
    }
  }
}

type Props = {
  fields: readonly FieldSpec[];
  value: unknown;
  path: Path;
  errors: Errors;
  onEdit: EditFn;
  /** Only the fields that hold something (or need a fix), and "More fields" for the rest. */
  compact?: boolean;
};

/** Every field of an object, each with the input its schema calls for. */
export function FieldsEditor({ fields, value, path, errors, onEdit, compact = false }: Props) {
  const object = (value ?? {}) as Record<string, unknown>;
  const prefix = `${pathKey(path)}.`;
  const wanted = (spec: FieldSpec) => isFilled(object[spec.key]) || Object.keys(errors).some((key) => key === `${prefix}${spec.key}` || key.startsWith(`${prefix}${spec.key}.`));
  // What was shown when the form opened stays shown: clearing a field to retype it must not hide it.
  // With nothing filled (a new entry) every field shows, so there is somewhere to start.
  const [shown, setShown] = useState<ReadonlySet<string> | 'all'>(() => {
    const filled = new Set(fields.filter(wanted).map((spec) => spec.key));
    return compact && filled.size > 0 ? filled : 'all';
  });
  const container = useRef<HTMLDivElement>(null);
  const focusKey = useRef<string | null>(null);
  useEffect(() => {
    if (focusKey.current === null) return;
    container.current?.querySelector<HTMLElement>(`[data-field="${focusKey.current}"] :is(input, textarea)`)?.focus();
    focusKey.current = null;
  });
  const visible = shown === 'all' ? fields : fields.filter((spec) => shown.has(spec.key) || wanted(spec));
  const hidden = fields.filter((spec) => !visible.includes(spec));
  return (
    <div className="fields" ref={container}>
      {visible.map((spec) => (
        <div key={spec.key} className="field-slot" data-field={spec.key}>
          <Field spec={spec} value={object[spec.key]} path={[...path, spec.key]} errors={errors} onEdit={onEdit} />
        </div>
      ))}
      {hidden.length > 0 ? (
        <div className="field-wide more-fields">
          <Button
            variant="quiet"
            aria-expanded={false}
            onClick={() => {
              // The first field that appears takes the focus: it is where the person was going.
              focusKey.current = hidden[0]!.key;
              setShown('all');
            }}
          >
            More fields ({hidden.length})
          </Button>
        </div>
      ) : null}
    </div>
  );
}
