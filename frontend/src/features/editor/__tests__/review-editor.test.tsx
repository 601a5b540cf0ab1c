import type { Cv } from '@r2w/cv-schema';
import { SAMPLE_CV } from '@r2w/portfolio-task';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { CvEditor } from '../components/cv-editor';
import { setIn } from '../lib/set-in';

// The editor alone, with its edits applied at once (no autosave): these tests are about what
// it shows and where the keyboard goes.
function Harness({ initial, onActiveSection }: { initial: Cv; onActiveSection?: (key: string) => void }) {
  const [cv, setCv] = useState(initial);
  return <CvEditor cv={cv} errors={{}} onEdit={(path, value) => setCv((current) => setIn(current, path, value))} onActiveSection={onActiveSection} />;
}

const region = (name: string) => screen.getByRole('region', { name });
const toggle = (within_: HTMLElement, name: RegExp) => within(within_).getByRole('button', { name });

describe('review-first editor', () => {
  it('shows entries as one line each (name · organisation · dates) until one is opened', async () => {
    render(<Harness initial={SAMPLE_CV} />);
    const lead = toggle(region('Experience'), /^Lead Product Designer/);
    expect(lead.textContent).toBe('Lead Product Designer · Harbour Health · Mar 2021 – Present');
    expect(lead.getAttribute('aria-expanded')).toBe('false');
    expect(within(region('Experience')).queryByLabelText('Job title')).toBeNull();
    await userEvent.click(lead);
    expect(lead.getAttribute('aria-expanded')).toBe('true');
    expect(within(region('Experience')).getByLabelText<HTMLInputElement>('Job title').value).toBe('Lead Product Designer');
  });

  it('shows only the filled fields, and "More fields" brings the rest with the focus on the first of them', async () => {
    render(<Harness initial={SAMPLE_CV} />);
    await userEvent.click(toggle(region('Experience'), /^Product Designer ·/));
    const entry = within(region('Experience')).getByRole('group', { name: 'Product Designer' });
    expect(within(entry).getByLabelText<HTMLInputElement>('Company name').value).toBe('Ledgerly');
    // Ledgerly has no responsibilities or technologies: their inputs wait behind "More fields".
    expect(within(entry).queryByLabelText('Technologies')).toBeNull();
    await userEvent.click(within(entry).getByRole('button', { name: /^More fields \(\d+\)$/ }));
    expect(within(entry).getByLabelText('Technologies')).toBeTruthy();
    expect(within(entry).queryByRole('button', { name: /More fields/ })).toBeNull();
    expect(entry.contains(document.activeElement) && document.activeElement?.matches('input, textarea')).toBe(true);
  });

  it('keeps a field on screen while it is cleared to be retyped', async () => {
    render(<Harness initial={SAMPLE_CV} />);
    const title = screen.getByLabelText<HTMLInputElement>('Professional title');
    await userEvent.clear(title);
    expect(screen.getByLabelText<HTMLInputElement>('Professional title').value).toBe('');
  });

  it('opens on what needs checking: unsure sections and unplaced text come before the sections', async () => {
    const cv: Cv = {
      ...SAMPLE_CV,
      extraction: { unclassifiedText: ['Driving licence B'], sections: { patents: { confidence: 0.3, source: 'llm' }, skills: { confidence: 0.9, source: 'llm' } }, rejectedValues: 0 },
    };
    render(<Harness initial={cv} />);
    const check = region('Please check');
    const unplaced = region('Text we could not place');
    const firstSection = region('Name and title');
    for (const panel of [check, unplaced]) expect(panel.compareDocumentPosition(firstSection) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(
      within(check)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Patents']);
    // An unsure section starts open even when empty, with a word on why.
    expect(toggle(region('Patents'), /^Patents$/).getAttribute('aria-expanded')).toBe('true');
    expect(within(region('Patents')).getByText(/the extractor was unsure/)).toBeTruthy();
  });

  it('opens a section from its link and takes the keyboard to it', async () => {
    render(<Harness initial={SAMPLE_CV} />);
    const patents = toggle(region('Patents'), /^Patents$/);
    expect(patents.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(within(screen.getByRole('navigation', { name: 'Sections' })).getByRole('link', { name: 'Patents' }));
    expect(patents.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(patents);
  });

  it('puts the focus on the new entry, on the entry that takes a removed one’s place, on "Add" when none is left, and on a restored entry', async () => {
    const user = userEvent.setup();
    render(<Harness initial={SAMPLE_CV} />);
    const experience = region('Experience');

    await user.click(within(experience).getByRole('button', { name: 'Add to Experience' }));
    const added = within(experience).getByRole('group', { name: 'Entry 3' });
    expect(document.activeElement).toBe(within(added).getByLabelText('Job title'));

    await user.click(toggle(experience, /^Lead Product Designer/));
    await user.click(within(experience).getByRole('button', { name: 'Remove Lead Product Designer' }));
    expect(document.activeElement).toBe(toggle(experience, /^Product Designer ·/));

    await user.click(within(experience).getByRole('button', { name: 'Undo' }));
    expect(document.activeElement).toBe(toggle(experience, /^Lead Product Designer/));

    const education = region('Education');
    await user.click(toggle(education, /^BA Graphic Communication/));
    await user.click(within(education).getByRole('button', { name: 'Remove BA Graphic Communication' }));
    expect(document.activeElement).toBe(within(education).getByRole('button', { name: 'Add to Education' }));
  });

  it('moves the focus to the next unplaced line after a dismissal, and to the panel’s heading after the last', async () => {
    const cv: Cv = { ...SAMPLE_CV, extraction: { unclassifiedText: ['Driving licence B', 'Available from June'], sections: {}, rejectedValues: 0 } };
    render(<Harness initial={cv} />);
    const panel = region('Text we could not place');
    await userEvent.click(within(panel).getByRole('button', { name: 'Dismiss: Driving licence B' }));
    await waitFor(() => expect(document.activeElement).toBe(within(panel).getByRole('button', { name: 'Dismiss: Available from June' })));
    await userEvent.click(within(panel).getByRole('button', { name: 'Dismiss: Available from June' }));
    await waitFor(() => expect(document.activeElement).toBe(within(panel).getByRole('heading', { name: 'Text we could not place' })));
    expect(within(panel).getByText('Nothing left to place.')).toBeTruthy();
  });

  it('tells which section the keyboard is in, for the preview to follow', async () => {
    const onActiveSection = vi.fn();
    render(<Harness initial={SAMPLE_CV} onActiveSection={onActiveSection} />);
    await userEvent.click(toggle(region('Experience'), /^Lead Product Designer/));
    expect(onActiveSection).toHaveBeenLastCalledWith('experience');
    await userEvent.click(screen.getByLabelText('Full name'));
    expect(onActiveSection).toHaveBeenLastCalledWith('hero');
  });
});
