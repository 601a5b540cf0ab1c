import type { Cv } from '@r2w/cv-schema';
import type { Browser, Page } from 'playwright-core';
import { TEMPLATES } from '../src';
import { launchChromium, openHtml } from './support/browser';
import { fullCv } from './support/full-cv';
import { homePage, siteFile } from './support/site';

type AxeViolation = { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] };
declare const axe: { run(context?: unknown, options?: unknown): Promise<{ violations: AxeViolation[] }> };

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await page.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
          .slice(0, 5)
          .map((node) => JSON.stringify(node.target))
          .join(', ')}`,
    );
}

describe.each(TEMPLATES.map((template) => template.id))('the %s template in Chromium', (templateId) => {
  let page: Page;

  beforeAll(async () => {
    page = await openHtml(browser, homePage(fullCv(), templateId, { siteUrl: 'https://dana.example.com' }));
    await page.addScriptTag({ path: require.resolve('axe-core') });
  });

  afterAll(async () => {
    await page?.close();
  });

  describe.each(['light', 'dark'] as const)('in the %s colour scheme', (colorScheme) => {
    it.each([320, 1280])('at %i px has no serious accessibility violations and no horizontal scroll', async (width) => {
      await page.emulateMedia({ colorScheme, media: 'screen' });
      await page.setViewportSize({ width, height: 900 });
      expect(await seriousViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    });
  });

  it('gives keyboard users the skip link first, visibly, and it moves focus to main', async () => {
    await page.emulateMedia({ colorScheme: 'light', media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const active = document.activeElement as HTMLElement;
      const box = active.getBoundingClientRect();
      return { href: active.getAttribute('href'), visible: box.top >= 0 && box.bottom <= window.innerHeight && box.width > 0, outline: getComputedStyle(active).outlineStyle };
    });
    expect(skip).toEqual({ href: '#main', visible: true, outline: 'solid' });
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('sets every visible section heading in one style: face, case, colour, border and ornaments (its size may follow the column)', async () => {
    await page.emulateMedia({ colorScheme: 'light', media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 900 });
    // Headings grouped by their look; one group is one style.
    const byStyle = await page.evaluate(() => {
      const groups: Record<string, string[]> = {};
      for (const heading of document.querySelectorAll<HTMLElement>('h2.section__title')) {
        // Shown headings only: a visually hidden one (the contact list's, in some templates) has no look.
        if (heading.getBoundingClientRect().width <= 1) continue;
        const style = getComputedStyle(heading);
        const ornaments = ['::before', '::after'].map((pseudo) => {
          const ornament = getComputedStyle(heading, pseudo);
          // A counter's text differs from heading to heading; whether there is one does not.
          return [ornament.content === 'none' ? 'none' : 'content', ornament.backgroundColor, ornament.color];
        });
        const border = ['Top', 'Right', 'Bottom', 'Left'].map(
          (side) => style.getPropertyValue(`border-${side.toLowerCase()}-style`) + ' ' + style.getPropertyValue(`border-${side.toLowerCase()}-color`),
        );
        const key = [
          style.fontFamily,
          style.fontWeight,
          style.textTransform,
          style.letterSpacing === 'normal' ? 'normal' : 'spaced',
          style.color,
          style.backgroundColor,
          ...border,
          ...ornaments.flat(),
        ].join(' | ');
        (groups[key] ??= []).push(heading.textContent ?? '');
      }
      return groups;
    });
    expect(Object.values(byStyle).flat().length).toBeGreaterThan(5);
    expect(Object.keys(byStyle)).toHaveLength(1);
  });

  it('does not scroll sideways at 320 px even when every text is one long word', async () => {
    const longWords = (value: unknown, key: string): unknown => {
      if (typeof value === 'string') return key === 'id' || /url$|profile$/i.test(key) ? value : `${value.replace(/\s+/g, '')}${'Lorem'.repeat(12)}`;
      if (Array.isArray(value)) return value.map((entry) => longWords(entry, key));
      if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([name, entry]) => [name, longWords(entry, name)]));
      return value;
    };
    const narrow = await openHtml(browser, homePage(longWords(fullCv(), '') as Cv, templateId));
    await narrow.setViewportSize({ width: 320, height: 900 });
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await narrow.close();
  });

  it('wraps a long e-mail address at 320 px only at its seams, never inside a part', async () => {
    const cv = fullCv();
    cv.contact.email = 'firstname.middlename.lastname@department.university.example.com';
    const narrow = await openHtml(browser, homePage(cv, templateId));
    await narrow.setViewportSize({ width: 320, height: 900 });
    const lines = await narrow.evaluate(() => {
      const link = document.querySelector('a[href^="mailto:"]')!;
      const rectsOf = (node: Node) => {
        const range = document.createRange();
        range.selectNodeContents(node);
        return range.getClientRects().length;
      };
      return { link: new Set([...link.getClientRects()].map((rect) => Math.round(rect.top))).size, parts: [...link.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map(rectsOf) };
    });
    expect(lines.link).toBeGreaterThan(1);
    expect(lines.parts.every((count) => count === 1)).toBe(true);
    await narrow.close();
  });

  it('has an accessible 404 page in both colour schemes', async () => {
    const notFound = await openHtml(browser, siteFile(fullCv(), templateId, '404.html', { siteUrl: 'https://dana.example.com' }));
    await notFound.addScriptTag({ path: require.resolve('axe-core') });
    for (const colorScheme of ['light', 'dark'] as const) {
      await notFound.emulateMedia({ colorScheme });
      expect(await seriousViolations(notFound)).toEqual([]);
    }
    await notFound.close();
  });

  it('prints black on white without navigation or the skip link', async () => {
    await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
    const printed = await page.evaluate(() => {
      const style = (selector: string) => {
        const element = document.querySelector(selector);
        return element ? getComputedStyle(element) : null;
      };
      return {
        background: style('body')?.backgroundColor,
        color: style('body')?.color,
        heading: style('main h2')?.color,
        skipLink: style('.skip-link')?.display,
        nav: style('.site-nav')?.display ?? 'none',
        linkAddress: getComputedStyle(document.querySelector('a[href="https://github.com/dana/ledger"]')!, '::after').content,
      };
    });
    expect(printed).toEqual({
      background: 'rgb(255, 255, 255)',
      color: 'rgb(0, 0, 0)',
      heading: 'rgb(0, 0, 0)',
      skipLink: 'none',
      nav: 'none',
      linkAddress: '" (https://github.com/dana/ledger)"',
    });
  });
});
