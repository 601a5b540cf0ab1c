import type { Cv } from '@r2w/cv-schema';
import { SAMPLE_CV } from '@r2w/portfolio-task';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-client';
import { CvEditor } from '../components/cv-editor';
import { SaveStatus } from '../components/save-status';
import { useCvDraft } from '../hooks/use-cv-draft';

function Harness({ initial, save, onDraft }: { initial: Cv; save: (cv: Cv) => Promise<unknown>; onDraft?: (cv: Cv) => void }) {
  const { draft, errors, state, edit, saveNow } = useCvDraft(initial, save);
  onDraft?.(draft);
  return (
    <>
      <SaveStatus state={state} onRetry={() => void saveNow()} />
      <CvEditor cv={draft} errors={errors} onEdit={edit} />
    </>
  );
}

const experience = () => screen.getByRole('region', { name: 'Experience' });
// Entries show as one line (name · organisation · dates) until opened.
const openEntry = (name: string) => userEvent.click(within(experience()).getByRole('button', { name: new RegExp(`^${name} ·`) }));

describe('CV editor', () => {
  it('shows all 18 sections, empty ones included, and every extracted value', async () => {
    render(<Harness initial={SAMPLE_CV} save={vi.fn()} />);
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    for (const name of [
      'Name and title',
      'Contact',
      'Summary',
      'Experience',
      'Education',
      'Skills',
      'Projects',
      'Certifications',
      'Languages',
      'Interests',
      'What colleagues say',
      'Memberships',
      'Awards',
      'Publications',
      'Patents',
      'Talks',
      'Courses',
      'References',
    ]) {
      expect(headings).toContain(name);
    }
    await openEntry('Lead Product Designer');
    expect(screen.getByDisplayValue('Lead Product Designer')).toBeTruthy();
    expect(screen.getAllByDisplayValue('Harbour Health').length).toBeGreaterThan(0);
    expect(screen.getByDisplayValue('https://www.linkedin.com/in/alex-morgan-example')).toBeTruthy();
  });

  it('autosaves an edit once typing stops', async () => {
    const save = vi.fn().mockResolvedValue(undefined);
    render(<Harness initial={SAMPLE_CV} save={save} />);
    await openEntry('Lead Product Designer');
    const title = within(experience()).getByLabelText('Job title');
    await userEvent.clear(title);
    await userEvent.type(title, 'Head of Design');
    expect(screen.getByText(/Unsaved changes|Saving/)).toBeTruthy();
    // On a busy machine a pause between keystrokes can outlast the autosave delay and save a
    // prefix first; what matters is that the whole title is saved once typing stops.
    await waitFor(() => expect(screen.getByText('All changes saved.')).toBeTruthy(), { timeout: 5000 });
    expect((save.mock.calls.at(-1)![0] as Cv).experience.items[0]!.jobTitle).toBe('Head of Design');
  });

  it('adds, reorders, removes and restores entries, and renames a section', async () => {
    let draft: Cv = SAMPLE_CV;
    render(<Harness initial={SAMPLE_CV} save={vi.fn().mockResolvedValue(undefined)} onDraft={(cv) => (draft = cv)} />);
    const user = userEvent.setup();
    const before = draft.experience.items.map((item) => item.id);
    await openEntry('Lead Product Designer');
    await openEntry('Product Designer');

    await user.click(within(experience()).getByRole('button', { name: 'Move Product Designer up' }));
    expect(draft.experience.items.map((item) => item.id)).toEqual([before[1], before[0], ...before.slice(2)]);

    await user.click(within(experience()).getByRole('button', { name: 'Remove Lead Product Designer' }));
    expect(draft.experience.items.map((item) => item.jobTitle)).not.toContain('Lead Product Designer');
    await user.click(within(experience()).getByRole('button', { name: 'Undo' }));
    expect(draft.experience.items.map((item) => item.jobTitle)).toContain('Lead Product Designer');

    await user.click(within(experience()).getByRole('button', { name: 'Add to Experience' }));
    expect(draft.experience.items).toHaveLength(before.length + 1);
    const added = draft.experience.items.at(-1)!;
    expect(added.id).toMatch(/^[0-9a-f-]{36}$/);

    const sectionTitle = within(experience()).getByLabelText('Section title');
    await user.clear(sectionTitle);
    await user.type(sectionTitle, 'Career');
    expect(draft.experience.sectionTitle).toBe('Career');
    expect(screen.getByRole('heading', { name: 'Career' })).toBeTruthy();
  });

  it('marks an invalid value at its field and does not save it', async () => {
    const save = vi.fn().mockResolvedValue(undefined);
    render(<Harness initial={SAMPLE_CV} save={save} />);
    const url = screen.getAllByLabelText('URL').find((input) => (input as HTMLInputElement).value.startsWith('https://www.linkedin'))!;
    await userEvent.clear(url);
    await userEvent.type(url, 'javascript:alert(1)');
    await waitFor(() => expect(screen.getByText(/Not saved: one field needs a fix/)).toBeTruthy(), { timeout: 5000 });
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(url.getAttribute('aria-describedby')!)!.textContent).toBe('Enter a web address, such as https://example.com.');
    expect(save).not.toHaveBeenCalled();
  });

  it('marks an e-mail address without a domain at its field, and saves once it is fixed', async () => {
    const save = vi.fn().mockResolvedValue(undefined);
    render(<Harness initial={SAMPLE_CV} save={save} />);
    const email = screen.getByDisplayValue('alex.morgan@example.com');
    expect(email.getAttribute('type')).toBe('email');
    await userEvent.clear(email);
    await userEvent.type(email, 'alex@postbox');
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'), { timeout: 5000 });
    expect(document.getElementById(email.getAttribute('aria-describedby')!)!.textContent).toBe('Enter an e-mail address, such as name@example.com.');
    expect(save).not.toHaveBeenCalled();
    await userEvent.type(email, '.example');
    await waitFor(() => expect(save).toHaveBeenCalled(), { timeout: 5000 });
    expect((save.mock.calls[0]![0] as Cv).contact.email).toBe('alex@postbox.example');
    expect(email.getAttribute('aria-invalid')).toBeNull();
  });

  it('marks a phone number that is not one at its field', async () => {
    const save = vi.fn().mockResolvedValue(undefined);
    render(<Harness initial={SAMPLE_CV} save={save} />);
    const phone = screen.getByDisplayValue('+44 20 7946 0321');
    expect(phone.getAttribute('type')).toBe('tel');
    await userEvent.clear(phone);
    await userEvent.type(phone, 'ask me');
    await waitFor(() => expect(phone.getAttribute('aria-invalid')).toBe('true'), { timeout: 5000 });
    expect(document.getElementById(phone.getAttribute('aria-describedby')!)!.textContent).toMatch(/^Enter a phone number/);
    expect(save).not.toHaveBeenCalled();
  });

  it('drops the wording "as written" when a date is edited, so the site shows the new date', async () => {
    const save = vi.fn().mockResolvedValue(undefined);
    render(<Harness initial={SAMPLE_CV} save={save} />);
    await openEntry('Product Designer');
    const job = within(experience()).getByRole('group', { name: 'Date range' });
    expect(within(job).getByLabelText<HTMLInputElement>('As written in the CV').value).toBe('Jun 2017 – Feb 2021');
    const to = within(job).getByLabelText('To');
    await userEvent.clear(to);
    await userEvent.type(to, '2021-05');
    expect(within(job).getByLabelText<HTMLInputElement>('As written in the CV').value).toBe('');
    await waitFor(() => expect(save).toHaveBeenCalled(), { timeout: 5000 });
    expect((save.mock.calls.at(-1)![0] as Cv).experience.items[1]!.dateRange).toEqual({ start: '2017-06', end: '2021-05', isCurrent: false });
  });

  it('keeps the draft when a save fails and saves it on "Try again"', async () => {
    const save = vi
      .fn()
      .mockRejectedValueOnce(new ApiError(503, 'DEPENDENCY_UNAVAILABLE', 'The database is not available right now; please try again shortly.'))
      .mockResolvedValue(undefined);
    render(<Harness initial={SAMPLE_CV} save={save} />);
    const name = screen.getByLabelText('Full name');
    await userEvent.clear(name);
    await userEvent.type(name, 'Alex M. Morgan');
    await waitFor(() => expect(screen.getByText(/Not saved: The database is not available/)).toBeTruthy(), { timeout: 5000 });
    expect((name as HTMLInputElement).value).toBe('Alex M. Morgan');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByText('All changes saved.')).toBeTruthy());
    expect((save.mock.calls.at(-1)![0] as Cv).hero.fullName).toBe('Alex M. Morgan');
  });

  it('lists text the extractor could not place until it is dismissed', async () => {
    let draft: Cv = SAMPLE_CV;
    const cv: Cv = { ...SAMPLE_CV, extraction: { unclassifiedText: ['Driving licence B', 'Available from June'], sections: {}, rejectedValues: 0 } };
    render(<Harness initial={cv} save={vi.fn().mockResolvedValue(undefined)} onDraft={(d) => (draft = d)} />);
    const panel = screen.getByRole('region', { name: 'Text we could not place' });
    expect(within(panel).getByText('Driving licence B')).toBeTruthy();
    await userEvent.click(within(panel).getByRole('button', { name: 'Dismiss: Driving licence B' }));
    expect(draft.extraction?.unclassifiedText).toEqual(['Available from June']);
  });
});
