import mammoth from 'mammoth';
import { cvFacts, emptyCv, parseDateRange, SECTION_KEYS, type Cv } from '@r2w/cv-schema';
import { loadCorpus, type CorpusCv } from '../../eval/extraction/corpus';
import { cvDocument } from '../../eval/extraction/cv-document';
import { normalizeValue } from '../../eval/extraction/metrics';
import { renderDocx } from '../../eval/extraction/render-docx';
import { LAYOUTS, renderHtml } from '../../eval/extraction/render-html';
import { renderText } from '../../eval/extraction/render-text';

// The ground truth is only fair if every fact in it is printed, verbatim, in every rendering:
// extraction keeps only values that appear in the document's text.

const corpus = loadCorpus();
const own = corpus.filter((entry) => entry.origin === 'project');

/** The values a reader can copy from the page: not the normalised start/end of a range, not booleans, not labels read off a heading or a link. */
function printedFacts(cv: Cv): string[] {
  const links = cv.contact.professionalLinks ?? [];
  return cvFacts(cv)
    .filter((fact) => typeof fact.value !== 'boolean')
    .filter((fact) => !/\.dateRange\.(start|end)$/.test(fact.path))
    .filter((fact) => !(fact.path.endsWith('.membershipType') && fact.value === 'volunteer'))
    .filter((fact) => !(/\.platform$/.test(fact.path) && links.some((link) => link.platform === fact.value && link.url?.toLowerCase().includes(String(fact.value).toLowerCase()))))
    .map((fact) => String(fact.value));
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const htmlText = (html: string) =>
  html
    .replace(/<(style|title)>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);

function expectAllPrinted(entry: CorpusCv, text: string): void {
  const page = normalizeValue(text);
  const missing = printedFacts(entry.cv).filter((value) => !page.includes(normalizeValue(value)));
  expect(missing).toEqual([]);
}

describe('the corpus', () => {
  it('has at least 10 CVs of its own besides the JSON Resume sample', () => {
    expect(own.length).toBeGreaterThanOrEqual(10);
    expect(corpus.filter((entry) => entry.origin === 'jsonresume').map((entry) => entry.name)).toEqual(['jsonresume-sample']);
    expect(corpus.find((entry) => entry.name === 'jsonresume-sample')?.cv.hero.fullName).toBe('Richard Hendriks');
  });

  it('uses every one of the 18 sections in its own CVs', () => {
    const used = new Set(own.flatMap((entry) => cvFacts(entry.cv).map((fact) => fact.section)));
    expect(SECTION_KEYS.filter((key) => !used.has(key))).toEqual([]);
  });

  it('has Spanish, French, German and right-to-left Hebrew CVs', () => {
    expect(new Set(own.map((entry) => entry.lang))).toEqual(new Set(['en', 'es', 'fr', 'de', 'he']));
  });

  it.each(corpus.map((entry) => [entry.name, entry] as const))('%s: every date range reads as its text says', (_name, entry) => {
    const ranges = SECTION_KEYS.flatMap((key) => {
      const section = entry.cv[key];
      return 'items' in section ? section.items.flatMap((item) => ('dateRange' in item && item.dateRange ? [item.dateRange] : [])) : [];
    });
    for (const range of ranges) {
      const parsed = parseDateRange(range.text ?? '');
      expect({ text: range.text, start: range.start, end: range.end ?? null }).toEqual({ text: range.text, start: parsed.start, end: parsed.end });
    }
  });
});

describe('the renderers print every fact of the truth', () => {
  const cases = corpus.flatMap((entry) => LAYOUTS.map((layout) => [entry.name, layout, entry] as const));

  it.each(cases)('%s, %s layout, HTML', (_name, layout, entry) => {
    expectAllPrinted(entry, htmlText(renderHtml(cvDocument(entry.cv, entry.lang), layout)));
  });

  it.each(cases)('%s, %s layout, DOCX', async (_name, layout, entry) => {
    const docx = await renderDocx(cvDocument(entry.cv, entry.lang), layout);
    expectAllPrinted(entry, (await mammoth.extractRawText({ buffer: docx })).value);
  });

  it.each(corpus.map((entry) => [entry.name, entry] as const))('%s, plain text', (_name, entry) => {
    expectAllPrinted(entry, renderText(cvDocument(entry.cv, entry.lang)));
  });

  it('notices a fact the renderers leave out', () => {
    const entry = own[0]!;
    const cv = structuredClone(entry.cv);
    cv.experience.items[0]!.keyProjects = ['A project only the truth knows'];
    const text = htmlText(renderHtml(cvDocument(entry.cv, entry.lang), 'classic'));
    expect(printedFacts(cv).filter((value) => !normalizeValue(text).includes(normalizeValue(value)))).toEqual(['A project only the truth knows']);
  });
});

describe('renderHtml', () => {
  it('escapes the CV text', () => {
    const cv = emptyCv();
    cv.hero.fullName = '<img src=x onerror="alert(1)"> & Co';
    const html = renderHtml(cvDocument(cv, 'en'), 'classic');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; Co');
  });

  it('lays Hebrew out right to left', () => {
    const hebrew = own.find((entry) => entry.lang === 'he')!;
    expect(renderHtml(cvDocument(hebrew.cv, 'he'), 'modern')).toContain('<html lang="he" dir="rtl">');
  });

  it('puts contact, skills, languages and hobbies in the sidebar of the two-column layout', () => {
    const entry = own.find((candidate) => candidate.cv.hobbies.items.length > 0 && candidate.cv.languages.items.length > 0)!;
    const html = renderHtml(cvDocument(entry.cv, entry.lang), 'sidebar');
    const aside = html.slice(html.indexOf('<aside>'), html.indexOf('</aside>'));
    for (const key of ['contact', 'skills', 'languages', 'hobbies']) expect(aside).toContain(`<section class="${key}">`);
    expect(aside).not.toContain('<section class="experience">');
  });
});
