import { TEMPLATES } from '../src';
import { contrastRatio, mailtoHref, readableAccent, safeHref, safeWebUrl, telHref } from '../src/templates';
import { en } from '../src/templates/i18n/en';
import { es } from '../src/templates/i18n/es';
import { he } from '../src/templates/i18n/he';
import { formatDate, formatDateRange, formatSingleDate } from '../src/templates/shared/dates';
import { shorten } from '../src/render/page-meta';

describe('safe links', () => {
  it.each([
    ['https://dana.dev/work', 'https://dana.dev/work'],
    ['http://dana.dev', 'http://dana.dev/'],
    ['github.com/dana', 'https://github.com/dana'],
    ['www.dana.dev', 'https://www.dana.dev/'],
    ['mailto:dana@example.com', 'mailto:dana@example.com'],
    ['tel:+972500000000', 'tel:+972500000000'],
    ['https://x.example/"><script>', 'https://x.example/%22%3E%3Cscript%3E'],
  ])('follows %p as %p', (raw, href) => {
    expect(safeHref(raw)).toBe(href);
  });

  it.each([
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'ftp://files.example.com',
    '/relative/path',
    '//evil.example',
    'https://',
    '',
    null,
    undefined,
  ])('refuses %p', (raw) => {
    expect(safeHref(raw)).toBeNull();
  });

  it('only lets web addresses be images or profiles', () => {
    expect(safeWebUrl('mailto:dana@example.com')).toBeNull();
    expect(safeWebUrl('https://dana.example.com/photo.jpg')).toBe('https://dana.example.com/photo.jpg');
  });

  it('makes mail and phone links only from plausible addresses and numbers', () => {
    expect(mailtoHref(' dana@example.com ')).toBe('mailto:dana@example.com');
    expect(mailtoHref('"><img src=x>@example.com')).toBeNull();
    expect(mailtoHref('dana at example dot com')).toBeNull();
    expect(telHref('+972 (50) 000-0000')).toBe('tel:+972500000000');
    expect(telHref('call me maybe 12345')).toBeNull();
    expect(telHref('123')).toBeNull();
    expect(telHref('+1 555 0100 ext. 12')).toBe('tel:+15550100;ext=12');
    expect(mailtoHref('dana@postbox')).toBeNull();
  });
});

describe('dates', () => {
  it('use the CV’s own wording of a range when it has one', () => {
    expect(formatDateRange({ start: '2020-01', end: null, isCurrent: true, text: 'seit Jan. 2020' }, 'en', en)).toBe('seit Jan. 2020');
  });

  it('build a range from normalised dates otherwise', () => {
    expect(formatDateRange({ start: '2020-01', isCurrent: true }, 'en', en)).toBe('Jan 2020 – Present');
    expect(formatDateRange({ start: '2015', end: '2019-12' }, 'en', en)).toBe('2015 – Dec 2019');
    expect(formatDateRange({ end: '2019' }, 'en', en)).toBe('2019');
    expect(formatDateRange({ isCurrent: true }, 'en', en)).toBeNull();
    expect(formatDateRange(null, 'en', en)).toBeNull();
  });

  it('build the range again once start, end or "current" no longer say what the wording says', () => {
    expect(formatDateRange({ start: '2019-01', end: '2023-06', isCurrent: false, text: 'Jan 2019 – Present' }, 'en', en)).toBe('Jan 2019 – Jun 2023');
    expect(formatDateRange({ start: '2018-04', end: '2020-06', isCurrent: false, text: 'March 2018 – June 2020' }, 'en', en)).toBe('Apr 2018 – Jun 2020');
    expect(formatDateRange({ start: '2018-03', end: null, isCurrent: true, text: 'March 2018 – June 2020' }, 'en', en)).toBe('Mar 2018 – Present');
    expect(formatDateRange({ start: '2018-03', end: '2020-06', isCurrent: false, text: 'March 2018 – June 2020' }, 'en', en)).toBe('March 2018 – June 2020');
  });

  it('write ISO dates (a JSON Resume import) in the site language, "Present" included', () => {
    const imported = { start: '2021-04', end: null, isCurrent: true, text: '2021-04 –' };
    expect(formatDateRange(imported, 'en', en)).toBe('Apr 2021 – Present');
    expect(formatDateRange(imported, 'es', es)).toBe(`${formatDate('2021-04', 'es')} – Actualidad`);
    expect(formatDateRange(imported, 'he', he)).toBe(`${formatDate('2021-04', 'he')} – היום`);
    expect(formatDateRange({ start: '2013-12', end: '2014-12', isCurrent: false, text: '2013-12-01 – 2014-12-01' }, 'en', en)).toBe('Dec 2013 – Dec 2014');
  });

  it('keep a single date’s wording while it names the date, and never ISO wording', () => {
    expect(formatSingleDate('2014-11', 'November 2014', 'en')).toBe('November 2014');
    expect(formatSingleDate('2019', '2019 – 2021', 'en')).toBe('2019 – 2021');
    expect(formatSingleDate('2015', 'November 2014', 'en')).toBe('2015');
    expect(formatSingleDate('2014-11', '2014-11-01', 'en')).toBe('Nov 2014');
    expect(formatSingleDate(null, 'Spring term', 'en')).toBe('Spring term');
    expect(formatSingleDate('2014-11', null, 'de')).toBe(formatDate('2014-11', 'de'));
  });

  it('format single dates in the site language and keep unreadable ones as written', () => {
    expect(formatDate('2022-05', 'en')).toBe('May 2022');
    expect(formatDate('2022-05', 'fr')).toMatch(/mai 2022/);
    expect(formatDate('Spring 2022', 'en')).toBe('Spring 2022');
    expect(formatDate('2022-13', 'en')).toBe('2022-13');
  });
});

describe('colour', () => {
  it('measures WCAG contrast', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('adjusts an accent until it reads on every surface, and leaves a readable one alone', () => {
    const yellow = readableAccent('#ffff00', ['#ffffff', '#f2f4f8']);
    expect(contrastRatio(yellow, '#f2f4f8')).toBeGreaterThanOrEqual(4.5);
    expect(readableAccent('#1d4ed8', ['#ffffff'])).toBe('#1d4ed8');
    expect(contrastRatio(readableAccent('#1e3a8a', ['#0b0c0f']), '#0b0c0f')).toBeGreaterThanOrEqual(4.5);
  });

  it.each(TEMPLATES.map((template) => template.id))('of the %s template read at 4.5:1 in every scheme', (templateId) => {
    const { theme } = TEMPLATES.find((template) => template.id === templateId)!;
    for (const palette of [theme.base, theme.dark].filter((entry) => entry !== undefined)) {
      for (const foreground of [palette.text, palette.muted, palette.accent]) {
        for (const background of [palette.bg, palette.surface]) {
          expect([foreground, background, contrastRatio(foreground, background) >= 4.5]).toEqual([foreground, background, true]);
        }
      }
    }
  });
});

describe('page description', () => {
  it('is cut at a word under the limit', () => {
    expect(shorten('short one')).toBe('short one');
    const long = shorten('word '.repeat(60));
    expect(long.length).toBeLessThanOrEqual(160);
    expect(long).toMatch(/word…$/);
  });
});
