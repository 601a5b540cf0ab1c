import { render, screen, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { ApiCv, Portfolio } from '@r2w/cv-schema/api';
import { PortfolioList } from '../components/portfolio-list';
import { cvTitle } from '@/features/cvs/components/cv-list';

const portfolio = (overrides: Partial<Portfolio>): Portfolio => ({
  id: '00000000-0000-4000-8000-000000000001',
  cvId: '00000000-0000-4000-8000-0000000000c1',
  templateId: 'modern',
  slug: null,
  settings: {} as Portfolio['settings'],
  published: false,
  publishedBuildId: null,
  publishedAt: null,
  url: null,
  createdAt: '2026-12-01T00:00:00Z',
  updatedAt: '2026-12-01T00:00:00Z',
  ...overrides,
});

describe('the dashboard names', () => {
  it('names a CV by its person, and by its file only until it is read', () => {
    const cv = { status: 'ready', fileName: 'priya.txt', personName: 'Priya Raman' } as const satisfies Pick<ApiCv, 'status' | 'fileName' | 'personName'>;
    expect(cvTitle(cv)).toBe('Priya Raman');
    expect(cvTitle({ ...cv, personName: null, status: 'extracting' })).toBe('priya.txt (being read)');
    expect(cvTitle({ ...cv, personName: null, status: 'failed' })).toBe('priya.txt');
    expect(cvTitle({ status: 'ready', fileName: null, personName: null })).toBe('Imported CV');
  });

  it('names each website by its address, with the person whose CV it was made from', () => {
    render(
      <QueryClientProvider client={new QueryClient()}>
        <MemoryRouter>
          <PortfolioList
            cvName={() => 'Priya Raman'}
            portfolios={[
              portfolio({ id: '00000000-0000-4000-8000-000000000002', slug: 'priya', published: true, url: 'http://localhost:2000/sites/priya/' }),
              portfolio({ id: '00000000-0000-4000-8000-000000000003', slug: 'priya-draft' }),
              portfolio({}),
            ]}
          />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    const rows = screen.getAllByRole('listitem');
    expect(within(rows[0]!).getByRole('link', { name: 'http://localhost:2000/sites/priya/' }).getAttribute('href')).toBe('http://localhost:2000/sites/priya/');
    expect(rows[1]!.textContent).toMatch(/^Address “priya-draft” Not published/);
    expect(rows[2]!.textContent).toMatch(/^No address chosen yet Not published/);
    for (const row of rows) expect(within(row).getByRole('link', { name: 'the CV of Priya Raman' }).getAttribute('href')).toBe('/cvs/00000000-0000-4000-8000-0000000000c1');
    expect(screen.queryByText(/priya\.txt/)).toBeNull();
  });
});
