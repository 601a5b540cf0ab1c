import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubResizeObserver } from '@/test/resize-observer';
import type { Template } from '@r2w/cv-schema/api';
import { TemplatePicker } from '../components/template-picker';
import { templatesQuery } from '../api/list-templates';

const TEMPLATES: Template[] = [
  { id: 'minimal', name: 'Minimal', description: 'Quiet and clear.', previewUrl: '/api/v1/templates/minimal/preview' },
  { id: 'modern', name: 'Modern', description: 'A sidebar.', previewUrl: '/api/v1/templates/modern/preview' },
];

function renderPicker(onChange = vi.fn()) {
  const client = new QueryClient();
  client.setQueryData(templatesQuery().queryKey, TEMPLATES);
  const view = render(
    <QueryClientProvider client={client}>
      <TemplatePicker value="minimal" onChange={onChange} />
    </QueryClientProvider>,
  );
  return { ...view, onChange };
}

afterEach(() => vi.unstubAllGlobals());

describe('the template picker', () => {
  it('shows each template as its sample site at desktop width, shrunk to the card, decorative and out of the way', () => {
    // Each card is 200 px wide and 125 px high.
    stubResizeObserver(200, 125);
    const { container } = renderPicker();
    const frames = [...container.querySelectorAll('iframe')];
    expect(frames.map((frame) => new URL(frame.src).pathname)).toEqual(['/api/v1/templates/minimal/preview', '/api/v1/templates/modern/preview']);
    for (const frame of frames) {
      expect(frame.style.width).toBe('1280px');
      expect(frame.style.transform).toBe('scale(0.15625)');
      expect(frame.style.height).toBe('800px');
      expect(frame.tabIndex).toBe(-1);
      expect(frame.getAttribute('sandbox')).toBe('');
      expect(frame.closest('[aria-hidden="true"]')).not.toBeNull();
    }
    // The cards are named in words alone: the frames add nothing to what is announced.
    expect(screen.getByRole('radio', { name: /Modern/ })).toBeTruthy();
  });

  it('chooses a template from a click anywhere on its card', async () => {
    const { container, onChange } = renderPicker();
    const card = container.querySelectorAll('.template-option')[1]!;
    await userEvent.click(card.querySelector('.scaled-frame')!);
    expect(onChange).toHaveBeenCalledWith('modern');
  });
});
