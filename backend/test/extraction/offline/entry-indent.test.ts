import { extractOffline } from '../../../src/extraction/extractors/offline/offline-extractor';
import { documentOf, heading, name, type LineSpec } from './document';

// Bullets drawn as graphics, so only their indent under the job's title marks them; the
// main column holds more bullet lines than lines at its own edge.
describe('details indented under an entry', () => {
  const job = (title: string, dates: string, items: string[]): LineSpec[] => [
    [title, { gapBefore: 24 }],
    [dates, { x: 260, gapBefore: 14 }],
    ...items.map((item): LineSpec => [item, { x: 62, gapBefore: 16 }]),
  ];

  it('are its bullets, where the bullets outnumber the lines at the column edge', () => {
    const { cv } = extractOffline(
      documentOf([
        name('Jane Doe'),
        'jane@example.com',
        heading('Employment'),
        ...job('Senior Software Engineer', 'Mar 2021 - Present', [
          'Lead a team of six engineers owning the card service.',
          'Redesigned the settlement pipeline from batches to streaming.',
          'Introduced contract testing across fourteen services.',
          'Run the backend hiring loop and mentor three engineers.',
        ]),
        ...job('Software Developer', 'Sep 2013 - May 2017', [
          'Delivered web applications for public-sector clients.',
          'Set up the team’s first CI pipeline with Jenkins.',
          'Moved the builds to containers.',
        ]),
      ]),
    );
    const items = cv.experience.items;
    expect(items.map((item) => item.responsibilities?.length)).toEqual([4, 3]);
    expect(items.map((item) => [item.companyDescription, item.summary])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
    ]);
  });
});

// A row of title and dates with the job's first bullet in a cell beside them, the rest of
// the bullets hanging under the row (wrapped-cells.ts parts the cell off as a line of its own).
describe('text set beside an entry’s row of title and dates', () => {
  const job = (title: string, dates: string, beside: string, items: string[], gapBefore: number): LineSpec[] => [
    [`${title}\t${dates}`, { gapBefore, cellX: [50, 200], width: 300 }],
    [beside, { x: 350, gapBefore: 0 }],
    ...items.map((item): LineSpec => [item, { x: 80, gapBefore: 14 }]),
  ];

  it('is a detail, the first of the list items under it, never the organisation', () => {
    const { cv } = extractOffline(
      documentOf([
        name('Jonas Becker'),
        'jonas.becker@web.de',
        heading('Work'),
        ...job(
          'Entwicklungsingenieur',
          '2020-03 - Present',
          'Konstruktion von Getriebegehäusen in CATIA V5',
          ['Fachliche Leitung eines Teams von 5 Konstrukteuren', 'Gewichtsreduktion des Gehäuses um 14 %'],
          24,
        ),
        ...job('Konstrukteur', '2015-04 - 2020-02', 'Auslegung und Konstruktion von Pumpenkomponenten', ['Betreuung von Lieferanten im Serienanlauf'], 30),
      ]),
    );
    const items = cv.experience.items;
    expect(items.map((item) => [item.jobTitle, item.companyName])).toEqual([
      ['Entwicklungsingenieur', undefined],
      ['Konstrukteur', undefined],
    ]);
    expect(items.map((item) => item.responsibilities)).toEqual([
      ['Konstruktion von Getriebegehäusen in CATIA V5', 'Fachliche Leitung eines Teams von 5 Konstrukteuren', 'Gewichtsreduktion des Gehäuses um 14 %'],
      ['Auslegung und Konstruktion von Pumpenkomponenten', 'Betreuung von Lieferanten im Serienanlauf'],
    ]);
  });

  it('leaves dates set beside the row, a little off its baseline, to the entry’s opening', () => {
    const { cv } = extractOffline(
      documentOf([
        name('Wang Xiaoming'),
        'xiaoming.wang@163.com',
        heading('Education'),
        ['Bachelor of Engineering\tZhejiang University', { gapBefore: 24, cellX: [50, 180], width: 250 }],
        ['2013-09 – 2017-06', { x: 450, gapBefore: -3 }],
        heading('Skills'),
        'Java, Go',
      ]),
    );
    expect(cv.education.items.map((item) => item.dateRange?.text)).toEqual(['2013-09 – 2017-06']);
  });
});
