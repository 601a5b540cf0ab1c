import { extractOffline } from '../../../src/extraction/extractors/offline/offline-extractor';
import { bold, bullet, documentOf, heading, name, type LineSpec } from './document';

// Kinds of failure seen on documents laid out by producers the eval lacked (Typst, react-pdf).
const top: LineSpec[] = [name('Jane Doe'), 'jane@example.com', heading('Experience'), bold('Engineer, Acme Corp'), '2019 – 2021', bullet('Built the billing API')];
const read = (specs: LineSpec[]) => extractOffline(documentOf([...top, ...specs]));

describe('a skills heading whose first group is named "Languages"', () => {
  it('keeps the programming languages as skills, and the spoken ones under their own heading as languages', () => {
    const { cv } = read([
      heading('Skills'),
      heading('Languages'),
      bullet('Go'),
      bullet('Java'),
      bullet('SQL'),
      bold('Infrastructure', 23),
      bullet('AWS'),
      bullet('Docker'),
      heading('Languages'),
      'English — Native',
    ]);
    expect(cv.skills.skillCategories.map((category) => [category.categoryName, category.skills])).toEqual([
      ['Languages', ['Go', 'Java', 'SQL']],
      ['Infrastructure', ['AWS', 'Docker']],
    ]);
    expect(cv.languages.items.map((item) => item.language)).toEqual(['English']);
  });
});

describe('a section heading alone at the foot of a page', () => {
  it('keeps its entries on the next page, though that page opens with a date set flush right', () => {
    const page2 = (spec: LineSpec): LineSpec => (typeof spec === 'string' ? [spec, { page: 2 }] : [spec[0], { ...spec[1], page: 2 }]);
    const { cv } = extractOffline(
      documentOf([
        name('Jane Doe'),
        'jane@example.com',
        heading('Summary'),
        'Nurse with eight years of acute care.',
        heading('Work'),
        ['Feb 2020 – Present', { page: 2, x: 420, gapBefore: 0 }],
        page2(bold('Bayou City Medical Center')),
        page2(bold('Charge Nurse')),
        page2(bullet('Coordinate care for a 32-bed unit.')),
      ]),
    );
    expect(cv.experience.items.map((item) => [item.jobTitle, item.companyName, item.dateRange?.text])).toEqual([['Charge Nurse', 'Bayou City Medical Center', 'Feb 2020 – Present']]);
  });
});

describe('highlights set without glyphs under a "Highlights" label, as far apart as their wrapped lines', () => {
  it('are the job’s items, each with its wrapped lines', () => {
    const loose = (text: string): LineSpec => [text, { gapBefore: 19 }];
    const { cv } = extractOffline(
      documentOf([
        name('Jane Doe'),
        'jane@example.com',
        heading('Summary'),
        'Finance executive with twenty years of experience leading',
        ['finance, treasury and investor relations for public and', { gapBefore: 12 }],
        ['private manufacturers, a trusted partner to their boards', { gapBefore: 12 }],
        ['through an offering and seven acquisitions.', { gapBefore: 12 }],
        heading('Experience'),
        bold('Chief Financial Officer, Acme Corp'),
        '2016 – 2021',
        bold('Highlights'),
        loose('Lead a global finance organisation of 85 people across six'),
        loose('countries.'),
        loose('Own investor relations, treasury, tax and internal audit.'),
        loose('Took the company public in 2019 and built its reporting'),
        loose('function.'),
      ]),
    );
    expect(cv.experience.items.map((item) => [item.jobTitle, [...(item.responsibilities ?? []), ...(item.achievements ?? [])]])).toEqual([
      [
        'Chief Financial Officer',
        [
          'Lead a global finance organisation of 85 people across six countries.',
          'Own investor relations, treasury, tax and internal audit.',
          'Took the company public in 2019 and built its reporting function.',
        ],
      ],
    ]);
  });
});

describe('a date column too narrow for its range', () => {
  it('gives the range its end from the next line but one, not to the bullet beside it', () => {
    const { cv } = read([
      ['UX Design Intern\tSep 2022 —', { bold: true, cellX: [50, 300], gapBefore: 26 }],
      'Cobalt & Pine Studio, Portland',
      ['Produced wireframes and prototypes for two clients\tMar 2023', { x: 60, cellX: [60, 300], listItem: true }],
    ]);
    expect(cv.experience.items.map((item) => [item.jobTitle, item.dateRange?.text, item.responsibilities])).toEqual([
      ['Engineer', '2019 – 2021', ['Built the billing API']],
      ['UX Design Intern', 'Sep 2022 — Mar 2023', ['Produced wireframes and prototypes for two clients']],
    ]);
  });
});

describe('a projects heading set like the other headings, right after a job’s bullets', () => {
  it('opens the projects', () => {
    const { cv } = read([
      heading('Projects'),
      ['Library Holds Redesign:', { bold: true, listItem: true, x: 95, fontSize: 9 }],
      ['Conference Scheduler:', { bold: true, listItem: true, x: 95, fontSize: 9 }],
    ]);
    expect(cv.experience.items.map((item) => item.jobTitle)).toEqual(['Engineer']);
    expect(cv.projects.items.map((item) => item.title)).toContain('Library Holds Redesign');
  });
});

// Cases a review found these rules would misread, each an ordinary CV.
describe('the rules above leave ordinary CVs alone', () => {
  const plain = (specs: LineSpec[]) => extractOffline(documentOf([name('Jane Doe'), 'jane@example.com', ...specs])).cv;

  it('a Skills heading with nothing under it does not take the next section as its group', () => {
    const cv = plain([heading('Skills'), heading('Experience'), bold('Engineer, Acme Corp'), '2019 – 2021', bullet('Built the billing API')]);
    expect(cv.experience.items.map((item) => [item.jobTitle, item.companyName])).toEqual([['Engineer', 'Acme Corp']]);
  });

  it('an ongoing range is not ended by the next entry’s date in the same column', () => {
    const cv = plain([
      heading('Experience'),
      ['Software Engineer, Acme\t2021 –', { bold: true, cellX: [50, 300] }],
      bullet('Built the billing API'),
      ['Intern, Globex\t2020', { bold: true, cellX: [50, 300] }],
      bullet('Wrote tests'),
    ]);
    expect(cv.experience.items.map((item) => [item.companyName, item.dateRange?.start, item.dateRange?.end ?? null])).toEqual([
      ['Acme', '2021', null],
      ['Globex', '2020', null],
    ]);
  });

  it('a plain line after a labelled group of bullets is no item of the group', () => {
    const cv = plain([
      heading('Experience'),
      bold('Engineer, Acme Corp'),
      '2019 – 2021',
      'Key achievements',
      bullet('Cut costs by 20%'),
      bullet('Shipped v2'),
      'Left to found a startup with two colleagues.',
    ]);
    expect(cv.experience.items[0]?.achievements).toEqual(['Cut costs by 20%', 'Shipped v2']);
  });

  it('plain lines under a "Challenges" label stay the project’s challenges', () => {
    const cv = plain([heading('Projects'), bold('Billing API'), 'Invoicing service for small shops.', 'Challenges', 'Migrating ten years of invoices.', 'Reconciling three currencies.']);
    expect(cv.projects.items[0]?.challenges).toContain('Migrating ten years of invoices.');
  });
});
