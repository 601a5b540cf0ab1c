import { OfflineExtractor } from '../../../src/extraction/extractors/offline/offline-extractor';
import type { DocumentText, TextLine } from '../../../src/extraction/text/document-text';

type Spec = string | [string, Partial<TextLine>];

// Lines as a PDF would give them: body text 10.5 pt, headings bigger and bold.
function doc(specs: Spec[]): DocumentText {
  let y = 0;
  const lines = specs.map((spec): TextLine => {
    const [text, extra] = typeof spec === 'string' ? [spec, {}] : spec;
    y += extra.gapBefore ?? 14;
    return { text, page: 1, x: 50, y, width: 300, fontSize: 10.5, bold: false, italic: false, column: 0, gapBefore: 14, listItem: false, ...extra };
  });
  return { kind: 'pdf', pageCount: 1, lines, plainText: lines.map((l) => l.text).join('\n') };
}

const H = (text: string): Spec => [text, { fontSize: 13, bold: true, gapBefore: 24 }];
const extract = (specs: Spec[]) => new OfflineExtractor().extract(doc(specs));

describe('OfflineExtractor', () => {
  it('reads the header: name, title and contact details', async () => {
    const { cv } = await extract([
      ['Jane Doe', { fontSize: 24, bold: true }],
      'Senior Software Engineer',
      'jane.doe@example.com · +44 20 7946 0000 · London, UK · linkedin.com/in/janedoe',
      H('EXPERIENCE'),
      'Acme Corp — Lead Engineer',
      '2019 – Present',
    ]);
    expect(cv.hero.fullName).toBe('Jane Doe');
    expect(cv.hero.professionalTitle).toBe('Senior Software Engineer');
    expect(cv.contact.email).toBe('jane.doe@example.com');
    expect(cv.contact.phone).toBe('+44 20 7946 0000');
    expect(cv.contact.professionalLinks?.[0]?.url).toContain('linkedin.com/in/janedoe');
  });

  it('splits experience into entries with dates and bullets', async () => {
    const { cv } = await extract([
      ['Jane Doe', { fontSize: 24, bold: true }],
      'jane@example.com',
      H('Work Experience'),
      ['Lead Engineer, Acme Corp', { bold: true }],
      'Jan 2019 – Present',
      ['Led a team of six engineers', { listItem: true }],
      ['Cut build times by 40%', { listItem: true }],
      ['Engineer, Globex Ltd', { bold: true, gapBefore: 20 }],
      '2015 – 2018',
      ['Built the billing system', { listItem: true }],
    ]);
    const jobs = cv.experience.items;
    expect(cv.experience.sectionTitle).toBe('Work Experience');
    expect(jobs).toHaveLength(2);
    expect(jobs[0]).toMatchObject({ jobTitle: 'Lead Engineer', companyName: 'Acme Corp' });
    expect(jobs[0]!.dateRange).toMatchObject({ start: '2019-01', isCurrent: true });
    expect([...(jobs[0]!.responsibilities ?? []), ...(jobs[0]!.achievements ?? [])]).toEqual(expect.arrayContaining(['Led a team of six engineers', 'Cut build times by 40%']));
    expect(jobs[1]).toMatchObject({ companyName: 'Globex Ltd', dateRange: expect.objectContaining({ start: '2015', end: '2018' }) });
  });

  it.each([
    ['Experiencia laboral', 'Formación', 'Idiomas'],
    ['Expérience professionnelle', 'Formation', 'Langues'],
    ['Berufserfahrung', 'Ausbildung', 'Sprachen'],
    ['ניסיון תעסוקתי', 'השכלה', 'שפות'],
  ])('knows the headings %s / %s / %s', async (experience, education, languages) => {
    const { cv } = await extract([
      ['Ana Ruiz', { fontSize: 24, bold: true }],
      'ana@example.com',
      H(experience),
      ['Streamly, Data Engineer', { bold: true }],
      '2020 – 2023',
      H(education),
      ['MSc Computer Science, Universidad de Sevilla', { bold: true }],
      '2014 – 2016',
      H(languages),
      'English (C1)',
    ]);
    expect(cv.experience.sectionTitle).toBe(experience);
    expect(cv.education.sectionTitle).toBe(education);
    expect(cv.languages.sectionTitle).toBe(languages);
    expect(cv.experience.items).toHaveLength(1);
    expect(cv.education.items).toHaveLength(1);
    expect(cv.languages.items[0]?.language).toBe('English');
  });

  it('reads "Category: a, b, c" skill lines into categories', async () => {
    const { cv } = await extract([['Jane Doe', { fontSize: 24, bold: true }], 'jane@example.com', H('Skills'), 'Languages: Python, TypeScript, Go', 'Cloud: AWS, Kubernetes']);
    expect(cv.skills.skillCategories.map((c) => [c.categoryName, c.skills])).toEqual([
      ['Languages', ['Python', 'TypeScript', 'Go']],
      ['Cloud', ['AWS', 'Kubernetes']],
    ]);
  });

  it('keeps text under an unknown heading rather than dropping it', async () => {
    const { cv, unclassifiedText } = await extract([
      ['Jane Doe', { fontSize: 24, bold: true }],
      'jane@example.com',
      H('Experience'),
      ['Acme Corp, Engineer', { bold: true }],
      '2019 – 2021',
      H('Favourite Quotes'),
      'Simplicity is prerequisite for reliability.',
    ]);
    const everything = JSON.stringify(cv) + JSON.stringify(unclassifiedText);
    expect(everything).toContain('Simplicity is prerequisite for reliability.');
  });

  it('invents nothing: every value it returns is in the text', async () => {
    const lines: Spec[] = [
      ['Jane Doe', { fontSize: 24, bold: true }],
      'jane@example.com',
      H('Experience'),
      ['Acme Corp, Engineer', { bold: true }],
      '2019 – 2021',
      ['Built things', { listItem: true }],
    ];
    const { cv } = await extract(lines);
    const text = doc(lines).plainText;
    const strings: string[] = [];
    JSON.stringify(cv, (key, value) => {
      if (typeof value === 'string' && !['id', 'sectionTitle', 'start', 'end'].includes(key)) strings.push(value);
      return value;
    });
    for (const value of strings) expect(text).toContain(value);
  });
});
