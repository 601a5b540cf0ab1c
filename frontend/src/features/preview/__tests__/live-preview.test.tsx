import { SAMPLE_CV } from '@r2w/portfolio-task';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LivePreview } from '../components/live-preview';

describe('live preview', () => {
  it('renders the CV with the chosen template in a sandboxed frame and follows changes', () => {
    const { rerender } = render(<LivePreview cv={SAMPLE_CV} templateId="minimal" />);
    const frame = screen.getByTitle('Live preview of your website') as HTMLIFrameElement;
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toContain('Alex Morgan');
    rerender(<LivePreview cv={{ ...SAMPLE_CV, hero: { ...SAMPLE_CV.hero, fullName: 'Alex Q. Morgan' } }} templateId="dark" />);
    const html = (screen.getByTitle('Live preview of your website') as HTMLIFrameElement).getAttribute('srcdoc')!;
    expect(html).toContain('Alex Q. Morgan');
    expect(html).not.toContain('>Alex Morgan<');
  });

  it('starts in the CV’s language the API read, right to left for Hebrew, unless the owner chose one', () => {
    const root = () => (screen.getByTitle('Live preview of your website') as HTMLIFrameElement).getAttribute('srcdoc')!;
    const { rerender } = render(<LivePreview cv={SAMPLE_CV} templateId="minimal" cvLanguage="he" />);
    expect(root()).toMatch(/<html lang="he" dir="rtl"/);
    rerender(<LivePreview cv={SAMPLE_CV} templateId="minimal" cvLanguage="he" settings={{ language: 'fr' }} />);
    expect(root()).toMatch(/<html lang="fr" dir="ltr"/);
    rerender(<LivePreview cv={SAMPLE_CV} templateId="minimal" cvLanguage={null} />);
    expect(root()).toMatch(/<html lang="en" dir="ltr"/);
  });

  it('switches between phone and desktop widths', async () => {
    render(<LivePreview cv={SAMPLE_CV} templateId="modern" />);
    await userEvent.click(screen.getByRole('button', { name: 'Phone' }));
    expect(screen.getByRole('button', { name: 'Phone' }).getAttribute('aria-pressed')).toBe('true');
    expect((screen.getByTitle('Live preview of your website') as HTMLIFrameElement).style.width).toBe('375px');
  });

  it('keeps CV text inert: a script in a field is text in the page, not a script', () => {
    render(<LivePreview cv={{ ...SAMPLE_CV, hero: { ...SAMPLE_CV.hero, fullName: '<script>alert(1)</script>' } }} templateId="minimal" />);
    const html = (screen.getByTitle('Live preview of your website') as HTMLIFrameElement).getAttribute('srcdoc')!;
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
