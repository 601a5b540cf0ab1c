import { cut, findDateRange, findDateRanges, findDates } from '../../../src/extraction/extractors/offline/date-spans';
import { extractOffline } from '../../../src/extraction/extractors/offline/offline-extractor';
import { bold, bullet, documentOf, heading, name } from './document';

// Every dash Unicode has, the minus sign and the soft hyphen, as PDFs and word processors write them.
const DASHES: [string, string][] = [
  ['hyphen-minus, spaced', ' - '],
  ['U+2010 hyphen', '\u2010'],
  ['U+2011 non-breaking hyphen', '\u2011'],
  ['U+2012 figure dash', '\u2012'],
  ['U+2013 en dash', '\u2013'],
  ['U+2014 em dash', ' \u2014 '],
  ['U+2015 horizontal bar', '\u2015'],
  ['U+2212 minus sign', ' \u2212 '],
  ['U+FE58 small em dash', '\ufe58'],
  ['U+FE63 small hyphen-minus', '\ufe63'],
  ['U+FF0D full-width hyphen-minus', '\uff0d'],
  ['U+00AD soft hyphen', '\u00ad'],
  ['two hyphens', ' -- '],
];

describe('findDateRange', () => {
  it.each([
    ['Senior Engineer, Acme   Jan 2019 – Present', { start: '2019-01', end: null, isCurrent: true, text: 'Jan 2019 – Present' }],
    ['Acme | 03/2019 - 12/2021 | Berlin', { start: '2019-03', end: '2021-12', isCurrent: false, text: '03/2019 - 12/2021' }],
    ['enero de 2020 - actualidad', { start: '2020-01', end: null, isCurrent: true, text: 'enero de 2020 - actualidad' }],
    ["Ingénieur (sept. 2015 – aujourd'hui)", { start: '2015-09', end: null, isCurrent: true, text: "sept. 2015 – aujourd'hui" }],
    ['Entwickler, 01.03.2018 bis heute', { start: '2018-03', end: null, isCurrent: true, text: '01.03.2018 bis heute' }],
    ['09/2018 – bis heute', { start: '2018-09', end: null, isCurrent: true, text: '09/2018 – bis heute' }],
    ['since 2021', { start: '2021', end: null, isCurrent: true, text: 'since 2021' }],
    ['2015–17', { start: '2015', end: '2017', isCurrent: false, text: '2015–17' }],
    ['2018 – היום', { start: '2018', end: null, isCurrent: true, text: '2018 – היום' }],
    ['البنك العربي المتحد | 2021 – الآن', { start: '2021', end: null, isCurrent: true, text: '2021 – الآن' }],
    ['2019 حتى الآن', { start: '2019', end: null, isCurrent: true, text: '2019 حتى الآن' }],
    ['Analista, 2018 – oggi', { start: '2018', end: null, isCurrent: true, text: '2018 – oggi' }],
    ['株式会社ミライワークス 2021-04 – 在職中', { start: '2021-04', end: null, isCurrent: true, text: '2021-04 – 在職中' }],
  ])('finds the range in %j', (line, range) => {
    expect(findDateRange(line)?.range).toEqual(range);
  });

  it('puts a range a PDF stored in visual order back in reading order', () => {
    expect(findDateRange('2021 – 2018')?.range).toEqual({ start: '2018', end: '2021', isCurrent: false, text: '2018 – 2021' });
  });

  it('does not read the last group of a phone number as a year', () => {
    expect(findDateRange('Call +1 415 555 2020')).toBeNull();
    expect(findDateRange('(713) 555-2019')).toBeNull();
  });

  it('reads a year after a single number ("40 Under 40 2008") but not inside amounts', () => {
    expect(findDates('40 Under 40 2008').map((date) => date.text)).toEqual(['2008']);
    expect(findDates('Raised $2019 and €2020 for the club')).toEqual([]);
  });

  it('finds every range on a line, the year inside a name included', () => {
    expect(findDateRanges('ISMB 2024 2024').map((found) => found.range.text)).toEqual(['2024', '2024']);
  });

  it('cuts the dates out and tidies what is left on either side', () => {
    const line = 'Acme GmbH | 2019 – 2021 | Berlin';
    expect(cut(line, findDateRange(line)!)).toEqual(['Acme GmbH', 'Berlin']);
  });

  it.each(DASHES)('reads a range written with a %s', (_, dash) => {
    expect(findDateRange(`Acme Corp   Jan 2019${dash}Mar 2021`)?.range).toEqual({ start: '2019-01', end: '2021-03', isCurrent: false, text: `Jan 2019${dash}Mar 2021`.trim() });
    expect(findDateRange(`2016${dash}2018`)?.range).toMatchObject({ start: '2016', end: '2018' });
    expect(findDateRange(`Jan 2020${dash}Present`)?.range).toMatchObject({ start: '2020-01', end: null, isCurrent: true });
  });

  it.each([
    ['Acme Corp   2019 \u2013', '2019 \u2013', '2019'],
    ['Acme Corp, Mar 2019 -', 'Mar 2019 -', '2019-03'],
    ['Acme Corp | 2019\u2010', '2019\u2010', '2019'],
  ])('keeps the dash of an open range in %j, and the date as its start', (line, text, start) => {
    expect(findDateRange(line)?.range).toEqual({ start, end: null, isCurrent: false, text });
    expect(cut(line, findDateRange(line)!)).toEqual(['Acme Corp']);
  });

  it.each([
    ['Berater seit 2019', 'seit 2019'],
    ['Consultant since Mar 2019', 'since Mar 2019'],
    ['Consultante depuis 2019', 'depuis 2019'],
    ['Consultora desde 2019', 'desde 2019'],
  ])('reads %j as a range that goes on', (line, text) => {
    expect(findDateRange(line)?.range).toMatchObject({ end: null, isCurrent: true, text });
  });

  it.each([
    ['Software Engineering Intern, Google   Summer 2022', 'Summer 2022', '2022', null],
    ['Teaching Assistant   Fall 2013 \u2013 Spring 2014', 'Fall 2013 \u2013 Spring 2014', '2013', '2014'],
    ['Research Intern (Spring \u201919)', 'Spring \u201919', '2019', null],
    ['Product launch, Q3 2020', 'Q3 2020', '2020', null],
    ['Rotation H1 2021', 'H1 2021', '2021', null],
    ['Tutor, Winter semester 2019/20', 'Winter semester 2019/20', '2019', '2020'],
    ['Tutor, WS 2019/20', 'WS 2019/20', '2019', '2020'],
    ['Exchange year 2019/2020', '2019/2020', '2019', '2020'],
    ['Stage, été 2018', 'été 2018', '2018', null],
    ['Werkstudent, Sommersemester 2021', 'Sommersemester 2021', '2021', null],
  ])('reads the coarse date in %j and takes it out of the title', (line, text, start, end) => {
    const found = findDateRange(line)!;
    expect(found.range).toMatchObject({ start, end, text });
    expect(cut(line, found).join(' ')).not.toMatch(/summer|fall|spring|q3|h1|semester|ws|été|\//iu);
  });

  it('does not take a word before a month for part of the date', () => {
    expect(findDates('Promoted in May 2019').map((date) => date.text)).toEqual(['May 2019']);
    expect(findDates('Senior Engineer Summer 2022').map((date) => date.text)).toEqual(['Summer 2022']);
  });

  it('does not take a number in the cell before for the day of the date', () => {
    expect(findDates('Master, Maschinenbau, Punkte: 1,7\tOkt. 2012–März 2015').map((date) => date.text)).toEqual(['Okt. 2012', 'März 2015']);
    expect(findDates('GPA: 3.8/4.0\t15 May 2020').map((date) => date.text)).toEqual(['15 May 2020']);
  });

  it.each([
    ['软件工程师  2019年3月至今', { start: '2019-03', end: null, isCurrent: true, text: '2019年3月至今' }],
    ['阿里巴巴 2016年7月 - 2019年2月', { start: '2016-07', end: '2019-02', isCurrent: false, text: '2016年7月 - 2019年2月' }],
    ['2018.04～2020.03', { start: '2018-04', end: '2020-03', isCurrent: false, text: '2018.04～2020.03' }],
  ])('reads the Chinese or Japanese dates in %j', (line, range) => {
    expect(findDateRange(line)?.range).toEqual(range);
  });
});

describe('dates in a CV', () => {
  const experience = (dash: string) =>
    extractOffline(
      documentOf([
        name('Jane Doe'),
        'Engineer',
        'jane@example.com',
        heading('Experience'),
        bold('Senior Engineer, Acme Corp'),
        `Jan 2019${dash}Mar 2021`,
        bullet('Built the billing platform used by 40 teams.'),
        bullet('Cut cloud costs by 30%.'),
        bold('Data Analyst, Beta GmbH'),
        `2016${dash}2018`,
        bullet('Wrote the weekly revenue report.'),
        heading('Education'),
        bold('BSc Computer Science, University of Leeds'),
        `2012${dash}2015`,
      ]),
    ).cv;

  it.each(DASHES)('keeps start and end of ranges written with a %s, one entry per job', (_, dash) => {
    const cv = experience(dash);
    expect(cv.experience.items.map((item) => [item.jobTitle, item.companyName, item.dateRange?.start, item.dateRange?.end])).toEqual([
      ['Senior Engineer', 'Acme Corp', '2019-01', '2021-03'],
      ['Data Analyst', 'Beta GmbH', '2016', '2018'],
    ]);
    expect(cv.education.items.map((item) => [item.dateRange?.start, item.dateRange?.end])).toEqual([['2012', '2015']]);
  });
});
