import type { Cv } from '@r2w/cv-schema';
import { TEMPLATES } from '../src';
import { labelsFor, SITE_LANGUAGES, type Labels } from '../src/templates/i18n';
import { formatDate } from '../src/templates/shared/dates';
import { allElements, parseHtml, textOf, type Document, type Element } from './support/html';
import { fullCv } from './support/full-cv';
import { homePage, siteFile } from './support/site';

// The fixture's text with every Latin letter swapped for a Greek one ("Dana" → "δαναα"-like):
// a word on the page in Greek is the CV's own text, any other word is one the template added.
function greek(text: string): string {
  return text.replace(/[a-z]/gi, (letter) => {
    const lower = String.fromCodePoint(0x3b1 + letter.toLowerCase().charCodeAt(0) - 97);
    return letter === letter.toLowerCase() ? lower : lower.toUpperCase();
  });
}

// Section headings keep the schema's default names (except the one the CV renamed), so the
// site shows them in its own language; ids, dates and addresses stay usable.
const KEPT = new Set(['id', 'start', 'end', 'sectionTitle', 'url', 'email', 'phone', 'profilePhotoUrl', 'imageUrl', 'avatarUrl', 'doi']);
const ADDRESSES = new Set(['url', 'email', 'doi']);
/** The Greek CV, and the words of the addresses it keeps as they are (also the CV's own text). */
function greekCv(): { cv: Cv; addressWords: Set<string> } {
  const addressWords = new Set<string>();
  const walk = (value: unknown, key: string): unknown => {
    if (typeof value === 'string' && ADDRESSES.has(key)) words(value).forEach((word) => addressWords.add(word));
    if (typeof value === 'string') return KEPT.has(key) && !(key === 'sectionTitle' && value === 'Work') ? value : greek(value);
    if (Array.isArray(value)) return value.map((entry) => walk(entry, key));
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([name, entry]) => [name, walk(entry, name)]));
    return value;
  };
  return { cv: walk(fullCv(), '') as Cv, addressWords };
}

const WORD = /\p{L}[\p{L}\p{M}’'-]*/gu;
const words = (text: string) => (text.match(WORD) ?? []).map((word) => word.toLocaleLowerCase());

/** Every word a language's labels, section names and month names can print. */
function vocabulary(language: string): Set<string> {
  const labels: Labels = labelsFor(language);
  const texts = Object.values(labels).flatMap((value): string[] => {
    if (typeof value === 'function') return [1, 2, 3, 5, 11, 12].map((count) => (value as (arg: never) => string)(count as never));
    if (typeof value === 'object') return Object.values(value);
    return [value];
  });
  for (let month = 1; month <= 12; month += 1) texts.push(formatDate(`2020-${String(month).padStart(2, '0')}`, language) ?? '');
  return new Set(texts.flatMap(words));
}

// What a visitor (or a screen reader) gets: text, and the attributes that are read out.
function visibleTexts(document: Document): string[] {
  const texts: string[] = [];
  const visit = (nodes: Document['children']) => {
    for (const node of nodes) {
      if (node.type === 'text') texts.push(node.data);
      if (node.type !== 'tag') continue;
      const element = node as Element;
      // A link that shows its own address ("doi.org/10.1145/…") shows the CV's address, not a word.
      if (element.name === 'style' || element.name === 'script' || element.attribs.class?.includes('link--address')) continue;
      for (const name of ['alt', 'title', 'aria-label', 'placeholder']) if (element.attribs[name]) texts.push(element.attribs[name]);
      visit(element.children);
    }
  };
  visit(document.children);
  const description = allElements(document, 'meta').filter((meta) => ['description', 'og:title', 'og:description'].includes(meta.attribs.name ?? meta.attribs.property ?? ''));
  return [...texts, ...description.map((meta) => meta.attribs.content ?? '')];
}

function strayWords(site: (cv: Cv) => string, language: string): string[] {
  const { cv, addressWords } = greekCv();
  const own = vocabulary(language);
  const isCvText = (word: string) => /\p{Script=Greek}/u.test(word) || addressWords.has(word);
  return [...new Set(visibleTexts(parseHtml(site(cv))).flatMap(words))].filter((word) => !isCvText(word) && !own.has(word));
}

const OTHER_LANGUAGES = SITE_LANGUAGES.filter((language) => language !== 'en');

describe.each(TEMPLATES.map((template) => template.id))('template %s', (templateId) => {
  it.each(OTHER_LANGUAGES)('in %s prints no word but the CV’s and its own language’s', (language) => {
    const settings = { language, siteUrl: 'https://dana.example.com/' };
    expect(strayWords((cv) => homePage(cv, templateId, settings), language)).toEqual([]);
    expect(strayWords((cv) => siteFile(cv, templateId, '404.html', settings), language)).toEqual([]);
  });

  // The check itself: the same walk over the English site finds the English words it must catch.
  it('would catch English left on a site', () => {
    const stray = strayWords((cv) => homePage(cv, templateId, { language: 'en' }), 'es');
    expect(stray).toEqual(expect.arrayContaining(['present', 'experience', 'contact']));
  });
});

describe('section headings', () => {
  const heading = (cv: Cv, language: string, id: string) => {
    const html = parseHtml(homePage(cv, 'minimal', { language }));
    return allElements(html, 'h2').find((element) => element.attribs.id === `${id}-title`);
  };
  const text = (element: Element | undefined) => (element ? textOf(element) : null);

  it('translates a default name the CV kept, and a blank one', () => {
    const cv = fullCv();
    cv.education.sectionTitle = 'EDUCATION';
    cv.skills.sectionTitle = ' ';
    expect(text(heading(cv, 'es', 'education'))).toBe('Formación');
    expect(text(heading(cv, 'de', 'skills'))).toBe('Kenntnisse');
    expect(text(heading(cv, 'he', 'projects'))).toBe('פרויקטים');
  });

  it('keeps a heading the CV wrote, whatever the site’s language', () => {
    const cv = fullCv();
    cv.experience.sectionTitle = 'Berufliche Stationen';
    expect(text(heading(cv, 'es', 'experience'))).toBe('Berufliche Stationen');
  });
});
