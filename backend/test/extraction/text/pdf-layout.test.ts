import { layoutPage, type PdfTextItem } from '../../../src/extraction/text/pdf-layout';

// Synthetic pdf.js items: Helvetica-like widths of half an em per character.
function item(text: string, x: number, baseline: number, extra: Partial<PdfTextItem> = {}): PdfTextItem {
  const fontSize = extra.fontSize ?? 10;
  return { text, x, baseline, top: baseline - 0.8 * fontSize, width: text.length * fontSize * 0.5, fontSize, bold: false, italic: false, ...extra };
}

const texts = (items: PdfTextItem[]) => layoutPage(items, 1).map((line) => [line.column, line.text]);

describe('layoutPage', () => {
  it('reads a right-hand sidebar after the main column, under a full-width header', () => {
    const main = ['Experience', 'Lead engineer at Foo', 'Built the billing system end to end', 'Ran the on-call rota', 'Education', 'MSc Physics'];
    const side = ['Contact', 'jane@example.com', 'Skills', 'Go', 'Kubernetes'];
    const items = [
      item('Jane Doe, staff engineer with fifteen years of platform work across three continents', 40, 40),
      ...main.map((text, i) => item(text, 40, 100 + i * 14)),
      ...side.map((text, i) => item(text, 420, 103 + i * 19)),
    ];
    expect(texts(items)).toEqual([[0, 'Jane Doe, staff engineer with fifteen years of platform work across three continents'], ...main.map((text) => [0, text]), ...side.map((text) => [1, text])]);
  });

  it('reads a date column that lines up row by row with its text as one column, row by row', () => {
    const rows = [
      ['2019 – 2023', 'Lead engineer, Foo'],
      ['', 'Built the billing system'],
      ['2015 – 2019', 'Engineer, Bar'],
      ['', 'Kept the lights on'],
      ['2011 – 2015', 'BSc, Leeds'],
      ['2010', 'Internship, Baz'],
    ];
    const items = rows.flatMap(([date, text], i) => [...(date ? [item(date!, 40, 100 + i * 14)] : []), item(text!, 160, 100 + i * 14)]);
    expect(texts(items)).toEqual(rows.map(([date, text]) => [0, date ? `${date}\t${text}` : text]));
  });

  it('reads a margin of labels set flush right against the text as one column, row by row', () => {
    // Section names in the margin, ending where the text begins; most stand on rows of their own.
    const labels: [string, number][] = [
      ['Experience', 100],
      ['Education', 200],
      ['Skills', 300],
      ['Languages', 360],
    ];
    const body = Array.from({ length: 21 }, (_, i) => 100 + i * 14).filter((y) => !labels.slice(1).some(([, label]) => Math.abs(label - y) < 10));
    const items = [...labels.map(([text, y]) => item(text, 145 - text.length * 5, y)), ...body.map((y) => item(`Line of text at ${y}`, 160, y))];
    const lines = layoutPage(items, 1);
    expect(new Set(lines.map((line) => line.column))).toEqual(new Set([0]));
    expect(lines.map((line) => line.text).filter((text) => !text.startsWith('Line'))).toEqual(['Experience\tLine of text at 100', 'Education', 'Skills', 'Languages']);
    expect(lines.findIndex((line) => line.text === 'Education')).toBe(body.filter((y) => y < 200).length);
  });

  it('reads a sidebar set in a table cell as a column of its own, though its first lines share the main text’s rows', () => {
    // Both cells start at one top in one font and line height; the sidebar's heading, with
    // space above it, moves the lines after it off the main column's rows.
    const side: [string, number][] = [
      ...['jane@example.com', '+44 20 7946 0018', 'London, UK', 'Skills', 'Python, Go, SQL', 'Kubernetes, Terraform', 'Git, Linux', 'PostgreSQL'].map((text, i): [string, number] => [
        text,
        100 + i * 12,
      ]),
      ['Languages', 202],
      ['English (native)', 214],
      ['German (B2)', 226],
    ];
    const main = Array.from({ length: 12 }, (_, i) => `Main column sentence number ${i + 1} about the work`);
    const items = [...side.map(([text, y]) => item(text, 40, y)), ...main.map((text, i) => item(text, 200, 100 + i * 12))];
    expect(texts(items)).toEqual([...side.map(([text]) => [0, text]), ...main.map((text) => [1, text])]);
  });

  it('parts a margin of flush-right labels from the text beside it however close, and joins a label that wrapped in the margin', () => {
    // Labels end 5 pt before the text column at x 150 (less than a cell gap), their starts ragged.
    const label = (text: string, y: number) => item(text, 145 - text.length * 5, y);
    const text = (words: string, y: number) => item(words, 150, y);
    const items = [
      label('Sep 2020 –', 100),
      text('Marketing Lead, Lumen Cosmetics, Lyon', 100),
      label('today', 112),
      text('Tools: Google Analytics, HubSpot', 112),
      text('Ran a media budget of 1.2 M€.', 124),
      label('Jan 2016 – Aug 2020', 140),
      text('Digital Marketer, Azur Travel, Marseille', 140),
      label('2013 – 2015', 160),
      text('MSc Digital Marketing, IAE Lyon', 160),
      label('CRM and', 180),
      text('HubSpot, Brevo', 180),
      label('loyalty', 192),
      label('Analytics', 208),
      text('Looker Studio, Excel', 208),
    ];
    expect(texts(items)).toEqual([
      [0, 'Sep 2020 – today\tMarketing Lead, Lumen Cosmetics, Lyon'],
      [0, 'Tools: Google Analytics, HubSpot'],
      [0, 'Ran a media budget of 1.2 M€.'],
      [0, 'Jan 2016 – Aug 2020\tDigital Marketer, Azur Travel, Marseille'],
      [0, '2013 – 2015\tMSc Digital Marketing, IAE Lyon'],
      [0, 'CRM and loyalty\tHubSpot, Brevo'],
      [0, 'Analytics\tLooker Studio, Excel'],
    ]);
  });

  it('reads a margin of section names and dates beside the text with the text, each before what it labels, set off its rows or not', () => {
    // Names at 9 pt, dates at 7.5 pt bold, in a margin at x 40; text at x 200, 17 pt apart
    // within a block, 40 between blocks. "Languages" stands beside its block's middle row,
    // "Summary" beside a block that "Skills" already heads (its section printed nothing).
    const label = (text: string, baseline: number, extra: Partial<PdfTextItem> = {}) => item(text, 40, baseline, { fontSize: 9, ...extra });
    const text = (words: string, baseline: number, extra: Partial<PdfTextItem> = {}) => item(words, 200, baseline, { fontSize: 9, ...extra });
    const date = (words: string, baseline: number) => label(words, baseline, { fontSize: 7.5, bold: true });
    const items = [
      label('CONTACT', 98),
      text('Email jane@example.com', 91),
      text('Phone +44 20 7946 0018', 108),
      label('SKILLS', 156),
      text('Clinical: telemetry, IV therapy', 148),
      text('Systems: Epic, Pyxis', 165),
      text('People: precepting', 182),
      label('SUMMARY', 171),
      label('EXPERIENCE', 217),
      text('Charge Nurse, Step-Down Unit', 222, { bold: true }),
      date('2020-02 TO PRESENT', 241),
      text('Coordinate care for a 32-bed unit.', 237),
      text('Monitor telemetry and cardiac drips.', 254),
      date('2016-06 TO 2020-01', 297),
      text('Registered Nurse, Emergency Department', 294, { bold: true }),
      text('Triaged 20+ patients per shift.', 311),
      label('LANGUAGES', 372),
      text('English Native', 355),
      text('Yoruba Fluent', 372),
      text('Spanish Intermediate', 389),
    ];
    expect(texts(items).map(([, line]) => line)).toEqual([
      'CONTACT',
      'Email jane@example.com',
      'Phone +44 20 7946 0018',
      'SKILLS',
      'Clinical: telemetry, IV therapy',
      'Systems: Epic, Pyxis',
      'People: precepting',
      'SUMMARY',
      'EXPERIENCE',
      'Charge Nurse, Step-Down Unit',
      '2020-02 TO PRESENT',
      'Coordinate care for a 32-bed unit.',
      'Monitor telemetry and cardiac drips.',
      '2016-06 TO 2020-01',
      'Registered Nurse, Emergency Department',
      'Triaged 20+ patients per shift.',
      'LANGUAGES',
      'English Native',
      'Yoruba Fluent',
      'Spanish Intermediate',
    ]);
  });

  it('reads a right-to-left main column, flush right and wider than the sidebar on its right, as a column, not as labels', () => {
    // Hebrew lines of varied length ending at x 372; a sidebar from x 410, set at heights of its own.
    const main = Array.from({ length: 10 }, (_, i) => 'מנהלת מוצר עם ניסיון רב'.repeat(1 + (i % 3)).slice(0, 20 + (i % 4) * 12));
    const side = ['פרטי קשר', 'noa@example.com', '054-7123456', 'תל אביב', 'כישורים', 'Roadmap, Agile', 'Jira, Figma'];
    const items = [...main.map((text, i) => item(text, 372 - text.length * 5, 100 + i * 15)), ...side.map((text, i) => item(text, 410, 104 + i * 19))];
    const lines = layoutPage(items, 1);
    expect(lines.filter((line) => line.column === 1).map((line) => line.text)).toHaveLength(side.length);
  });

  it('reads a label column as rows of a table when its rows line up where both sides hold text', () => {
    // A heading above the first row of text, and one between rows, stand alone; the labels line up.
    const left: [string, number][] = [
      ['Languages', 60],
      ['Spanish', 100],
      ['English', 120],
      ['French', 140],
      ['Volunteering', 180],
      ['since 2019', 210],
    ];
    const right: [string, number][] = [
      ['Native', 100],
      ['C1 (Cambridge Advanced)', 120],
      ['B1', 140],
      ['Red Cross, digital literacy volunteer', 210],
    ];
    const lines = layoutPage([...left.map(([text, y]) => item(text, 40, y)), ...right.map(([text, y]) => item(text, 160, y))], 1);
    expect(lines.map((line) => [line.column, line.text])).toEqual([
      [0, 'Languages'],
      [0, 'Spanish\tNative'],
      [0, 'English\tC1 (Cambridge Advanced)'],
      [0, 'French\tB1'],
      [0, 'Volunteering'],
      [0, 'since 2019\tRed Cross, digital literacy volunteer'],
    ]);
  });

  it('reads a label column as rows of a table when its headings stand only where the text beside is blank', () => {
    const left: [string, number][] = [
      ['Languages', 60],
      ['Spanish', 80],
      ['English', 100],
      ['Interests', 130],
      ['Chess', 150],
      ['Memberships', 180],
      ['since 2014', 200],
      ['Patents', 230],
      ['granted 2023', 250],
    ];
    const right: [string, number][] = [
      ['Native', 80],
      ['Fluent', 100],
      ['TOEFL 110', 114],
      ['Club player', 150],
      ['Regional league', 164],
      ['VDI, member', 200],
      ['Student chapter', 214],
      ['Gearbox housing with integrated cooling, DE 10 2021 114 532', 250],
      ['Inventors: J. Becker, M. Schäfer', 264],
      ['Applicant: Neckar Antriebstechnik GmbH', 278],
    ];
    const lines = layoutPage([...left.map(([text, y]) => item(text, 40, y)), ...right.map(([text, y]) => item(text, 160, y))], 1);
    expect(lines.map((line) => [line.column, line.text])).toEqual([
      [0, 'Languages'],
      [0, 'Spanish\tNative'],
      [0, 'English\tFluent'],
      [0, 'TOEFL 110'],
      [0, 'Interests'],
      [0, 'Chess\tClub player'],
      [0, 'Regional league'],
      [0, 'Memberships'],
      [0, 'since 2014\tVDI, member'],
      [0, 'Student chapter'],
      [0, 'Patents'],
      [0, 'granted 2023\tGearbox housing with integrated cooling, DE 10 2021 114 532'],
      [0, 'Inventors: J. Becker, M. Schäfer'],
      [0, 'Applicant: Neckar Antriebstechnik GmbH'],
    ]);
  });

  it('makes a heading set larger in the margin beside the first line of its text a line of its own', () => {
    const lines = layoutPage([item('Profile', 100, 100, { fontSize: 12 }), item('Brand designer with seven years of practice', 160, 100, { fontSize: 11 })], 1);
    expect(lines.map((line) => [line.text, line.fontSize, line.x])).toEqual([
      ['Profile', 12, 100],
      ['Brand designer with seven years of practice', 11, 160],
    ]);
  });

  it('measures the gap between cells in the smaller text: small dates in the margin beside a larger title', () => {
    const lines = layoutPage([item('sept. 2020 – today', 40, 100, { fontSize: 9 }), item('Marketing Lead', 131, 100, { fontSize: 12 })], 1);
    expect(lines.map((line) => line.text)).toEqual(['sept. 2020 – today\tMarketing Lead']);
  });

  it('separates pieces of a row set far apart into tab-separated cells with their x', () => {
    const rows: [string, number][][] = [
      // A company flush left, its town flush right.
      [
        ['Dunamu Inc.', 40],
        ['Seoul, Korea', 480],
      ],
      // A degree, its dates on a tab stop.
      [
        ['BSc Computer Science', 40],
        ['2015 – 2019', 400],
      ],
      // A skill grid: cells 2 em apart, more than any word space.
      [
        ['HTML', 40],
        ['CSS', 80],
        ['Python', 115],
        ['TypeScript', 165],
      ],
      // Three columns of a table row.
      [
        ['MSc', 40],
        ['Physics', 150],
        ['2012', 300],
      ],
    ];
    const items = rows.flatMap((row, i) => row.map(([text, x]) => item(text, x, 100 + i * 14)));
    const lines = layoutPage(items, 1);
    expect(lines.map((line) => line.text)).toEqual(rows.map((row) => row.map(([text]) => text).join('\t')));
    expect(lines.map((line) => line.cellX)).toEqual(rows.map((row) => row.map(([, x]) => x)));
  });

  it('reads such a column set flush right, ragged on the left, as a margin of labels, not as a column', () => {
    const side = ['Leeds, UK', '+44 20 7946 0018', 'jane.doe@example.com', 'github.com/janedoe', 'Experience', 'Education'];
    const body = Array.from({ length: 20 }, (_, i) => `Line ${i} of the text column`);
    // Two addresses stop short of the edge the others end at.
    const ends = [145, 145, 141, 138, 145, 145];
    const items = [...side.map((text, i) => item(text, ends[i]! - text.length * 5, 100 + i * 40)), ...body.map((text, i) => item(text, 147, 100 + i * 13.5, { fontSize: 11 }))];
    expect(new Set(layoutPage(items, 1).map((line) => line.column))).toEqual(new Set([0]));
  });

  it('parts runs drawn over each other: an address that runs on under the text beside it', () => {
    const lines = layoutPage([item('xing.com/profile/Jonas_Becker42', 40, 100), item('komponenten für die Automobilindustrie', 150, 100), item('Kerned', 40, 120), item('pair', 69.5, 120)], 1);
    expect(lines.map((line) => line.text)).toEqual(['xing.com/profile/Jonas_Becker42\tkomponenten für die Automobilindustrie', 'Kernedpair']);
  });

  it('reads a bulleted list set in two CSS columns column by column, an item cut at the foot of the first whole', () => {
    // Each row holds a line of either column; the second column starts with the tail of
    // the first column's last item.
    const rows: [string, string][] = [
      ['· Led the migration of the ledger', 'their promotion cases.'],
      ['to an event-sourced design.', '· Cut build times by 40% across'],
      ['· Mentored three engineers through', 'all of the mobile teams.'],
    ];
    const items = rows.flatMap(([a, b], i) => [item(a, 40, 100 + i * 10, { fontSize: 8 }), item(b, 220, 100 + i * 10, { fontSize: 8 })]);
    expect(texts(items)).toEqual([
      [0, '· Led the migration of the ledger'],
      [0, 'to an event-sourced design.'],
      [0, '· Mentored three engineers through their promotion cases.'],
      [0, '· Cut build times by 40% across'],
      [0, 'all of the mobile teams.'],
    ]);
  });

  it('reads a bulleted list in justified columns column by column, its items wrapped under their text and not their bullet', () => {
    // LaTeX multicols, three columns 173 pt apart: a stretched space parts 'People:' from its
    // first skill, and wrapped lines start 10 pt in from the bullet.
    const items = [
      item('• Clinical: Telemetry monitor-', 58, 100),
      item('• Systems: Epic, Pyxis, Omni-', 231.4, 100),
      item('• People:', 404.75, 100),
      item('Patient education,', 467.45, 100),
      item('ing, IV therapy, Cardiac drips,', 68, 112),
      item('cell', 241.37, 112),
      item('Precepting, De-escalation', 414.72, 112),
      item('Wound care, ESI triage', 68, 124),
    ];
    expect(texts(items)).toEqual([
      [0, '• Clinical: Telemetry monitor-'],
      [0, 'ing, IV therapy, Cardiac drips,'],
      [0, 'Wound care, ESI triage'],
      [0, '• Systems: Epic, Pyxis, Omni-'],
      [0, 'cell'],
      [0, '• People: Patient education,'],
      [0, 'Precepting, De-escalation'],
    ]);
  });

  it('finds a column of such a list that holds only the tail of an item, and joins a word cut at the foot of the column before', () => {
    const tail = [
      item('• Logistics: Procurement, Ware-', 58, 100),
      item('Cold chain', 241.37, 100),
      item('• Systems:', 404.75, 100),
      item('SAP MM, LogIK,', 469.24, 100),
      item('housing, Fleet management,', 68, 112),
      item('Power BI, Excel', 414.72, 112),
    ];
    expect(texts(tail)).toEqual([
      [0, '• Logistics: Procurement, Ware-'],
      [0, 'housing, Fleet management, Cold chain'],
      [0, '• Systems: SAP MM, LogIK,'],
      [0, 'Power BI, Excel'],
    ]);
    // Items opened by em dashes, a word cut between two columns.
    const cut = [
      item('— Acquisition : SEA, SEO, So-', 58, 100),
      item('pot, Brevo, Segmentation', 246.34, 100),
      item('Looker Studio, Excel avancé', 419.69, 100),
      item('cial ads', 73, 112),
      item('RFM', 246.34, 112),
      item('— CRM et fidélisation : HubS-', 58, 124),
      item('— Analyse : Google Analytics 4,', 231.4, 124),
    ];
    expect(texts(cut)).toEqual([
      [0, '— Acquisition : SEA, SEO, So-'],
      [0, 'cial ads'],
      [0, '— CRM et fidélisation : HubSpot, Brevo, Segmentation RFM'],
      [0, '— Analyse : Google Analytics 4, Looker Studio, Excel avancé'],
    ]);
  });

  it('reads one row of bulleted cells as one item to a cell', () => {
    const items = [item('• English: Native', 58, 100), item('• Yoruba: Fluent', 231.4, 100), item('• Spanish: Intermediate', 404.75, 100)];
    expect(texts(items)).toEqual([
      [0, '• English: Native'],
      [0, '• Yoruba: Fluent'],
      [0, '• Spanish: Intermediate'],
    ]);
  });

  it('reads a grid of labels set larger over their values column by column, each label before its values', () => {
    const items = [
      item('Infrastructure', 40, 100, { fontSize: 11, bold: true }),
      item('Languages', 220, 100, { fontSize: 11, bold: true }),
      item('Kubernetes · Terraform ·', 40, 116, { fontSize: 9.5 }),
      item('Go · Python', 220, 116, { fontSize: 9.5 }),
      item('Prometheus', 40, 129, { fontSize: 9.5 }),
    ];
    expect(texts(items)).toEqual([
      [0, 'Infrastructure'],
      [0, 'Kubernetes · Terraform ·'],
      [0, 'Prometheus'],
      [0, 'Languages'],
      [0, 'Go · Python'],
    ]);
  });

  it('reads a table whose first row is bold, in the size of the rest, across', () => {
    const rows = [
      ['English', 'Native'],
      ['Spanish', 'Fluent'],
    ];
    const items = rows.flatMap(([a, b], i) => [item(a!, 40, 100 + i * 14, { bold: i === 0 }), item(b!, 200, 100 + i * 14, { bold: i === 0 })]);
    expect(texts(items)).toEqual(rows.map((row) => [0, row.join('\t')]));
  });

  it('reads a row of labels over one row of values in their size column by column where the values are set in italics or are web addresses', () => {
    const languages = [item('Swedish', 40, 100), item('English', 260, 100), item('Native', 40, 113, { italic: true }), item('Fluent', 260, 113, { italic: true })];
    expect(texts(languages)).toEqual([
      [0, 'Swedish'],
      [0, 'Native'],
      [0, 'English'],
      [0, 'Fluent'],
    ]);
    const links = [item('ORCID', 40, 100, { bold: true }), item('Portfolio', 260, 100, { bold: true }), item('orcid.org/0000-0002', 40, 113), item('jane.design', 260, 113)];
    expect(texts(links)).toEqual([
      [0, 'ORCID'],
      [0, 'orcid.org/0000-0002'],
      [0, 'Portfolio'],
      [0, 'jane.design'],
    ]);
  });

  it('reads a table across whose last row alone is set in italics', () => {
    const rows = [
      ['Español', 'Lengua materna'],
      ['Inglés', 'C1 (Cambridge Advanced)'],
      ['Francés', 'B1'],
    ];
    const items = rows.flatMap(([a, b], i) => [item(a!, 70, 100 + i * 22, { italic: i === 2 }), item(b!, 150, 100 + i * 22, { italic: i === 2 })]);
    expect(texts(items)).toEqual(rows.map((row) => [0, row.join('\t')]));
  });

  it('reads rows of a table across though their cells stand at the same x from row to row', () => {
    const rows = [
      ['Acme Corporation', 'Berlin'],
      ['Senior Engineer', '2019 – 2023'],
      ['Globex', 'Munich'],
      ['Engineer', '2015 – 2019'],
    ];
    const items = rows.flatMap(([a, b], i) => [item(a!, 40, 100 + i * 12), item(b!, 400, 100 + i * 12)]);
    expect(texts(items)).toEqual(rows.map((row) => [0, row.join('\t')]));
  });

  it('keeps a row in one piece where its gaps stay within a word space or a justified stretch', () => {
    // Runs 0.3 and 0.8 em apart: a missing space character, a space stretched by justification.
    const [line] = layoutPage([item('Built', 40, 100), item('the', 68, 100), item('billing', 91, 100), item('system', 134, 100)], 1);
    expect(line!.text).toBe('Built the billing system');
    expect(line!.cellX).toBeUndefined();
  });

  it('parts a label set in a size of its own from the text it labels, more than a word space after it', () => {
    // Labels 0.7 em before their text, larger or smaller; bold lead-ins a word space, or a
    // justified line's stretched space (0.6 em), before their sentence.
    const rows = [
      [item('Languages', 40, 100, { fontSize: 12 }), item('Go, Java, TypeScript', 101, 100)],
      [item('Data', 40, 120, { fontSize: 9 }), item('PostgreSQL, Kafka', 64.5, 120)],
      [item('Led', 40, 140, { bold: true }), item('the billing rewrite', 57.5, 140)],
      [item('Senior Data Engineer', 40, 160, { bold: true }), item('with eight years of building', 146, 160)],
    ];
    expect(layoutPage(rows.flat(), 1).map((line) => [line.text, line.cellX])).toEqual([
      ['Languages\tGo, Java, TypeScript', [40, 101]],
      ['Data\tPostgreSQL, Kafka', [40, 64.5]],
      ['Led the billing rewrite', undefined],
      ['Senior Data Engineer with eight years of building', undefined],
    ]);
  });

  it('reads letter-spaced runs as words and marks lines set so', () => {
    const lines = layoutPage(
      [
        // As Chromium prints "letter-spacing: 0.25em": the word space is a gap of 0.8 em between runs.
        item('W O R K', 40, 100, { fontSize: 12 }),
        item('E X P E R I E N C E', 91.6, 100, { fontSize: 12 }),
        item('É D U C A T I O N', 40, 130, { fontSize: 12 }),
        // Kerned pairs lose their space in pdf.js's output.
        item('S U M M A RY', 40, 145, { fontSize: 12 }),
        item('张 三', 40, 160),
        item('Grades A, B and C', 40, 190),
        item('Go to a UX meetup', 40, 220),
        item('is a VP of HR', 40, 250),
      ],
      1,
    );
    expect(lines.map(({ text, letterSpaced }) => ({ text, letterSpaced }))).toEqual([
      { text: 'WORK EXPERIENCE', letterSpaced: true },
      { text: 'ÉDUCATION', letterSpaced: true },
      { text: 'SUMMARY', letterSpaced: true },
      { text: '张 三', letterSpaced: undefined },
      { text: 'Grades A, B and C', letterSpaced: undefined },
      { text: 'Go to a UX meetup', letterSpaced: undefined },
      { text: 'is a VP of HR', letterSpaced: undefined },
    ]);
  });

  it('reads a line without letters on a right-to-left page right to left', () => {
    // A phone number set in a right-to-left paragraph: the bidi algorithm draws its groups from the right.
    const lines = layoutPage([item('ליאור', 480, 100), item('מנהלת', 452, 100), item('0142', 436, 130), item('555', 466, 130), item('79', 489, 130), item('962', 505, 130), item('+', 522, 130)], 1);
    expect(lines.map((line) => line.text)).toEqual(['ליאור מנהלת', '+962 79 555 0142']);
  });

  it('puts punctuation that pdf.js drew apart, inside a right-to-left run, after the word it follows', () => {
    // "عمّان, الأردن" and "العربية: اللغة الأم" as LibreOffice exports them: the mark is an item of its own, drawn within the run.
    const place = item('عمّان الأردن', 480.7, 100, { width: 52.3 });
    const language = item('العربية اللغة الأم', 463.8, 130, { width: 69.1 });
    const lines = layoutPage([item(',', 507.1, 100, { width: 3.3 }), place, item(':', 502.8, 130, { width: 3 }), language], 1);
    expect(lines.map((line) => line.text)).toEqual(['عمّان, الأردن', 'العربية: اللغة الأم']);
  });

  it('orders the cells of a right-to-left row from the right', () => {
    // Drawn left to right: the dates on the left, the company on the right; read right to left.
    const lines = layoutPage([item('2019 – 2023', 40, 100), item('בע"מ', 470, 100), item('טבע', 495, 100)], 1);
    expect(lines[0]!.text).toBe('טבע בע"מ\t2019 – 2023');
    expect(lines[0]!.cellX).toEqual([470, 40]);
  });

  it('reads the cells of Arabic rows from the left when the layout aligns its text on the left', () => {
    // A left-to-right theme: section names in a margin at x 70, the Arabic text flush left at
    // x 150 with ragged right ends, dates on the right. Cells read as the layout sets them.
    const items = [
      item('SUMMARY', 70, 100),
      item('مهندسة بيانات بخبرة ست سنوات في بناء خطوط معالجة', 150, 100),
      item('البيانات للقطاع المصرفي', 150, 114),
      item('EXPERIENCE', 70, 140),
      item('مهندسة بيانات أولى', 150, 140),
      item('2021 — Present', 440, 140),
      item('بناء مستودع بيانات مركزي', 150, 154),
      item('محللة بيانات', 150, 168),
      item('2018 — 2021', 450, 168),
    ];
    const lines = layoutPage(items, 1);
    expect(lines.filter((line) => line.cellX).map((line) => line.text)).toEqual([
      'SUMMARY\tمهندسة بيانات بخبرة ست سنوات في بناء خطوط معالجة',
      'EXPERIENCE\tمهندسة بيانات أولى\t2021 — Present',
      'محللة بيانات\t2018 — 2021',
    ]);
  });

  it('reads Hebrew lines without a closing mark left to right where the layout aligns its text on the left', () => {
    // A theme left at the default direction: bullets flush left at x 150, ragged on the right.
    // "SaaS" inside a bullet is drawn between the two Hebrew runs that read around it.
    const items = [
      item('ניסיון', 70, 100),
      item('מנהלת מוצר בכירה', 150, 100),
      item('אחריות על מודול הדוחות במערכת', 150, 114),
      item('SaaS', 303, 114),
      item('לניהול מלאי', 326, 114),
      item('הובלת מחקר משתמשים עם 40 לקוחות', 150, 128),
      item('אנליסטית נתונים', 150, 142),
    ];
    expect(layoutPage(items, 1).map((line) => line.text)).toContain('אחריות על מודול הדוחות במערכת SaaS לניהול מלאי');
  });

  it('keeps the wrapped words of a right-to-left table cell out of the dates set close beside it', () => {
    // A row of degree, institution and dates read from the right; the institution's name
    // wraps, its last word under the name, not under the dates less than an em to its left.
    const items = [item('תואר ראשון', 326, 521), item('2017', 73, 521), item('–', 96, 521), item('2014', 104, 521), item('אוניברסיטת תל', 131, 521), item('אביב', 180, 534)];
    expect(layoutPage(items, 1).map((line) => line.text)).toEqual(['תואר ראשון\tאוניברסיטת תל 2014 – 2017', 'אביב']);
  });

  it('parts a title that ran long in its grid cell from the dates less than an em to its right, where other rows start a cell there', () => {
    // Titles at x 40, dates at x 200 on every row; one title wraps to end 5 pt (half an em) short of its dates.
    const items = [
      item('Engineer', 40, 100),
      item('2020-03 - Present', 200, 100),
      item('Lecturer in Technical', 40, 130, { width: 155 }),
      item('2018-09 - Present', 200, 130),
      item('Mechanics', 40, 142),
      item('Designer', 40, 170),
      item('2015-04 - 2020-02', 200, 170),
      item('Intern', 40, 200),
      item('2014-01 - 2015-03', 200, 200),
    ];
    expect(layoutPage(items, 1).map((line) => line.text)).toContain('Lecturer in Technical\t2018-09 - Present');
  });

  it('keeps a dash bullet with its text, though the text starts where other rows start a cell', () => {
    const items = [
      ...['Engineer', 'Designer', 'Intern'].flatMap((title, i) => [item(title, 40, 100 + i * 30), item('2015 - 2020', 200, 100 + i * 30)]),
      item('-', 190, 190),
      item('Led the design review of the new gearbox housing', 200, 190),
    ];
    expect(layoutPage(items, 1).map((line) => line.text)).toContain('- Led the design review of the new gearbox housing');
  });

  it('finds a column set closer to the text than a word gap by where the text’s lines start', () => {
    // A contact column whose longest line ends 2 pt short of the text column, its rows
    // falling now and then on the text's baselines, under a name that spans both.
    const side = ['Leeds, UK', '+44 20 7946 0018', 'jane.doe@example.com', 'github.com/janedoe', 'linkedin.com/in/jane-', 'doe'];
    const body = Array.from({ length: 20 }, (_, i) => `Line ${i} of the text column`);
    const items = [
      item('Jane Doe, platform engineer', 40, 60, { fontSize: 20 }),
      ...side.map((text, i) => item(text, 40, 100 + i * 12)),
      ...body.map((text, i) => item(text, 147, 100 + i * 13.5, { fontSize: 11 })),
    ];
    expect(texts(items)).toEqual([[0, 'Jane Doe, platform engineer'], ...side.map((text) => [0, text]), ...body.map((text) => [1, text])]);
  });

  it('stays one column when a short two-column stretch covers little of the page', () => {
    const items = [
      ...['Summary of a long career in several industries and roles', 'Another full line of prose that crosses the middle'].map((text, i) => item(text, 40, 100 + i * 14)),
      ...['Python', 'Go', 'Rust'].map((text, i) => item(text, 40, 140 + i * 14)),
      ...['English', 'French', 'Hebrew'].map((text, i) => item(text, 300, 140 + i * 14 + 5)),
      ...Array.from({ length: 12 }, (_, i) => item(`Full width line number ${i} with enough words to cross the whole page`, 40, 200 + i * 14)),
    ];
    expect(new Set(layoutPage(items, 1).map((line) => line.column))).toEqual(new Set([0]));
  });

  it('reads a date range stacked in a margin right of its entry as one label before the entry, how long it lasted a cell of it', () => {
    // 12 pt text 17 pt apart at x 55; beside each entry's title, a card's date column at
    // x 470, centred: "April 2016" over "— Present", a clock and "11 years" a little lower.
    const text = (words: string, baseline: number, extra: Partial<PdfTextItem> = {}) => item(words, 55, baseline, { fontSize: 12, ...extra });
    const margin = (words: string, x: number, baseline: number) => item(words, x, baseline, { fontSize: 12 });
    const items = [
      text('EXPERIENCE', 420, { fontSize: 16.5 }),
      margin('April 2016', 479, 457),
      text('Chief Financial Officer', 462, { bold: true }),
      margin('— Present', 478, 474),
      text('- Lead a global finance organization of 85 people', 485),
      margin('11 years', 491, 499),
      text('- Own investor relations, treasury and tax', 502),
      text('- Took the company public in 2019', 519),
      text('- Replaced 11 legacy ERPs with one instance', 536),
      margin('January 2010', 470, 680),
      text('VP Finance and Treasurer', 685, { bold: true }),
      margin('—', 501, 697),
      text('- Managed a revolving credit facility', 708),
      margin('March 2016', 474, 714),
      text('- Led due diligence on 4 acquisitions', 725),
      margin('6 years', 494, 739),
      text('- Rebuilt the budgeting process', 742),
    ];
    expect(texts(items).map(([, line]) => line)).toEqual([
      'EXPERIENCE',
      'April 2016 — Present\t11 years',
      'Chief Financial Officer',
      '- Lead a global finance organization of 85 people',
      '- Own investor relations, treasury and tax',
      '- Took the company public in 2019',
      '- Replaced 11 legacy ERPs with one instance',
      'January 2010 — March 2016\t6 years',
      'VP Finance and Treasurer',
      '- Managed a revolving credit facility',
      '- Led due diligence on 4 acquisitions',
      '- Rebuilt the budgeting process',
    ]);
  });

  it('joins the parts of a date range stacked among the lines of one column, and leaves a list’s dashes alone', () => {
    const items = [
      item('CEO/President', 55, 514, { fontSize: 12, bold: true }),
      item('December 2013', 462, 509, { fontSize: 12 }),
      item('—', 501, 525, { fontSize: 12 }),
      item('Pied Piper is a multi-platform technology based on a proprietary', 55, 536, { fontSize: 12 }),
      item('December 2014', 462, 542, { fontSize: 12 }),
      item('Skills 2020', 55, 600, { fontSize: 12 }),
      item('- Python and Go', 55, 617, { fontSize: 12 }),
    ];
    const lines = texts(items).map(([, line]) => line);
    expect(lines).toContain('December 2013 — December 2014');
    expect(lines).toEqual(expect.arrayContaining(['CEO/President', 'Skills 2020', '- Python and Go']));
    expect(lines).toHaveLength(5);
  });

  it('joins a date range its narrow column wrapped after the dash, its end cut short, and the words of a justified range’s start', () => {
    // A left date column 85 pt wide beside the entries; the line under each date holds the
    // entry's organisation, set beside the rest of the range.
    const rows: [string[], string, string][] = [
      [['Jan 2010 – Mar'], '2016', 'Cardinal Packaging Group'],
      [['09/2018 – bis'], 'heute', 'Hochschule Esslingen'],
      [['sept. 2020 – au-'], 'jourd’hui', 'Maison Lumière'],
      [['Jul', '2021', '–'], 'Present', 'Frontline Relief'],
      [['04/2015 –'], '02/2020', 'Präzisionsteile AG'],
    ];
    const items = rows.flatMap(([head, rest, organisation], i) => {
      const baseline = 100 + i * 40;
      // Justification stretches the spaces of a head of several words to fill the column.
      const step = head.length > 1 ? 35 : 0;
      return [...head.map((text, j) => item(text, 43 + j * step, baseline)), item('Engineer', 140, baseline), item(rest, 43, baseline + 12), item(organisation, 140, baseline + 12)];
    });
    expect(texts(items).map(([, line]) => line)).toEqual([
      'Jan 2010 – Mar 2016\tEngineer',
      'Cardinal Packaging Group',
      '09/2018 – bis heute\tEngineer',
      'Hochschule Esslingen',
      'sept. 2020 – aujourd’hui\tEngineer',
      'Maison Lumière',
      'Jul 2021 – Present\tEngineer',
      'Frontline Relief',
      '04/2015 – 02/2020\tEngineer',
      'Präzisionsteile AG',
    ]);
  });

  it('leaves the place under a range that has its end on a line of its own', () => {
    const items = [item('2017 – Present', 43, 100), item('Engineer', 140, 100), item('London', 43, 112), item('Ledgerline', 140, 112)];
    expect(texts(items).map(([, line]) => line)).toEqual(['2017 – Present\tEngineer', 'London\tLedgerline']);
  });

  it('leaves a place under an entry’s head and a heading under a dated line on lines of their own', () => {
    // Neither is how long a job lasted: the head holds pieces set apart by a separator, and
    // the heading is set bolder than the date above it.
    const items = [
      item('Uppsala University | 2002 – 2004', 55, 300, { fontSize: 10 }),
      item('Uppsala, Sweden', 55, 312, { fontSize: 10 }),
      item('Full-time from June 2025', 55, 400, { fontSize: 10 }),
      item('Technical Skills', 55, 412, { fontSize: 10, bold: true }),
    ];
    expect(texts(items).map(([, line]) => line)).toEqual(['Uppsala University | 2002 – 2004', 'Uppsala, Sweden', 'Full-time from June 2025', 'Technical Skills']);
  });

  it('keeps dates set flush right in the main column with their rows, beside a sidebar farther right', () => {
    // Short titles leave as wide a clear band before their dates as between the dates and the
    // sidebar: the band that rows cross (a title and its date) is no gutter.
    const entries = [
      ['A statistical atlas of colonic clones', 'Jan 2020'],
      ['Shrinkage for expression', 'Jan 2019'],
      ['Zero inflation is a sampling artefact', 'Jan 2018'],
      ['Allele-specific expression', 'Jan 2017'],
    ];
    const main = entries.flatMap(([title, date], i) => [item(title!, 30, 50 + i * 40), item(date!, 345, 50 + i * 40), item('Nature Genetics', 30, 62 + i * 40)]);
    // The sidebar is set flush right, ragged on the left.
    const side = ['References', 'Prof. Richard Ellison', 'Dr. Peter Hale', 'Languages', 'Swedish', 'English'].map((text, i) => item(text, 568 - text.length * 5, 56 + i * 23));
    const lines = texts([...main, ...side]);
    expect(lines.filter(([column]) => column === 0).map(([, text]) => text)).toContain('Shrinkage for expression\tJan 2019');
    expect(lines.filter(([column]) => column === 1).map(([, text]) => text)).toEqual(['References', 'Prof. Richard Ellison', 'Dr. Peter Hale', 'Languages', 'Swedish', 'English']);
  });

  it('parts a row of title, dates and text whose text wraps in its cell into the title and dates, then the text', () => {
    const items = [
      item('Professor of Computational', 40, 100),
      item('2019 - Present', 200, 100),
      item('Lead the lab: six postdoctoral', 350, 100),
      item('Biology', 40, 114),
      item('researchers and an engineer.', 350, 114),
      item('Taught statistics to sixty students a year.', 70, 128),
      item('Reader in Statistics', 40, 160),
      item('2015 - 2019', 200, 160),
      item('Built the analysis core', 350, 160),
      item('Serving 25 groups.', 350, 174),
    ];
    expect(texts(items)).toEqual([
      [0, 'Professor of Computational Biology\t2019 - Present'],
      [0, 'Lead the lab: six postdoctoral'],
      [0, 'researchers and an engineer.'],
      [0, 'Taught statistics to sixty students a year.'],
      [0, 'Reader in Statistics\t2015 - 2019'],
      [0, 'Built the analysis core'],
      [0, 'Serving 25 groups.'],
    ]);
  });

  it('reads rows of three cells across when no line under them goes on the last cell', () => {
    const rows = [
      ['Python', 'Expert', 'Eight years'],
      ['Go', 'Advanced', 'Five years'],
    ];
    const items = rows.flatMap((cells, i) => cells.map((text, c) => item(text, 40 + c * 150, 100 + i * 14)));
    expect(texts(items)).toEqual(rows.map((cells) => [0, cells.join('\t')]));
  });

  it('reads a grid set flush right column by column, under each column its name, items that wrap joined', () => {
    // Two columns ending at x 300 and 400, each cell starting where its text makes it.
    const right = (text: string, end: number, baseline: number, fontSize = 8) => item(text, end - text.length * fontSize * 0.5, baseline, { fontSize });
    const rows = [
      [right('Methods', 300, 100, 10), right('Software', 400, 100, 10)],
      [right('Bayesian', 300, 114), right('R', 400, 114)],
      [right('hierarchical', 300, 124), right('Python', 400, 124)],
      [right('models', 300, 134), right('Stan', 400, 134)],
      [right('Phylogenetics', 300, 144)],
    ];
    expect(texts(rows.flat()).map(([, text]) => text)).toEqual(['Methods', 'Bayesian hierarchical models', 'Phylogenetics', 'Software', 'R', 'Python', 'Stan']);
  });

  it('reads rows across whose first column is set flush left, though their last cells end at one x', () => {
    const rows = [
      ['Python', 'Expert'],
      ['Go', 'Advanced'],
      ['Rust', 'Basic'],
    ];
    const items = rows.flatMap(([skill, level], i) => [item(skill!, 40, 100 + i * 14), item(level!, 300 - level!.length * 5, 100 + i * 14)]);
    expect(texts(items)).toEqual(rows.map((cells) => [0, cells.join('\t')]));
  });

  it('merges runs on one baseline in x order, with a space only where the gap is wide enough', () => {
    const lines = layoutPage(
      [
        item('Type', 102, 100), // x 102–122, 4 pt after "world": a space
        item('Script', 122, 100), // touching: no space
        item('Hello', 40, 100.5), // x 40–65, baseline a little off
        item(',', 65, 100),
        item('world', 73, 100), // 3 pt gap, more than 0.2 em
        item('st', 155, 97, { fontSize: 7 }), // raised and smaller, sorted first by baseline
      ],
      1,
    );
    expect(lines.map((line) => line.text)).toEqual(['Hello, world TypeScript st']);
  });

  it('keeps right-to-left words that pdf.js emits without spaces apart, in reading order', () => {
    // Drawn left to right: "כהן" then "דנה"; read right to left: "דנה כהן".
    const lines = layoutPage([item('כהן', 500, 100), item('דנה', 520, 100)], 1);
    expect(lines[0]!.text).toBe('דנה כהן');
  });

  it('takes size, weight and font of a line from the characters that dominate it', () => {
    const [line] = layoutPage(
      [item('Skills:', 40, 100, { bold: true, fontName: 'Helvetica-Bold', fontSize: 12 }), item('Python, Go, Rust, Kubernetes', 85, 100, { fontName: 'Helvetica', fontSize: 10 })],
      3,
    );
    expect(line).toEqual({ text: 'Skills: Python, Go, Rust, Kubernetes', page: 3, x: 40, y: 92, width: 185, fontSize: 10, bold: false, italic: false, fontName: 'Helvetica', column: 0 });
  });

  it('reads a section name in the margin, set a little lower than its text’s first line, before that line', () => {
    const lines = layoutPage(
      [
        item('Grace Adeyemi', 40, 60, { fontSize: 14, bold: true }),
        item('Compassionate registered nurse with 8 years of acute-care experience', 150, 100),
        item('Profile', 40, 103, { fontSize: 12, bold: true }),
        item('in cardiac step-down and emergency departments.', 150, 114),
      ],
      1,
    );
    expect(lines.map((line) => line.text)).toEqual([
      'Grace Adeyemi',
      'Profile',
      'Compassionate registered nurse with 8 years of acute-care experience',
      'in cardiac step-down and emergency departments.',
    ]);
  });

  it('places a line by the top of its own text, not of a bullet drawn from another font', () => {
    // A list item's bullet comes from a symbol font whose ascent reaches higher than the text's:
    // measured from it, the item's first line would seem farther from its second than a wrap is.
    const lines = layoutPage(
      [
        item('•', 40, 100, { fontName: 'CMSY10', top: 91 }),
        item('“Olivia turned a messy brief into a clear visual idea', 50, 100, { fontName: 'SFTI1095', top: 93 }),
        item('customers noticed the new look.”', 50, 114, { fontName: 'SFTI1095', top: 107 }),
      ],
      1,
    );
    expect(lines.map((line) => line.y)).toEqual([93, 107]);
  });

  it('ignores empty and whitespace-only runs', () => {
    expect(layoutPage([item('', 40, 100), item('  ', 60, 100), item('Text', 40, 120)], 1).map((line) => line.text)).toEqual(['Text']);
  });
});
