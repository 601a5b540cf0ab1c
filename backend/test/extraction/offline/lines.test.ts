import { bodyStyle, readingLines } from '../../../src/extraction/extractors/offline/lines';
import type { TextLine } from '../../../src/extraction/text/document-text';
import { documentOf, type LineSpec } from './document';

const readLines = (specs: LineSpec[]) => {
  const document = documentOf(specs);
  return readingLines(document, bodyStyle(document.lines)).map((line) => ({ text: line.text, listItem: line.listItem }));
};

// A column 300 pt wide (x 50–350); a line is as wide as its characters say unless given.
const wide = (text: string, extra: Partial<TextLine> = {}): LineSpec => [text, { width: 300, ...extra }];

describe('readingLines', () => {
  it('joins a sentence the PDF wrapped at the column edge, and only that', () => {
    expect(
      readLines([wide('Backend engineer with eleven years of experience building payment and'), ['logistics platforms in Go and Java.', { gapBefore: 12 }], ['Open to relocation', { gapBefore: 18 }]]),
    ).toEqual([
      { text: 'Backend engineer with eleven years of experience building payment and logistics platforms in Go and Java.', listItem: false },
      { text: 'Open to relocation', listItem: false },
    ]);
  });

  it('does not join a short line to the next, nor a new "Label:" line', () => {
    expect(readLines([wide('Spanish — Native'), 'English (C1)', wide('Languages: Go, Python, TypeScript, Rust, Java, C'), 'Cloud: AWS, GCP']).map((line) => line.text)).toEqual([
      'Spanish — Native',
      'English (C1)',
      'Languages: Go, Python, TypeScript, Rust, Java, C',
      'Cloud: AWS, GCP',
    ]);
  });

  it('reads indented lines of a PDF as the bullets its graphics drew, wrapped ones joined', () => {
    expect(
      readLines([
        'Senior Engineer, Acme Corp',
        ['Led the migration of the payments ledger to an event-sourced', { x: 66, width: 284, gapBefore: 16 }],
        ['design with zero downtime.', { x: 66, gapBefore: 13 }],
        ['Mentored three engineers.', { x: 66, gapBefore: 16 }],
        ['Cut build times by 40%.', { x: 66, gapBefore: 16 }],
        ['Software Engineer, Globex', { gapBefore: 21 }],
        ['Technologies: Java', { gapBefore: 16 }],
      ]),
    ).toEqual([
      { text: 'Senior Engineer, Acme Corp', listItem: false },
      { text: 'Led the migration of the payments ledger to an event-sourced design with zero downtime.', listItem: true },
      { text: 'Mentored three engineers.', listItem: true },
      { text: 'Cut build times by 40%.', listItem: true },
      { text: 'Software Engineer, Globex', listItem: false },
      { text: 'Technologies: Java', listItem: false },
    ]);
  });

  it('starts a new item at each sentence of a list drawn without glyphs and set as tight as its wraps', () => {
    // Body text at x 50 wrapping 12 pt apart; the list at x 76 ends short of the column's
    // widest line (x 350), and the next item's first word would not have fitted on the line.
    expect(
      readLines([
        wide('Brand designer with seven years of experience creating identities and campaigns'),
        ['for consumer brands, from the first workshop to the printed packaging.', { gapBefore: 12 }],
        wide('Typography and systems thinking keep a brand consistent from the shelf to the', { gapBefore: 16 }),
        ['screen, across every product and campaign.', { gapBefore: 12 }],
        ['Open to freelance work.', { gapBefore: 16 }],
        ['Based in Brooklyn.', { gapBefore: 16 }],
        ['Senior Brand Designer', { gapBefore: 20 }],
        ['Led twelve brand identity projects, from workshops to brand guides.', { x: 76, width: 262, gapBefore: 14 }],
        ['Art-directed photo shoots and packaging for a snack brand.', { x: 76, gapBefore: 12 }],
        ['Built the shared design system in Figma and mentored two', { x: 76, width: 262, gapBefore: 12 }],
        ['junior designers.', { x: 76, gapBefore: 12 }],
      ]).map((line) => line.text),
    ).toEqual([
      'Brand designer with seven years of experience creating identities and campaigns for consumer brands, from the first workshop to the printed packaging.',
      'Typography and systems thinking keep a brand consistent from the shelf to the screen, across every product and campaign.',
      'Open to freelance work.',
      'Based in Brooklyn.',
      'Senior Brand Designer',
      'Led twelve brand identity projects, from workshops to brand guides.',
      'Art-directed photo shoots and packaging for a snack brand.',
      'Built the shared design system in Figma and mentored two junior designers.',
    ]);
  });

  it('reads a list indented 41 pt as bullets, even where its lines outnumber the entries, wrapped at its own spacing', () => {
    // Entry heads at x 35–36 (a bold title a point left of the rest); bullets at x 77, their
    // lines 17 pt apart, items 25 pt apart; the summary above wraps at 15 pt. Text 11 pt: the
    // indent is less than 4 em.
    const entry = (company: string, title: string, items: [string, string][]): LineSpec[] => [
      [company, { x: 36, fontSize: 13, bold: true, gapBefore: 40 }],
      ['2019 – 2023', { x: 36, fontSize: 11, gapBefore: 18 }],
      [title, { x: 34.8, fontSize: 13, bold: true, gapBefore: 30 }],
      ...items.flatMap(([first, rest], i): LineSpec[] => [
        [first, { x: 77, width: 280, fontSize: 11, gapBefore: i === 0 ? 30 : 25 }],
        [rest, { x: 77, fontSize: 11, gapBefore: 17 }],
      ]),
    ];
    const lines = readLines([
      wide('Analyst with six years of experience in banking and retail, building models', { x: 17, fontSize: 11 }),
      wide('and reports in Python and SQL for the marketing teams of two banks and of a', { x: 17, fontSize: 11, gapBefore: 15 }),
      ['chain of shops.', { x: 17, fontSize: 11, gapBefore: 15 }],
      wide('Open to remote roles across Europe and to relocation within the next year,', { x: 17, fontSize: 11, gapBefore: 22 }),
      ['for a team that values careful analysis.', { x: 17, fontSize: 11, gapBefore: 15 }],
      ...entry('Banca Digital', 'Senior Analyst', [
        ['Built propensity models for product uptake with', 'Python and scikit-learn.'],
        ['Automated twenty-five monthly reports with Airflow,', 'saving sixty hours a month.'],
        ['Coordinated a team of three junior analysts in two', 'offices.'],
      ]),
      ...entry('Tiendas Sol', 'Analyst', [
        ['Ran conversion funnel analyses and A/B tests for', 'the online shop.'],
        ['Built dashboards in Tableau for the marketing and', 'logistics teams.'],
      ]),
    ]);
    expect(lines.filter((line) => line.listItem).map((line) => line.text)).toEqual([
      'Built propensity models for product uptake with Python and scikit-learn.',
      'Automated twenty-five monthly reports with Airflow, saving sixty hours a month.',
      'Coordinated a team of three junior analysts in two offices.',
      'Ran conversion funnel analyses and A/B tests for the online shop.',
      'Built dashboards in Tableau for the marketing and logistics teams.',
    ]);
  });

  it('does not read a line that starts many ems into its column, beside a floated cell, as a bullet', () => {
    const lines = readLines([
      wide('Engineer with a decade of work on drive trains and gearboxes for cars and vans'),
      ['Design of gearbox housings in CATIA', { x: 206, gapBefore: 16 }],
      ['Strength analyses in ANSYS', { x: 80, gapBefore: 16 }],
    ]);
    expect(lines.map((line) => line.listItem)).toEqual([false, false, true]);
  });

  it('measures the wrap from lines set alike, not from a date set tight over its title', () => {
    const entry = (date: string, title: string, bullet: string, rest: string): LineSpec[] => [
      [date, { italic: true, gapBefore: 24 }],
      [title, { bold: true, gapBefore: 12.8 }],
      [bullet, { x: 66, width: 284, gapBefore: 20, listItem: true }],
      [rest, { x: 76, gapBefore: 13.6 }],
      ['Coordinated three junior analysts.', { x: 66, gapBefore: 16.3, listItem: true }],
    ];
    const lines = readLines([
      ...entry('2019 – 2023', 'Analyst, Banca Digital', 'Built propensity models for product uptake with', 'Python and scikit-learn.'),
      ...entry('2016 – 2018', 'Analyst, Tiendas Sol', 'Ran conversion funnel analyses and A/B tests for', 'the online shop.'),
      ...entry('2015 – 2016', 'Intern, Norte', 'Cleaned and modelled sales data in SQL Server for', 'the sales team.'),
    ]);
    expect(lines.filter((line) => line.listItem && !line.text.startsWith('Coordinated')).map((line) => line.text)).toEqual([
      'Built propensity models for product uptake with Python and scikit-learn.',
      'Ran conversion funnel analyses and A/B tests for the online shop.',
      'Cleaned and modelled sales data in SQL Server for the sales team.',
    ]);
  });

  it('joins a word broken at a hyphen without a space, keeping the hyphen', () => {
    const lines = readLines([wide('Methods for the analysis of large single-'), ['cell atlases.', { gapBefore: 12 }]]);
    expect(lines[0]?.text).toBe('Methods for the analysis of large single-cell atlases.');
  });

  it('joins a range of numbers broken after its dash without a space', () => {
    const lines = readLines([wide('Taught English Language Arts to grades 9–'), ['11, about 150 students a year.', { gapBefore: 12 }]]);
    expect(lines[0]?.text).toBe('Taught English Language Arts to grades 9–11, about 150 students a year.');
  });

  it('joins the rest of a sentence set beside a floated title, going on under it at its own indent', () => {
    const lines = readLines([
      wide('Work experience at a design studio and its clients, described at length here'),
      ['Produced wireframes and clickable', { x: 200, width: 150, gapBefore: 20 }],
      ['prototypes for two nonprofit client', { x: 200, width: 150, gapBefore: 12 }],
      ['websites.', { x: 80, gapBefore: 12 }],
      ['Conducted twelve stakeholder interviews.', { x: 80, gapBefore: 12 }],
    ]);
    expect(lines.map((line) => line.text)).toContain('Produced wireframes and clickable prototypes for two nonprofit client websites.');
  });

  it('drops the hyphen TeX or Typst added to break a word, and keeps one the word has', () => {
    const tex = { fontName: 'SFRM1095' };
    const lines = readLines([
      wide('Master of Science, Rhode Island School of Design, Prov-', tex),
      ['idence, RI', { ...tex, gapBefore: 12 }],
      ['Ran the data-driven pricing programme across nine regions.', { ...tex, width: 300, gapBefore: 20 }],
      ['Built the pricing engine for the fleet and the data-', { ...tex, width: 300, gapBefore: 20 }],
      ['driven forecasts.', { ...tex, gapBefore: 12 }],
    ]);
    expect(lines.map((line) => line.text)).toEqual([
      'Master of Science, Rhode Island School of Design, Providence, RI',
      'Ran the data-driven pricing programme across nine regions.',
      'Built the pricing engine for the fleet and the data-driven forecasts.',
    ]);
  });

  it('drops the hyphen of a broken word in a PDF TeX or Typst produced, whatever its font', () => {
    const cantarell = { fontName: 'Cantarell-Regular' };
    const specs: LineSpec[] = [wide('Own investor relations, treasury, tax, internal audit and corporate devel-', cantarell), ['opment.', { ...cantarell, gapBefore: 12 }]];
    const read = (typeset: boolean) => {
      const document = { ...documentOf(specs), typeset };
      return readingLines(document, bodyStyle(document.lines)).map((line) => line.text);
    };
    expect(read(true)).toEqual(['Own investor relations, treasury, tax, internal audit and corporate development.']);
    expect(read(false)).toEqual(['Own investor relations, treasury, tax, internal audit and corporate devel-opment.']);
  });

  it('drops a hyphen whatever set the text where the document writes the word whole elsewhere', () => {
    const lines = readLines([wide('Led the platform team that built the payment infra-'), ['structure.', { gapBefore: 12 }], ['Infrastructure as code', { gapBefore: 20 }]]);
    expect(lines[0]?.text).toBe('Led the platform team that built the payment infrastructure.');
  });

  it('joins the rest of a broken word to its line though it is set plain under a bold line, in from its start', () => {
    const lines = readLines([
      ['2012 – 2016\tBachelor of Fine Arts, Rhode Island School of Design, Prov-', { width: 300, bold: true, fontName: 'SFBX1095', cellX: [50, 120] }],
      ['idence, RI', { x: 120, gapBefore: 12, fontName: 'SFRM1095' }],
    ]);
    expect(lines.map((line) => line.text)).toEqual(['2012 – 2016\tBachelor of Fine Arts, Rhode Island School of Design, Providence, RI']);
  });

  it('joins a web address broken at the end of a narrow column, however the next line is set', () => {
    const lines = readLines([
      ['linkedin.com/in/jane-', { x: 60 }],
      ['doe', { x: 48, gapBefore: 12 }],
      ['Portfolio: be-', { x: 70, gapBefore: 12 }],
      ['hance.net/janedoe', { x: 48, gapBefore: 12 }],
      ['github.com/janedoe', { x: 48, gapBefore: 12 }],
      ['Sales grew 30% after the relaunch.', { x: 48, gapBefore: 12 }],
      ['behance.net/gallery/1482', { x: 48, gapBefore: 12 }],
    ]);
    expect(lines.map((line) => line.text)).toEqual([
      'linkedin.com/in/jane-doe',
      'Portfolio: behance.net/janedoe',
      'github.com/janedoe',
      'Sales grew 30% after the relaunch.',
      'behance.net/gallery/1482',
    ]);
  });

  it('joins Chinese and Japanese text that wrapped without a space, as those scripts write it', () => {
    const japanese = readLines([wide('ユーザーリサーチからUI設計まで一貫して担当し、モバイルアプリの継続率改善に取り組んできまし'), ['た。', { gapBefore: 12 }]]);
    expect(japanese[0]?.text).toBe('ユーザーリサーチからUI設計まで一貫して担当し、モバイルアプリの継続率改善に取り組んできました。');
    const mixed = readLines([wide('家計簿アプリのオンボーディングを再設計し、初回登録率を 18%'), ['向上。', { gapBefore: 12 }]]);
    expect(mixed[0]?.text).toBe('家計簿アプリのオンボーディングを再設計し、初回登録率を 18%向上。');
  });

  it('drops rules drawn with characters and marks the line above as underlined', () => {
    const document = documentOf(['EXPERIENCE', '----------', 'Engineer, Acme']);
    expect(readingLines(document, bodyStyle(document.lines)).map((line) => [line.text, line.underlined])).toEqual([
      ['EXPERIENCE', true],
      ['Engineer, Acme', false],
    ]);
  });
  it('joins the end of a date range that ran onto the next line, whatever its style, and nothing else', () => {
    expect(
      readLines([
        ['Northwind Labs | Mar 2022 –', { bold: true }],
        ['Present', { gapBefore: 12 }],
        ['Data Engineer — Austin, TX', { gapBefore: 12 }],
        ['Globex | 2018 –', { bold: true, gapBefore: 20 }],
        ['2021', { gapBefore: 12 }],
        ['Fabrikam | 2016 –', { bold: true, gapBefore: 20 }],
        ['2017 Analyst', { gapBefore: 12 }],
        ['Basic Life Support, American Heart Association', { gapBefore: 20 }],
        ['2024', { italic: true, gapBefore: 12 }],
        ['Expires: 2026', { bold: true, gapBefore: 12 }],
      ]).map((line) => line.text),
    ).toEqual([
      'Northwind Labs | Mar 2022 – Present',
      'Data Engineer — Austin, TX',
      'Globex | 2018 – 2021',
      'Fabrikam | 2016 –',
      '2017 Analyst',
      'Basic Life Support, American Heart Association',
      '2024',
      'Expires: 2026',
    ]);
  });
  it('joins a line that starts in lower case to the long open line above it, though that one stopped short of the column edge', () => {
    // A summary set narrower than the column (which a wider line below reaches).
    expect(
      readLines([
        ['Final-year student with two internships in backend', { width: 250 }],
        ['development and an interest in compilers.', { gapBefore: 12 }],
        ['Built an internal command-line tool in Rust that cut the data team backfill setup time', { x: 60, gapBefore: 20, width: 320, listItem: true }],
      ]).map((line) => line.text),
    ).toEqual([
      'Final-year student with two internships in backend development and an interest in compilers.',
      'Built an internal command-line tool in Rust that cut the data team backfill setup time',
    ]);
  });
  it('joins the next line of a bullet whose glyph stands in the text, starting where the glyph does, in lower case or with a bracket, however short', () => {
    // A list narrower than the column (set in CSS columns): its lines stop well short of the edge.
    expect(
      readLines([
        ['Managed the media budget of the group', { listItem: true, width: 160 }],
        ['(search, social and video).', { gapBefore: 10 }],
        ['Ran the e-mail campaigns for new stores', { listItem: true, width: 160, gapBefore: 10 }],
        ['and their weekly newsletters.', { gapBefore: 10 }],
      ]).map((line) => line.text),
    ).toEqual(['Managed the media budget of the group (search, social and video).', 'Ran the e-mail campaigns for new stores and their weekly newsletters.']);
  });
  it('joins the next line of a bullet whose glyph stands in the text, hanging under its words, whatever its first letter', () => {
    // The items stop well short of the column's edge (a column of dates stands to their right); their wraps start one glyph in.
    expect(
      readLines([
        wide('He could tell you about it, but that would not be a length-limited conversation at all.'),
        ['Build an algorithm for artists to detect if their music was violating', { listItem: true, width: 200, gapBefore: 25 }],
        ['copy right infringement laws', { x: 62 }],
        ['Optimized an algorithm that holds the current world record for', { listItem: true, width: 200, gapBefore: 19 }],
        ['Weisman Scores', { x: 62 }],
        ['Successfully won Techcrunch Disrupt', { listItem: true, gapBefore: 19 }],
      ]).map((line) => line.text),
    ).toEqual([
      'He could tell you about it, but that would not be a length-limited conversation at all.',
      'Build an algorithm for artists to detect if their music was violating copy right infringement laws',
      'Optimized an algorithm that holds the current world record for Weisman Scores',
      'Successfully won Techcrunch Disrupt',
    ]);
  });
  it('measures the text beside a margin of dates on its right up to the margin, not to the edge of a paragraph that spans the page', () => {
    expect(
      readLines([
        ['Finance executive with 22 years of experience leading finance, treasury and investor relations.', { width: 500, gapBefore: 14 }],
        ['April 2016 — Present', { x: 470, width: 60, marginLabel: true, gapBefore: 40 }],
        ['Chief Financial Officer', { bold: true, gapBefore: 5 }],
        ['Lead a global finance organization of 85 people across 6', { listItem: true, width: 350, gapBefore: 14 }],
        ['countries.', { x: 62, gapBefore: 12 }],
      ]).map((line) => line.text),
    ).toContain('Lead a global finance organization of 85 people across 6 countries.');
  });

  it('makes a section name set in the margin, in the first cell of its first line, a line of its own', () => {
    const margin = (text: string, cellX: number[]): LineSpec => [text, { x: cellX[0], cellX, width: 300, gapBefore: 28 }];
    expect(
      readLines([
        margin('SUMMARY\tNurse with eight years in cardiac care.', [50, 130]),
        margin('Experience\tCharge Nurse, Mercy Hospital\t2020 – Present', [50, 130, 400]),
        ['Coordinate care for a 32-bed unit.', { x: 130, width: 450, gapBefore: 14 }],
        margin('Clinical\tTelemetry, IV therapy', [50, 130]),
      ]).map((line) => line.text),
    ).toEqual([
      'SUMMARY',
      'Nurse with eight years in cardiac care.',
      'Experience',
      'Charge Nurse, Mercy Hospital\t2020 – Present',
      'Coordinate care for a 32-bed unit.',
      'Clinical\tTelemetry, IV therapy',
    ]);
  });
});

describe('items whose first line is set further in than its wrap', () => {
  it('reads them as list items, joined with their wrap, and the short ones at their indent too', () => {
    // A bullet drawn as a graphic inside the text's box: first lines at x 76, wraps at x 63.
    expect(
      readLines([
        ['Logistics Coordinator:', { bold: true }],
        ['Coordinate procurement for 9 country programmes.', { x: 76, gapBefore: 15 }],
        ['Cut the average lead time for medical supplies from 41 to 26 days by', { x: 76, width: 274, gapBefore: 17 }],
        ['pooling regional orders.', { x: 63, gapBefore: 13 }],
        ['Managed a fleet of 24 vehicles.', { x: 76, gapBefore: 17 }],
      ]),
    ).toEqual([
      { text: 'Logistics Coordinator:', listItem: false },
      { text: 'Coordinate procurement for 9 country programmes.', listItem: true },
      { text: 'Cut the average lead time for medical supplies from 41 to 26 days by pooling regional orders.', listItem: true },
      { text: 'Managed a fleet of 24 vehicles.', listItem: true },
    ]);
  });
});

describe('Chinese and Japanese lines', () => {
  it("are not joined where the next line's first character would have fitted on the line", () => {
    // No spaces: the next line's first word is its first character, not the whole line.
    expect(
      readLines([
        ['负责订单中心的架构设计，支撑每秒两万笔交易的峰值流量。', { width: 200 }],
        ['主导将单体应用拆分为十二个微服务，部署时间从两小时缩短到十分钟。', { width: 240, gapBefore: 12 }],
        wide('The summary line that sets how wide the column is, to its right edge.'),
      ]).map((line) => line.text),
    ).toEqual([
      '负责订单中心的架构设计，支撑每秒两万笔交易的峰值流量。',
      '主导将单体应用拆分为十二个微服务，部署时间从两小时缩短到十分钟。',
      'The summary line that sets how wide the column is, to its right edge.',
    ]);
  });
});

describe('a line that stops on "and" or "of"', () => {
  it('goes on at the next line, even when a narrow column sets its lines further apart than the body', () => {
    const sidebar = (text: string, gapBefore: number): LineSpec => [text, { gapBefore, x: 400, column: 1 }];
    expect(
      readLines([
        wide('Backend engineer with eleven years of experience building payment and'),
        ['logistics platforms in Go and Java, owning systems from the data model to', { gapBefore: 12, width: 300 }],
        ['the on-call rota.', { gapBefore: 12 }],
        wide('Led the migration of the payments ledger to an event-sourced design and', { gapBefore: 18 }),
        ['cut the time to settle from nine hours to twenty minutes.', { gapBefore: 12 }],
        ['Mentored three engineers.', { gapBefore: 18 }],
        ['Ran the hiring loop.', { gapBefore: 18 }],
        sidebar('Certified Supply Chain Professional', 0),
        sidebar('MSc in Logistics and', 22),
        sidebar('Supply Chain Management', 14),
        sidebar('Portland, OR', 22),
        sidebar('Teaching Assistant', 14),
      ]).map((line) => line.text),
    ).toEqual([
      'Backend engineer with eleven years of experience building payment and logistics platforms in Go and Java, owning systems from the data model to the on-call rota.',
      'Led the migration of the payments ledger to an event-sourced design and cut the time to settle from nine hours to twenty minutes.',
      'Mentored three engineers.',
      'Ran the hiring loop.',
      'Certified Supply Chain Professional',
      'MSc in Logistics and Supply Chain Management',
      'Portland, OR',
      'Teaching Assistant',
    ]);
  });
});

describe('an address too long for its column', () => {
  it('is joined whole with the piece the column broke off', () => {
    expect(readLines(['Chicago, IL', 'rj.harrington@outlook.co', ['m', { gapBefore: 11 }], '+1 312 555 0119']).map((line) => line.text)).toEqual([
      'Chicago, IL',
      'rj.harrington@outlook.com',
      '+1 312 555 0119',
    ]);
  });

  it('is joined whole when a sidebar sets it in capitals, or breaks it before the "@"', () => {
    const tight = (text: string): LineSpec => [text, { gapBefore: 8, fontSize: 7 }];
    expect(readLines([tight('BROOKLYN NY'), tight('HELLO@OLIVIABRENNAN.ST'), tight('UDIO'), tight('(917) 555-0133')]).map((line) => line.text)).toEqual([
      'BROOKLYN NY',
      'HELLO@OLIVIABRENNAN.STUDIO',
      '(917) 555-0133',
    ]);
    expect(readLines([tight('MADRID'), tight('lucia.fernandez.ortega'), tight('@gmail.com'), tight('+34 612 345 678')]).map((line) => line.text)).toEqual([
      'MADRID',
      'lucia.fernandez.ortega@gmail.com',
      '+34 612 345 678',
    ]);
  });

  it('joins a title that wraps under its first cell to that cell, not after the date set flush right', () => {
    const title = 'Deconvolution of bulk tumour transcriptomes with single-cell\tJan 2023';
    expect(
      readLines([
        [title, { cellX: [50, 330], width: 310 }],
        ['references', { gapBefore: 12 }],
      ]),
    ).toEqual([{ text: 'Deconvolution of bulk tumour transcriptomes with single-cell references\tJan 2023', listItem: false }]);
  });
});

describe('a quotation the PDF broke into lines', () => {
  it('goes on to its closing mark, though a hanging indent sets its next line in as an item', () => {
    // Quotation at x 50, its second line hung 9 pt further in; the attribution sits there too.
    expect(
      readLines([
        ['“Olivia turned a messy brief into a clear visual idea, then sweated every detail. Our', { width: 300 }],
        ['customers noticed the new look immediately.”', { x: 59, gapBefore: 13 }],
        ['— Dana Whitaker, Owner, Grove Street Bakery (client)', { x: 59, gapBefore: 13 }],
        ['„Klare Ideen, schnell umgesetzt, und', { x: 50, gapBefore: 13 }],
        ['immer pünktlich.“', { x: 59, gapBefore: 13 }],
        ['— Marcus Lee', { x: 59, gapBefore: 13 }],
      ]).map((line) => line.text),
    ).toEqual([
      '“Olivia turned a messy brief into a clear visual idea, then sweated every detail. Our customers noticed the new look immediately.”',
      '— Dana Whitaker, Owner, Grove Street Bakery (client)',
      '„Klare Ideen, schnell umgesetzt, und immer pünktlich.“',
      '— Marcus Lee',
    ]);
  });
});

describe('a row of cells whose last cell wraps', () => {
  it('goes on under that cell, its text set a little larger than the body', () => {
    // Body text 10 pt wrapped 12 pt apart; the entries 10.9 pt, wrapping 13.6 pt apart under
    // their text cell at x 80, right of the dates at x 50.
    const body = (text: string, gapBefore: number): LineSpec => [text, { x: 80, gapBefore, width: 280 }];
    const row = (date: string, text: string, gapBefore: number): LineSpec => [`${date}\t${text}`, { fontSize: 10.9, cellX: [50, 80], width: 300, gapBefore }];
    expect(
      readLines([
        row('2022', 'CS50’s Introduction to Artificial Intelligence with Python, Harvard University', 0),
        ['(edX)', { x: 80, fontSize: 10.9, gapBefore: 13.6 }],
        body('Built a chess engine and a search agent for the final project of the', 18),
        body('course, with tests run in continuous integration on every push made', 12),
        body('to the repository by the course staff and the students.', 12),
        body('Deployed a web service on three clouds and compared their costs', 18),
        body('over a month.', 12),
        body('Wrote the course notes on containers for the next cohort of the', 18),
        body('programme.', 12),
        row('2023', 'Introduction to Cloud Computing, IBM (Coursera)', 18),
        ['Certificate: coursera.org/verify/9HXK2LQ4TZ7P', { x: 80, gapBefore: 13.6 }],
      ]).map((line) => line.text),
    ).toEqual([
      '2022\tCS50’s Introduction to Artificial Intelligence with Python, Harvard University (edX)',
      'Built a chess engine and a search agent for the final project of the course, with tests run in continuous integration on every push made to the repository by the course staff and the students.',
      'Deployed a web service on three clouds and compared their costs over a month.',
      'Wrote the course notes on containers for the next cohort of the programme.',
      '2023\tIntroduction to Cloud Computing, IBM (Coursera)',
      'Certificate: coursera.org/verify/9HXK2LQ4TZ7P',
    ]);
  });
});

describe('a table row whose cells wrap', () => {
  it('joins each further line to the cell it stands under, and leaves the next row and the indented lines alone', () => {
    const cell = (text: string, cellX: number[], gapBefore: number, width = text.length * 4.5): LineSpec => [
      text,
      { x: cellX[0], cellX: cellX.length > 1 ? cellX : undefined, fontSize: 9, gapBefore, width },
    ];
    expect(
      readLines([
        cell('MSc\tHumanitarian\tCranfield University\t2013 – 2014', [212, 294, 375, 457], 0),
        cell('Logistics and', [294], 10.4),
        cell('Supply Chain\tBedford', [294, 375], 10.4),
        cell('BSc\tIndustrial\tUniversity of\t2009 – 2013', [212, 294, 375, 457], 14),
        // The row's first cells ran together; the town stands under them, the year under its
        // cell, whose dates ran to the table's edge.
        cell('Bachelor of Science University of\tSep 2021 – May', [212, 457], 14, 308),
        cell('Michigan\t2025', [330, 457], 10.3, 145),
        ['Built a compiler for a teaching language.', { x: 218, fontSize: 9, gapBefore: 10.3 }],
        // A description beside the entry, in the last of three cells: its lines are details.
        cell('English Teacher\t2012 – 2022\tTaught English Language Arts to grades 9–', [212, 294, 375], 14),
        cell('11, about 150 students a year.', [375], 10.3),
      ]).map((line) => line.text),
    ).toEqual([
      'MSc\tHumanitarian Logistics and Supply Chain\tCranfield University Bedford\t2013 – 2014',
      'BSc\tIndustrial\tUniversity of\t2009 – 2013',
      'Bachelor of Science University of Michigan\tSep 2021 – May 2025',
      'Built a compiler for a teaching language.',
      'English Teacher\t2012 – 2022\tTaught English Language Arts to grades 9–',
      '11, about 150 students a year.',
    ]);
  });
});

describe('a paragraph whose first line is set in', () => {
  it('goes on over a line whose first sentence ends before a label of the next', () => {
    expect(
      readLines([
        ['Maschinenbauingenieur mit 8 Jahren Erfahrung in der Entwicklung von Antriebskomponenten für', { x: 68, width: 282 }],
        ['die Automobilindustrie. Schwerpunkte: Konstruktion, FEM-Berechnung und Serienanlauf.', { width: 260, gapBefore: 13.6 }],
        ['Werkzeuge: CATIA V5, ANSYS Mechanical', { gapBefore: 13.6 }],
      ]).map((line) => line.text),
    ).toEqual([
      'Maschinenbauingenieur mit 8 Jahren Erfahrung in der Entwicklung von Antriebskomponenten für die Automobilindustrie. Schwerpunkte: Konstruktion, FEM-Berechnung und Serienanlauf.',
      'Werkzeuge: CATIA V5, ANSYS Mechanical',
    ]);
  });
});

describe('a row of a date and a title, over the organisation', () => {
  it('leaves the organisation a line of its own when the title stopped well short of the column’s edge', () => {
    // Dates at x 50, the title's cell at x 150; the column runs to x 540. Had the title
    // wrapped, "Midwest" would have fitted after it.
    const row = (text: string, width: number, gapBefore: number): LineSpec => [text, { cellX: [50, 150], width, fontSize: 12, gapBefore }];
    const under = (text: string): LineSpec => [text, { x: 150, fontSize: 12, gapBefore: 14.2 }];
    expect(
      readLines([
        wide('Finance executive with 22 years of experience leading finance and treasury teams for', { width: 490 }),
        row('Apr 2016 – Present\tChief Financial Officer', 226, 30),
        under('Midwest Industrial Holdings Inc., Chicago, IL'),
        row('2010 – 2016\tVP Finance and Treasurer of the Packaging and Containers', 460, 30),
        under('Division, Cardinal Packaging Group'),
      ]).map((line) => line.text),
    ).toEqual([
      'Finance executive with 22 years of experience leading finance and treasury teams for',
      'Apr 2016 – Present\tChief Financial Officer',
      'Midwest Industrial Holdings Inc., Chicago, IL',
      '2010 – 2016\tVP Finance and Treasurer of the Packaging and Containers Division, Cardinal Packaging Group',
    ]);
  });
});

describe('an entry’s opening that wraps inside its place', () => {
  const bullet: LineSpec = ['Ran the incident programme.', { listItem: true, x: 60 }];

  it('joins a town whose words were split between the lines', () => {
    expect(readLines([wide('Tidewater Payments | Mar 2021 – Present, Staff Site Reliability Engineer, San'), 'Francisco, CA', bullet]).map((line) => line.text)).toEqual([
      'Tidewater Payments | Mar 2021 – Present, Staff Site Reliability Engineer, San Francisco, CA',
      'Ran the incident programme.',
    ]);
  });

  it('joins a plain line to the bold line whose comma left the piece open', () => {
    expect(readLines([wide('Fresno Public Library | 2013 – 2014, IT Support Technician, Fresno,', { bold: true }), 'CA', bullet]).map((line) => line.text)).toEqual([
      'Fresno Public Library | 2013 – 2014, IT Support Technician, Fresno, CA',
      'Ran the incident programme.',
    ]);
  });

  it('keeps a place apart under a line that did not run to its edge', () => {
    expect(readLines(['Staff Engineer, San', 'Francisco, CA', wide('A line as wide as the column, far below the place.', { gapBefore: 40 })]).slice(0, 2)).toEqual([
      { text: 'Staff Engineer, San', listItem: false },
      { text: 'Francisco, CA', listItem: false },
    ]);
  });
});
