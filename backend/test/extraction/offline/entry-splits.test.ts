import { extractOffline } from '../../../src/extraction/extractors/offline/offline-extractor';
import { bodyStyle, readingLines } from '../../../src/extraction/extractors/offline/lines';
import { bold, bullet, documentOf, heading, name, type LineSpec } from './document';

// Where space alone would part an entry, and where it must not.
const top: LineSpec[] = [name('Jane Doe'), 'jane@example.com'];
const jobs = (specs: LineSpec[]) => extractOffline(documentOf([...top, heading('Experience'), ...specs], 'pdf')).cv.experience.items;

describe('entries parted by space', () => {
  it('keeps the bullets under a label standing alone, however far below it they start', () => {
    const items = jobs([
      bold('Senior Engineer, Acme Corp'),
      '2019 – 2021',
      ['Key achievements', { bold: true, gapBefore: 20 }],
      ['Cut build times by 40%.', { listItem: true, gapBefore: 38 }],
      bullet('Halved the incident rate.'),
    ]);
    expect(items.map((item) => [item.jobTitle, item.companyName, item.achievements])).toEqual([['Senior Engineer', 'Acme Corp', ['Cut build times by 40%.', 'Halved the incident rate.']]]);
  });

  it('joins "Company / Town / Dates" to the role set apart below it, over its bullets', () => {
    const job = (company: string, town: string, dates: string, role: string, item: string): LineSpec[] => [
      [company, { bold: true, fontSize: 12, gapBefore: 40 }],
      [town, { bold: true, fontSize: 12, gapBefore: 16 }],
      [dates, { gapBefore: 16 }],
      [role, { bold: true, fontSize: 12, gapBefore: 31 }],
      bullet(item),
    ];
    const items = jobs([
      ...job('Banca Digital', 'Madrid', 'January 2019 – Present', 'Senior Data Analyst', 'Built propensity models in Python.'),
      ...job('Tiendas Sol', 'Valencia', 'March 2016 – December 2018', 'Data Analyst', 'Ran A/B tests for the online shop.'),
    ]);
    expect(items.map((item) => [item.jobTitle, item.companyName, item.dateRange?.text])).toEqual([
      ['Senior Data Analyst', 'Banca Digital', 'January 2019 – Present'],
      ['Data Analyst', 'Tiendas Sol', 'March 2016 – December 2018'],
    ]);
  });

  it('keeps short lines under a bare label in the entry, when their bullets are graphics set too far in to be found', () => {
    // The entries stand in from the page's edge, which the skills below set; their items farther in still.
    const job = (company: string, dates: string, role: string, items: string[]): LineSpec[] => [
      [company, { bold: true, fontSize: 12, gapBefore: 40, x: 70 }],
      [dates, { x: 70 }],
      [role, { bold: true, fontSize: 12, gapBefore: 30, x: 70 }],
      ['Highlights', { bold: true, x: 70 }],
      ...items.map((item, index): LineSpec => [item, { x: 100, gapBefore: index === 0 ? 25 : 18 }]),
    ];
    const { cv } = extractOffline(
      documentOf(
        [
          ...top,
          heading('Experience'),
          ...job('Finlio', '2021 – Present', 'Senior Product Manager', ['Led the payments product', 'Grew sign-ups by 18%']),
          ...job('Cloudrise', '2018 – 2021', 'Product Manager', ['Ran a team of six']),
          heading('Skills'),
          ...['Agile', 'Roadmaps', 'User research', 'Jira', 'Figma', 'SQL'],
        ],
        'pdf',
      ),
    );
    expect(cv.experience.items.map((item) => [item.jobTitle, item.companyName, [...(item.responsibilities ?? []), ...(item.achievements ?? [])]])).toEqual([
      ['Senior Product Manager', 'Finlio', ['Led the payments product', 'Grew sign-ups by 18%']],
      ['Product Manager', 'Cloudrise', ['Ran a team of six']],
    ]);
  });

  it('does not read dates set in from the column edge as a bullet', () => {
    const document = documentOf([
      ...top,
      heading('Volunteering'),
      ['Red Cross', { x: 60, bold: true }],
      ['2019 – Present', { x: 60 }],
      'Phone: +34 612 345 678',
      'Madrid, Spain',
      'Skills',
      'Python, SQL',
    ]);
    const lines = readingLines(document, bodyStyle(document.lines));
    expect(lines.find((line) => line.text === '2019 – Present')?.listItem).toBe(false);
  });
});

describe('a name and its giver on one line', () => {
  it('parts them at a comma set apart by spaces, keeping the commas inside the name', () => {
    const { cv } = extractOffline(documentOf([...top, heading('Awards'), bold('First Place, Snacks Category , The Dieline Awards'), 'Awarded on: Jan 01, 2022'], 'pdf'));
    expect(cv.awards.items.map((item) => [item.awardName, item.issuingOrganization])).toEqual([['First Place, Snacks Category', 'The Dieline Awards']]);
  });
});

describe('places in scripts without capitals', () => {
  it('reads a few Han characters after the company as its town, and a long run as no town', () => {
    const document = documentOf(
      [name('王晓明'), 'xiaoming.wang@163.com', heading('工作经历'), bold('高级后端工程师\t2020-07 – 至今'), '杭州云帆科技有限公司, 杭州', bullet('负责订单中心的架构设计。')],
      'pdf',
    );
    const [job] = extractOffline(document).cv.experience.items;
    expect([job?.jobTitle, job?.companyName, job?.location]).toEqual(['高级后端工程师', '杭州云帆科技有限公司', '杭州']);
  });
});

describe('a role and its organisation joined by "@"', () => {
  it('parts them at an "@" after a space even when no word of the role is known', () => {
    const items = jobs([bold('Intelligence Officerin @Zahal\t2011 – 2014'), bullet('Led a team of six.'), bold('Senior Engineer @Acme\t2015 – 2020'), bullet('Built things.')]);
    expect(items.map((item) => [item.jobTitle, item.companyName])).toEqual([
      ['Intelligence Officerin', 'Zahal'],
      ['Senior Engineer', 'Acme'],
    ]);
  });
});

describe('an opening whose dates are written in lower case', () => {
  it('opens a new entry after the bullets, however many month words it holds', () => {
    const opening = (text: string): LineSpec => [text, { gapBefore: 16 }];
    const items = jobs([
      opening("sept. 2020 – aujourd'hui\tResponsable Marketing Digital, Maison Lumière, Lyon"),
      bullet("Pilotage d'un budget média annuel de 1,2 M€."),
      opening('janv. 2016 – août 2020\tChargée de marketing digital, Voyages Azur, Marseille'),
      bullet('Gestion des campagnes e-mailing et des tests A/B.'),
    ]);
    expect(items.map((item) => [item.jobTitle, item.companyName, item.dateRange?.text])).toEqual([
      ['Responsable Marketing Digital', 'Maison Lumière', "sept. 2020 – aujourd'hui"],
      ['Chargée de marketing digital', 'Voyages Azur', 'janv. 2016 – août 2020'],
    ]);
  });
});
