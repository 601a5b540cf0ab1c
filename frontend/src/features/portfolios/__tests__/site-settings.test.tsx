import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SiteSettings } from '../components/site-settings';
import type { Portfolio } from '@r2w/cv-schema/api';

const portfolio: Portfolio = {
  id: 'p1',
  cvId: 'c1',
  templateId: 'modern',
  slug: null,
  settings: { siteUrl: 'https://jordan.example.com', accentColor: '#aa0000' },
  published: false,
  publishedBuildId: null,
  publishedAt: null,
  url: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

// The CV's language as the API's CV response gives it.
function setup(settings: Portfolio['settings'] = portfolio.settings, cvLanguage: string | null | undefined = 'en', hasPhoto = true) {
  const fetch = vi.fn(
    async (_url: string, init: RequestInit) =>
      new Response(JSON.stringify({ portfolio: { ...portfolio, settings: JSON.parse(String(init.body)).settings } }), { status: 200, headers: { 'Content-Type': 'application/json' } }),
  );
  vi.stubGlobal('fetch', fetch);
  const onPreview = vi.fn();
  render(
    <QueryClientProvider client={new QueryClient()}>
      <SiteSettings portfolio={{ ...portfolio, settings }} cvLanguage={cvLanguage} hasPhoto={hasPhoto} onPreview={onPreview} />
    </QueryClientProvider>,
  );
  return { fetch, onPreview };
}

describe('site settings', () => {
  it('shows a change in the preview at once and saves it once, keeping the site URL', async () => {
    const { fetch, onPreview } = setup();
    await userEvent.selectOptions(screen.getByLabelText('Language of headings and dates'), 'he');
    expect(onPreview).toHaveBeenLastCalledWith({ siteUrl: 'https://jordan.example.com', accentColor: '#aa0000', language: 'he' });
    await waitFor(() => expect(screen.getByText('Settings saved.')).toBeTruthy());
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/api/v1/portfolios/p1');
    expect(JSON.parse(String(init.body))).toEqual({ settings: { siteUrl: 'https://jordan.example.com', accentColor: '#aa0000', language: 'he' } });
  });

  it('starts in the language the CV is written in until the owner picks one', async () => {
    setup({ siteUrl: 'https://jordan.example.com' }, 'he');
    const select = screen.getByLabelText<HTMLSelectElement>('Language of headings and dates');
    expect(await screen.findByText('Chosen from the language your CV is written in.')).toBeTruthy();
    expect(select.value).toBe('he');
    expect(screen.getByRole('option', { name: 'עברית' })).toBeTruthy();
    await userEvent.selectOptions(select, 'en');
    expect(select.value).toBe('en');
    expect(screen.queryByText('Chosen from the language your CV is written in.')).toBeNull();
  });

  it('says when the CV is too short to tell its language', async () => {
    setup({}, null);
    expect(await screen.findByText('Your CV is too short to tell its language.')).toBeTruthy();
    expect(screen.getByLabelText<HTMLSelectElement>('Language of headings and dates').value).toBe('en');
  });

  it('shows the language the owner chose over the CV’s', () => {
    setup({ language: 'fr' }, 'he');
    expect(screen.getByLabelText<HTMLSelectElement>('Language of headings and dates').value).toBe('fr');
  });

  it('goes back to the template colour by leaving the accent out', async () => {
    const { fetch, onPreview } = setup();
    fireEvent.input(screen.getByLabelText('Accent colour'), { target: { value: '#00aa00' } });
    expect(onPreview).toHaveBeenLastCalledWith({ siteUrl: 'https://jordan.example.com', accentColor: '#00aa00' });
    await userEvent.click(screen.getByRole('button', { name: "Use the template's colour" }));
    expect(onPreview).toHaveBeenLastCalledWith({ siteUrl: 'https://jordan.example.com' });
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    expect(JSON.parse(String(fetch.mock.calls.at(-1)![1].body))).toEqual({ settings: { siteUrl: 'https://jordan.example.com' } });
  });

  it('offers "Show my photo" only when there is a photo to show', async () => {
    setup({}, 'en', false);
    const box = screen.getByLabelText<HTMLInputElement>('Show my photo');
    expect([box.checked, box.disabled]).toEqual([false, true]);
    expect(screen.getByText('Upload a photo above to show it on your site.')).toBeTruthy();
  });

  it('shows "Show my photo" ticked by default when there is a photo, and saves unticking it', async () => {
    const { onPreview } = setup({}, 'en', true);
    const box = screen.getByLabelText<HTMLInputElement>('Show my photo');
    expect([box.checked, box.disabled]).toEqual([true, false]);
    await userEvent.click(box);
    expect(onPreview).toHaveBeenLastCalledWith({ showPhoto: false });
  });
});
