import { createId } from '@r2w/cv-schema';
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import type { FieldSpec } from '../lib/describe-schema';
import { itemName, itemSummary } from '../lib/labels';
import { pathKey } from '../lib/set-in';
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
  /**
   * Entries of CV sections carry ids (the editor's keys and the API's error paths), and show
   * as one line each until opened; the small lists inside an entry show whole.
   */
  withIds?: boolean;
};

/** Where the keyboard goes once the list has re-rendered after an add, a remove or an undo. */
type FocusTarget = { index: number; into: 'entry' | 'field' } | 'add';

/** The open/closed arrow of a toggle, kept out of its accessible name. */
export const Disclosure = () => <span className="disclosure" aria-hidden="true" />;

const keyOf = (item: Item, index: number) => (typeof item.id === 'string' ? item.id : String(index));

/** A list of entries: add, remove (with undo), move up and down, each entry's fields. */
export function ItemsEditor({ items, fields, path, errors, onEdit, noun, withIds = false }: Props) {
  const [removed, setRemoved] = useState<{ item: Item; index: number } | null>(null);
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set());
  const list = useRef<HTMLOListElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const focusTarget = useRef<FocusTarget | null>(null);
  const bodyId = useId();

  useEffect(() => {
    const target = focusTarget.current;
    if (target === null) return;
    const entry = target === 'add' ? null : list.current?.children[target.index];
    const element =
      target === 'add' ? addButton.current : entry?.querySelector<HTMLElement>(target.into === 'field' ? ':is(input, textarea)' : ':is(.item-toggle, input, textarea, button:not(:disabled))');
    // Until the list shows the change, the target may not exist yet: keep it for the next render.
    if (element) {
      element.focus();
      focusTarget.current = null;
    }
  });

  const open = (key: string, value: boolean) =>
    setOpened((current) => {
      const next = new Set(current);
      if (value) next.add(key);
      else next.delete(key);
      return next;
    });
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
    // The entry that took its place, or the one before it, or "Add" when the list is now empty.
    focusTarget.current = items.length === 1 ? 'add' : { index: Math.min(index, items.length - 2), into: 'entry' };
  };
  const undo = (restore: { item: Item; index: number }) => {
    const next = [...items];
    const index = Math.min(restore.index, next.length);
    next.splice(index, 0, restore.item);
    onEdit(path, next);
    setRemoved(null);
    focusTarget.current = { index, into: 'entry' };
  };
  const add = () => {
    const item: Item = withIds ? { id: createId() } : {};
    onEdit(path, [...items, item]);
    open(keyOf(item, items.length), true);
    setRemoved(null);
    // The new entry's first input takes the focus, so typing can start at once.
    focusTarget.current = { index: items.length, into: 'field' };
  };

  const errorPrefix = `${pathKey(path)}.`;
  return (
    <div className="items">
      <ol ref={list} className="items-list">
        {items.map((item, index) => {
          const name = itemName(item, index);
          const key = keyOf(item, index);
          const actions = (
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
          );
          if (!withIds) {
            return (
              <li key={key} className="item">
                <fieldset>
                  <legend>{name}</legend>
                  {actions}
                  <FieldsEditor fields={fields} value={item} path={[...path, index]} errors={errors} onEdit={onEdit} />
                </fieldset>
              </li>
            );
          }
          const needsFix = Object.keys(errors).some((error) => error.startsWith(`${errorPrefix}${index}.`));
          const isOpen = needsFix || opened.has(key);
          return (
            <li key={key} className="item">
              <div className="item-head">
                <button type="button" className="item-toggle" aria-expanded={isOpen} aria-controls={isOpen ? `${bodyId}-${index}` : undefined} onClick={() => open(key, !isOpen)}>
                  <Disclosure />
                  {itemSummary(item, index)}
                </button>
                {needsFix ? <span className="badge badge-failed">Needs a fix</span> : null}
              </div>
              {isOpen ? (
                <div id={`${bodyId}-${index}`} role="group" aria-label={name} className="item-body">
                  {actions}
                  <FieldsEditor fields={fields} value={item} path={[...path, index]} errors={errors} onEdit={onEdit} compact />
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      <div className="items-footer">
        <Button variant="secondary" onClick={add} ref={addButton}>
          Add {noun}
        </Button>
        <span role="status">
          {removed ? (
            <>
              Removed {itemName(removed.item, removed.index)}.{' '}
              <Button variant="quiet" onClick={() => undo(removed)}>
                Undo
              </Button>
            </>
          ) : null}
        </span>
      </div>
    </div>
  );
}
