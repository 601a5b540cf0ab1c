import { render } from '@testing-library/react';
import { SAMPLE_CV } from '@r2w/portfolio-task';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubResizeObserver } from '@/test/resize-observer';
import { SiteThumbnail } from '../components/site-thumbnail';

afterEach(() => vi.unstubAllGlobals());

describe('a website card', () => {
  it('draws the home page from the CV with the chosen template, asking for no file (nothing serves a site folder there)', () => {
    stubResizeObserver(160, 100);
    const { container } = render(<SiteThumbnail cv={SAMPLE_CV} templateId="editorial" settings={{ language: 'fr' }} />);
    const html = container.querySelector('iframe')!.getAttribute('srcdoc')!;
    expect(html).toContain('site--editorial');
    expect(html).toContain(SAMPLE_CV.hero.fullName!);
    expect(html).toContain('lang="fr"');
    expect(html).not.toMatch(/@font-face|as="font"|url\(fonts\//);
  });

  it('draws nothing while its card is hidden (0 wide) or for a template that does not exist', () => {
    stubResizeObserver(0, 0);
    expect(render(<SiteThumbnail cv={SAMPLE_CV} templateId="editorial" />).container.querySelector('iframe')).toBeNull();
    stubResizeObserver(160, 100);
    expect(render(<SiteThumbnail cv={SAMPLE_CV} templateId="no-such-template" />).container.querySelector('iframe')).toBeNull();
  });
});
