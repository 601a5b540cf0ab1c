import type { TextLine } from '../../../src/extraction/text/document-text';
import { extractOffline } from '../../../src/extraction/extractors/offline/offline-extractor';
import { bold, bullet, documentOf, heading, name, type LineSpec } from './document';

// Headings the word lists do not know are found by looking like the document's other
// headings, and placed by what stands under them.
const top: LineSpec[] = [name('Jane Doe'), 'jane@example.com'];
const read = (specs: LineSpec[], kind: 'docx' | 'pdf' = 'docx') => extractOffline(documentOf([...top, ...specs], kind));

// Three ways documents set their headings apart.
const STYLES: [string, (text: string) => LineSpec][] = [
  ['bigger and bold', heading],
  ['bigger and in capitals', (text) => [text.toUpperCase(), { fontSize: 12, gapBefore: 24 }]],
  ['a Word heading style', (text) => [text, { headingLevel: 2, bold: true, gapBefore: 20 } satisfies Partial<TextLine>]],
];

describe.each(STYLES)('a heading of unknown words, %s', (_style, styled) => {
  const experience: LineSpec[] = [styled('Experience'), bold('Engineer, Acme Corp'), '2019 – 2021', bullet('Built the billing API')];

  it('is an education section when degrees and schools stand under it', () => {
    const { cv } = read([...experience, styled('Where I studied'), 'BSc in Physics, University of Leeds', '2015 – 2019']);
    expect(cv.education.items.map((item) => [item.degree, item.fieldOfStudy, item.institution])).toEqual([['BSc', 'Physics', 'University of Leeds']]);
  });

  it('is an experience section when dated roles at organisations stand under it', () => {
    const { cv } = read([...experience, styled('Before That'), bold('Analyst, Globex Inc.'), '2016 – 2019', bullet('Built the forecasts')]);
    expect(cv.experience.items.map((item) => [item.jobTitle, item.companyName])).toEqual([
      ['Engineer', 'Acme Corp'],
      ['Analyst', 'Globex Inc.'],
    ]);
  });

  it('is a skills section over short lists', () => {
    const { cv } = read([...experience, styled('Toolbox'), 'Python, Go, Rust', 'Docker · Kubernetes · Terraform']);
    expect(cv.skills.skillCategories.flatMap((category) => category.skills)).toEqual(['Python', 'Go', 'Rust', 'Docker', 'Kubernetes', 'Terraform']);
  });

  it('is a languages section over lines that state levels', () => {
    const { cv } = read([...experience, styled('Tongues'), 'English — Native', 'German (B2)', 'Français : courant']);
    expect(cv.languages.items.map((item) => [item.language, item.proficiency])).toEqual([
      ['English', 'Native'],
      ['German', 'B2'],
      ['Français', 'courant'],
    ]);
  });

  it('stays unclassified over anything less clear', () => {
    const { cv, unclassifiedText } = read([...experience, styled('Favourite Quotes'), 'Simplicity is prerequisite for reliability.']);
    expect(unclassifiedText).toContain('Simplicity is prerequisite for reliability.');
    expect(cv.experience.items).toHaveLength(1);
  });
});

describe('a bold line in the body text size', () => {
  it('is an entry title, not a heading, even where the section has a single known heading', () => {
    const { cv } = read([
      heading('Experience'),
      bold('Engineer, Acme Corp'),
      '2019 – 2021',
      bullet('Built the billing API'),
      bold('Analyst, Globex Inc.'),
      '2016 – 2019',
      bullet('Built the forecasts'),
    ]);
    expect(cv.experience.items).toHaveLength(2);
  });
});

describe('a row of cells set like the headings', () => {
  it('is a label and its value, not a heading of unknown words', () => {
    // A Europass CV: the personal information's rows, the name's set as large and bold as the headings.
    const { cv } = extractOffline(
      documentOf([
        'Curriculum Vitae',
        heading('Personal information'),
        [`Name / Surname\tRobert Harrington`, { fontSize: 13, bold: true, gapBefore: 26 }],
        'Telephone\t+1 312 555 0119',
        'Email\trobert.harrington@example.com',
        heading('Experience'),
        bold('Chief Financial Officer, Midwest Holdings'),
        '2016 – 2021',
        bullet('Led the IPO'),
        heading('Education'),
        'MBA in Finance, University of Chicago',
        '2003 – 2005',
      ]),
    );
    expect(cv.hero.fullName).toBe('Robert Harrington');
    expect(cv.contact.phone).toBe('+1 312 555 0119');
    expect(cv.experience.items.map((item) => item.jobTitle)).toEqual(['Chief Financial Officer']);
  });
});
