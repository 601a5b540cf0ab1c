import { createId } from '@r2w/cv-schema';
import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import type { FieldSpec } from '../lib/describe-schema';
import { itemName } from '../lib/labels';
import { FieldsEditor, type EditFn, type Errors, type Path } from './fields-editor';

type Item = Record<string, unknown>;

type Props = {
  items: readonly Item[];
  fields: readonly FieldSpec[];
  path: Path;
  errors: Errors;
  onEdit: EditFn;
  /** What one entry is called in buttons ("entry", "link"). */
  noun: string;
  /** Entries of CV sections carry ids (the editor's keys and the API's error paths). */
  withIds?: boolean;
};

/** A list of entries: add, remove (with undo), move up and down, each entry's fields. */
export function ItemsEditor({ items, fields, path, errors, onEdit, noun, withIds = false }: Props) {
  const [removed, setRemoved] = useState<{ item: Item; index: number } | null>(null);
  const list = useRef<HTMLOListElement>(null);

  const move = (from: number, to: number) => {
    const next = [...items];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    onEdit(path, next);
  };
  const remove = (index: number) => {
    setRemoved({ item: items[index]!, index });
    onEdit(
      path,
      items.filter((_, i) => i !== index),
    );
  };
  const add = () => {
    onEdit(path, [...items, withIds ? { id: createId() } : {}]);
    setRemoved(null);
    // The new entry's first input takes the focus, so typing can start at once.
    requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(':scope > li:last-child :is(input, textarea)')?.focus());
  };

  return (
    <div className="items">
      <ol ref={list} className="items-list">
        {items.map((item, index) => {
          const name = itemName(item, index);
          return (
            <li key={typeof item.id === 'string' ? item.id : index} className="item">
              <fieldset>
                <legend>{name}</legend>
                <div className="item-actions">
                  <Button variant="quiet" disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={`Move ${name} up`}>
                    ↑ Up
                  </Button>
                  <Button variant="quiet" disabled={index === items.length - 1} onClick={() => move(index, index + 1)} aria-label={`Move ${name} down`}>
                    ↓ Down
                  </Button>
                  <Button variant="quiet" onClick={() => remove(index)} aria-label={`Remove ${name}`}>
                    Remove
                  </Button>
                </div>
                <FieldsEditor fields={fields} value={item} path={[...path, index]} errors={errors} onEdit={onEdit} />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="items-footer">
        <Button variant="secondary" onClick={add}>
          Add {noun}
        </Button>
        <span role="status">
          {removed ? (
            <>
              Removed {itemName(removed.item, removed.index)}.{' '}
              <Button
                variant="quiet"
                onClick={() => {
                  const next = [...items];
                  next.splice(Math.min(removed.index, next.length), 0, removed.item);
                  onEdit(path, next);
                  setRemoved(null);
                }}
              >
                Undo
              </Button>
            </>
          ) : null}
        </span>
      </div>
    </div>
  );
}
