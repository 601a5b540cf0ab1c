import { useEffect, useState, type TextareaHTMLAttributes } from 'react';

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'> & { value: readonly string[] | null | undefined; onChange: (next: string[] | undefined) => void };

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * A list of short entries as one text area, one entry per line. The raw text is kept while
 * typing (an empty line is where the next entry goes); the list is what is stored.
 */
export function TextListInput({ value, onChange, ...rest }: Props) {
  const list = value ?? [];
  const [raw, setRaw] = useState(list.join('\n'));
  useEffect(() => {
    // Only an outside change (undo, a reload) replaces what is being typed.
    if (lines(raw).join('\n') !== list.join('\n')) setRaw(list.join('\n'));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [list.join('\n')]);
  return (
    <textarea
      {...rest}
      rows={Math.min(12, Math.max(3, list.length + 1))}
      value={raw}
      onChange={(event) => {
        setRaw(event.target.value);
        const next = lines(event.target.value);
        onChange(next.length ? next : undefined);
      }}
    />
  );
}
