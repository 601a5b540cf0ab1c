import { extractOffline } from '../../../src/extraction/extractors/offline/offline-extractor';
import { bodyStyle, readingLines } from '../../../src/extraction/extractors/offline/lines';
import { documentOf, heading, name, type LineSpec } from './document';

// A narrow sidebar (x 22–190) beside a main column at x 221: its skill lists, their
// category names set in the body's type above them.
const side = (text: string, gapBefore = 16): LineSpec => [text, { x: 22, gapBefore }];
const main = (text: string, gapBefore = 14): LineSpec => [text, { x: 221, column: 1, gapBefore }];

describe('a sidebar of skills', () => {
  it('joins a list wrapped at the sidebar edge, though the title across the top of the page reads with the sidebar', () => {
    const document = documentOf([
      [`Jane Doe`, { x: 22, fontSize: 30 }],
      ['Humanitarian Logistics Coordinator', { x: 300, width: 280, fontSize: 18, gapBefore: 12 }],
      ['Skills', { x: 22, fontSize: 12, gapBefore: 50 }],
      side('Procurement, Warehousing, Fleet', 20),
      side('management, Cold chain', 12),
      side('SAP MM, LogIK, Power BI, Excel', 20),
      side('Geneva, Switzerland', 40),
      main('Summary', 0),
      main('Logistics coordinator with field experience in West Africa.'),
    ]);
    const texts = readingLines(document, bodyStyle(document.lines)).map((line) => line.text);
    expect(texts).toContain('Procurement, Warehousing, Fleet management, Cold chain');
  });

  it('reads the names over its lists as the categories, where each stands over a list', () => {
    const { cv } = extractOffline(
      documentOf(
        [
          name('Jane Doe'),
          'jane@example.com',
          heading('Technical Skills'),
          ...[
            ['Languages', 'Go, Java, TypeScript'],
            ['Infrastructure', 'AWS, Kubernetes, Terraform'],
            ['Data', 'PostgreSQL, Kafka'],
          ].flatMap(([category, list]): LineSpec[] => [
            [category!, { gapBefore: 21 }],
            [list!, { gapBefore: 16 }],
          ]),
        ],
        'pdf',
      ),
    );
    expect(cv.skills.skillCategories.map((category) => [category.categoryName, category.skills])).toEqual([
      ['Languages', ['Go', 'Java', 'TypeScript']],
      ['Infrastructure', ['AWS', 'Kubernetes', 'Terraform']],
      ['Data', ['PostgreSQL', 'Kafka']],
    ]);
  });
});

describe('groups of skills set under headings of their own', () => {
  // A sidebar in capitals: the groups' names are set like the section headings, with no
  // "Skills" heading over them; the spoken languages follow under a heading of the same look.
  const sideHeading = (text: string): LineSpec => [text, { x: 22, fontSize: 13, bold: true, gapBefore: 26 }];
  const document = () =>
    documentOf([
      name('Aiden Park'),
      sideHeading('LANGUAGES'),
      ...['PYTHON', 'RUST', 'OCAML'].map((skill) => side(skill, 11)),
      sideHeading('DESIGN'),
      ...['BRAND IDENTITY', 'TYPOGRAPHY'].map((skill) => side(skill, 11)),
      sideHeading('TOOLS'),
      ...['GIT', 'DOCKER'].map((skill) => side(skill, 11)),
      sideHeading('LANGUAGES'),
      side('ENGLISH (NATIVE)', 11),
      side('KOREAN (FLUENT)', 11),
      [`EXPERIENCE`, { x: 221, column: 1, fontSize: 13, bold: true, gapBefore: 0 }],
      main('Research Assistant, University of Michigan\t2024 – 2025', 20),
    ]);

  it('reads each group as a category named by its heading, programming languages included', () => {
    const { cv } = extractOffline(document());
    expect(cv.skills.skillCategories.map((category) => [category.categoryName, category.skills])).toEqual([
      ['LANGUAGES', ['PYTHON', 'RUST', 'OCAML']],
      ['DESIGN', ['BRAND IDENTITY', 'TYPOGRAPHY']],
      ['TOOLS', ['GIT', 'DOCKER']],
    ]);
    expect(cv.languages.items.map((item) => item.language)).toEqual(['ENGLISH', 'KOREAN']);
  });
});

describe('groups of skills set as rows of tags under headings of their own', () => {
  it('reads each row as the category its heading names', () => {
    const subHeading = (text: string): LineSpec => [text, { fontSize: 13, bold: true, gapBefore: 26 }];
    const { cv } = extractOffline(
      documentOf([name('Noa Cohen'), 'noa@example.com', heading('Skills'), subHeading('ניהול מוצר'), 'Agile\tRoadmap\tמחקר משתמשים', subHeading('כלים'), 'Jira\tFigma\tSQL']),
    );
    expect(cv.skills.skillCategories.map((category) => [category.categoryName, category.skills])).toEqual([
      ['ניהול מוצר', ['Agile', 'Roadmap', 'מחקר משתמשים']],
      ['כלים', ['Jira', 'Figma', 'SQL']],
    ]);
  });
});

describe('groups of skills whose terms are each set larger than the body', () => {
  // A web sidebar converted to Word (pandoc): each group's name in one heading style, each term
  // on a paragraph of its own in a smaller heading style, still larger than the body text.
  const group = (text: string): LineSpec => [text, { fontSize: 14, headingLevel: 3, gapBefore: 34 }];
  const term = (text: string): LineSpec => [text, { fontSize: 12, headingLevel: 6, gapBefore: 34 }];

  it('reads the terms as the group’s skills: none stands out from the ones under it', () => {
    const { cv } = extractOffline(
      documentOf(
        [
          name('Grace Adeyemi'),
          group('About'),
          ...['Houston TX', 'grace@example.com'].map(term),
          group('Clinical'),
          ...['Telemetry monitoring', 'IV therapy', 'Wound care'].map(term),
          group('Systems'),
          ...['Epic', 'Pyxis', 'Omnicell'].map(term),
          group('Languages'),
          ...['English (Native)', 'Yoruba (Fluent)'].map(term),
          group('Summary'),
          'Registered nurse with eight years of acute care in cardiac step-down and emergency departments.',
          'Known for calm triage under pressure and clear patient education.',
        ],
        'docx',
      ),
    );
    expect(cv.skills.skillCategories.map((category) => [category.categoryName, category.skills])).toEqual([
      ['Clinical', ['Telemetry monitoring', 'IV therapy', 'Wound care']],
      ['Systems', ['Epic', 'Pyxis', 'Omnicell']],
    ]);
  });
});
