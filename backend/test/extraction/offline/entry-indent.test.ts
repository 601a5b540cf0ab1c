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
