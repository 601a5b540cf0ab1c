import { SAMPLE_CV } from '@r2w/portfolio-task';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubResizeObserver } from '@/test/resize-observer';
import { LivePreview } from '../components/live-preview';

const frame = () => screen.getByTitle<HTMLIFrameElement>('Live preview of your website');
// The page the frame shows (jsdom ignores `srcdoc`, so this is the page put in place).
const page = () => frame().contentDocument!;
const shows = (text: string) => waitFor(() => expect(page().body.textContent).toContain(text));

afterEach(() => vi.unstubAllGlobals());

describe('live preview', () => {
  it('renders the CV with the chosen template in a frame that runs no script, and follows changes', async () => {
    const { rerender } = render(<LivePreview cv={SAMPLE_CV} templateId="minimal" />);
    expect(frame().getAttribute('sandbox')).toBe('allow-same-origin');
    expect(frame().getAttribute('srcdoc')).toContain('Alex Morgan');
    await shows('Alex Morgan');
    rerender(<LivePreview cv={{ ...SAMPLE_CV, hero: { ...SAMPLE_CV.hero, fullName: 'Alex Q. Morgan' } }} templateId="dark" />);
    await shows('Alex Q. Morgan');
  });

  it('asks for no font file: the frame has no site folder to load one from, so the system stacks show', () => {
    render(<LivePreview cv={SAMPLE_CV} templateId="academic" />);
    const srcdoc = frame().getAttribute('srcdoc')!;
    expect(srcdoc).not.toContain('@font-face');
    expect(srcdoc).not.toContain('as="font"');
  });

  it('updates the page in place, so the frame is not reloaded and keeps its scroll position', async () => {
    const { rerender } = render(<LivePreview cv={SAMPLE_CV} templateId="minimal" />);
    await shows('Alex Morgan');
    const before = page();
    const srcdoc = frame().getAttribute('srcdoc');
    rerender(<LivePreview cv={{ ...SAMPLE_CV, hero: { ...SAMPLE_CV.hero, professionalTitle: 'Design Director' } }} templateId="minimal" />);
    await shows('Design Director');
    expect(page()).toBe(before);
    expect(frame().getAttribute('srcdoc')).toBe(srcdoc);
  });

  it('scrolls to the section being edited', async () => {
    const { rerender } = render(<LivePreview cv={SAMPLE_CV} templateId="modern" />);
    await shows('Alex Morgan');
    const education = page().getElementById('education')!;
    const scrolled = vi.fn();
    education.scrollIntoView = scrolled;
    rerender(<LivePreview cv={SAMPLE_CV} templateId="modern" section="education" />);
    expect(scrolled).toHaveBeenCalledWith({ block: 'start', behavior: 'smooth' });
  });

  it('starts in the CV’s language the API read, right to left for Hebrew, unless the owner chose one', async () => {
    const root = () => page().documentElement;
    const { rerender } = render(<LivePreview cv={SAMPLE_CV} templateId="minimal" cvLanguage="he" />);
    expect(frame().getAttribute('srcdoc')).toMatch(/<html lang="he" dir="rtl"/);
    await waitFor(() => expect(root().getAttribute('dir')).toBe('rtl'));
    rerender(<LivePreview cv={SAMPLE_CV} templateId="minimal" cvLanguage="he" settings={{ language: 'fr' }} />);
    await waitFor(() => expect([root().getAttribute('lang'), root().getAttribute('dir')]).toEqual(['fr', 'ltr']));
    rerender(<LivePreview cv={SAMPLE_CV} templateId="minimal" cvLanguage={null} />);
    await waitFor(() => expect(root().getAttribute('lang')).toBe('en'));
  });

  it('lays the page out at a real desktop or phone width, scaled to fit the pane', async () => {
    // The pane is 640 px wide and 700 px high.
    stubResizeObserver(640, 700);
    render(<LivePreview cv={SAMPLE_CV} templateId="modern" />);
    expect(screen.getByRole('button', { name: 'Desktop' }).getAttribute('aria-pressed')).toBe('true');
    expect(frame().style.width).toBe('1280px');
    expect(frame().style.transform).toBe('scale(0.5)');
    expect(frame().style.height).toBe('1400px');
    await userEvent.click(screen.getByRole('button', { name: 'Phone' }));
    expect(frame().style.width).toBe('375px');
    expect(frame().style.transform).toBe('scale(1)');
    expect(frame().style.left).toBe(`${(640 - 375) / 2}px`);
  });

  it('keeps CV text inert: a script in a field is text in the page, not a script', async () => {
    render(<LivePreview cv={{ ...SAMPLE_CV, hero: { ...SAMPLE_CV.hero, fullName: '<script>alert(1)</script>' } }} templateId="minimal" />);
    expect(frame().getAttribute('srcdoc')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    await shows('<script>alert(1)</script>');
    // The only script element is the page's JSON-LD data, which is not run.
    expect([...page().querySelectorAll('script')].map((script) => script.type)).toEqual(['application/ld+json']);
  });
});
