import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { TextListInput } from '../components/text-list-input';

function Harness({ onList }: { onList: (list: string[] | undefined) => void }) {
  const [list, setList] = useState<string[] | undefined>(['TypeScript']);
  return (
    <TextListInput
      aria-label="Skills"
      value={list}
      onChange={(next) => {
        setList(next);
        onList(next);
      }}
    />
  );
}

describe('TextListInput', () => {
  it('keeps the empty line being typed while storing only real entries', async () => {
    let stored: string[] | undefined;
    render(<Harness onList={(list) => (stored = list)} />);
    const box = screen.getByLabelText('Skills') as HTMLTextAreaElement;
    await userEvent.type(box, '{enter}');
    expect(box.value).toBe('TypeScript\n');
    expect(stored).toEqual(['TypeScript']);
    await userEvent.type(box, '  React ');
    expect(stored).toEqual(['TypeScript', 'React']);
    await userEvent.clear(box);
    expect(stored).toBeUndefined();
  });
});
