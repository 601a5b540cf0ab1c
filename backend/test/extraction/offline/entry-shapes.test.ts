import { extractOffline } from '../../../src/extraction/extractors/offline/offline-extractor';
import { labelled } from '../../../src/extraction/extractors/offline/text';
import { bold, bullet, documentOf, heading, name, type LineSpec } from './document';

// Entries written in the shapes people use, read by evidence rather than by the first shape that parses.
const read = (specs: LineSpec[], kind: 'docx' | 'pdf' = 'docx') => extractOffline(documentOf(specs, kind));
const top: LineSpec[] = [name('Jane Doe'), 'jane@example.com'];
const jobs = (specs: LineSpec[], kind: 'docx' | 'pdf' = 'docx') => read([...top, heading('Experience'), ...specs], kind).cv.experience.items;

describe('"Label: text" lines under an entry', () => {
  it.each<[string, LineSpec[]]>([
    ['a capitalised list', ['Customers: Deutsche Bahn, Siemens']],
    ['a title-cased phrase', ['Key Result: Zero Downtime Migration']],
    ['two labels in a row', ['Frameworks: Spring Boot, Quarkus', 'Team: Payments Platform']],
    ['a label after a sentence', ['Moved the ledger to event sourcing across four teams.', 'Clients: Allianz']],
  ])('are details of the job above, not new jobs (%s)', (_kind, details) => {
    const items = jobs([bold('Senior Engineer, Acme Corp'), '2019 – 2021', bullet('Built the billing API'), ...details, bold('Engineer, Beta GmbH'), '2016 – 2019', bullet('Ran the data team')]);
    expect(items.map((item) => [item.jobTitle, item.companyName])).toEqual([
      ['Senior Engineer', 'Acme Corp'],
      ['Engineer', 'Beta GmbH'],
    ]);
  });

  it('still open the entries of a section whose names carry a colon', () => {
    const { cv } = read([...top, heading('Certifications'), 'Microsoft Certified: Azure Fundamentals', '2021', 'Google Cloud Certified: Associate Cloud Engineer', '2022']);
    expect(cv.certifications.items.map((item) => item.certificationName)).toEqual(['Microsoft Certified: Azure Fundamentals', 'Google Cloud Certified: Associate Cloud Engineer']);
  });
});

describe('role and organisation', () => {
  it.each<[string, LineSpec[], [string, string][]]>([
    ['"Role @Company" without a space', [bold('Backend Engineer @Stripe'), '2019 – 2021', bullet('Built the payouts API')], [['Backend Engineer', 'Stripe']]],
    [
      '"Company | dates" over the role',
      [bold('Dunamu Inc. | 2019 – 2021'), 'Blockchain Engineer', bullet('Built the wallet'), bold('Kakao Corp | 2016 – 2019'), 'Software Engineer', bullet('Built the chat')],
      [
        ['Blockchain Engineer', 'Dunamu Inc.'],
        ['Software Engineer', 'Kakao Corp'],
      ],
    ],
    [
      'Chinese: a company and a title without spaces',
      [bold('杭州云帆科技有限公司 | 2020.03 – 至今'), '高级后端工程师', bullet('负责订单中心的架构设计')],
      [['高级后端工程师', '杭州云帆科技有限公司']],
    ],
    [
      'Japanese: a company over its title',
      [bold('株式会社ミライワークス, 東京 | 2021-04 – 現在'), 'シニアプロダクトデザイナー', bullet('デザインシステムを構築')],
      [['シニアプロダクトデザイナー', '株式会社ミライワークス']],
    ],
    ['Arabic: the article glued to the words', [bold('البنك العربي المتحد | 2021 – الآن'), 'مهندسة بيانات أولى', bullet('بناء مستودع بيانات مركزي')], [['مهندسة بيانات أولى', 'البنك العربي المتحد']]],
    ['"Company, City" over "Role  dates"', [bold('Globex, Berlin'), 'Platform Lead 2019 – 2021', bullet('Ran the platform team')], [['Platform Lead', 'Globex']]],
  ])('reads %s', (_shape, specs, expected) => {
    expect(jobs(specs).map((item) => [item.jobTitle, item.companyName])).toEqual(expected);
  });

  it('takes the order of an unclear entry from the clear entries of the same section (employer above title)', () => {
    const items = jobs([
      bold('Northwind Traders'),
      'Growth Marketing',
      '2019 – 2021',
      bullet('Grew sign-ups'),
      bold('Contoso Ltd'),
      'Senior Product Manager',
      '2016 – 2019',
      bullet('Shipped the app'),
      bold('Fabrikam Inc.'),
      'Software Engineer',
      '2014 – 2016',
      bullet('Wrote the billing code'),
    ]);
    expect(items.map((item) => [item.jobTitle, item.companyName])).toEqual([
      ['Growth Marketing', 'Northwind Traders'],
      ['Senior Product Manager', 'Contoso Ltd'],
      ['Software Engineer', 'Fabrikam Inc.'],
    ]);
  });

  it('takes the order of an unclear entry from the clear entries of the same section (title above employer)', () => {
    const items = jobs([
      bold('Growth Marketing'),
      'Northwind Traders',
      '2019 – 2021',
      bullet('Grew sign-ups'),
      bold('Senior Product Manager'),
      'Contoso Ltd',
      '2016 – 2019',
      bullet('Shipped the app'),
    ]);
    expect(items.map((item) => [item.jobTitle, item.companyName])).toEqual([
      ['Growth Marketing', 'Northwind Traders'],
      ['Senior Product Manager', 'Contoso Ltd'],
    ]);
  });

  it('takes the order from the pieces around a town set between employer and title, not from the town', () => {
    const job = (employer: string, town: string, dates: string, title: string): LineSpec[] => [bold(employer, 28), bold(town), dates, bold(title, 20), bullet('Built the reports')];
    const items = jobs([
      ...job('Banca Ibérica Digital', 'Madrid', '2019 – Present', 'Analista de Datos Sénior'),
      ...job('Tiendas Sol Comercio Electrónico', 'Valencia', '2016 – 2018', 'Analista de Datos'),
      // "Consultora" (a consultant) is a role's word too: only the section's order tells.
      ...job('Consultora Analítica Norte', 'Bilbao', '2015 – 2016', 'Becaria de Business Intelligence'),
    ]);
    expect(items.map((item) => [item.jobTitle, item.companyName, item.location])).toEqual([
      ['Analista de Datos Sénior', 'Banca Ibérica Digital', 'Madrid'],
      ['Analista de Datos', 'Tiendas Sol Comercio Electrónico', 'Valencia'],
      ['Becaria de Business Intelligence', 'Consultora Analítica Norte', 'Bilbao'],
    ]);
  });

  it('puts a place that stands between the pieces on the location, not on the role', () => {
    const [job] = jobs([bold('Acme Corp, Madrid'), 'Data Analyst', '2019 – 2021', bullet('Built dashboards')]);
    expect(job).toMatchObject({ jobTitle: 'Data Analyst', companyName: 'Acme Corp', location: 'Madrid' });
  });
});

describe('stray short lines in a section of dated entries', () => {
  const job = (title: string, dates: string): LineSpec[] => [[title, { bold: true, gapBefore: 28 }], dates, bullet('Shipped the quarterly roadmap')];

  it.each<[string, LineSpec[]]>([
    [
      "a chart's labels after the last job",
      [
        ...job('Engineer, Acme Corp', '2019 – 2021'),
        ...job('Analyst, Globex Inc.', '2016 – 2019'),
        ['Python 40%', { gapBefore: 40, fontSize: 7 }],
        ['Go 30%', { fontSize: 7 }],
        ['SQL 30%', { fontSize: 7 }],
      ],
    ],
    ['a running header between two jobs', [...job('Engineer, Acme Corp', '2019 – 2021'), ['Jane Doe · Résumé 2', { gapBefore: 60, page: 2 }], ...job('Analyst, Globex Inc.', '2016 – 2019')]],
    ['a page number', [...job('Engineer, Acme Corp', '2019 – 2021'), ['2', { gapBefore: 60 }], ...job('Analyst, Globex Inc.', '2016 – 2019')]],
  ])('are no entries: %s', (_kind, specs) => {
    const { cv, unclassifiedText } = read([...top, heading('Experience'), ...specs]);
    expect(cv.experience.items.map((item) => [item.jobTitle, item.companyName])).toEqual([
      ['Engineer', 'Acme Corp'],
      ['Analyst', 'Globex Inc.'],
    ]);
    expect(unclassifiedText.length).toBeGreaterThan(0);
  });

  it('keep an undated entry that names a role or an organisation', () => {
    const { cv } = read([
      ...top,
      heading('Experience'),
      ...job('Engineer, Acme Corp', '2019 – 2021'),
      ...job('Analyst, Globex Inc.', '2016 – 2019'),
      ['Freelance Consultant', { bold: true, gapBefore: 28 }],
    ]);
    expect(cv.experience.items.map((item) => item.jobTitle)).toEqual(['Engineer', 'Analyst', 'Freelance Consultant']);
  });
});

describe('an entry line written as a sentence', () => {
  it('leaves its closing full stop off the last part, and keeps an abbreviation’s', () => {
    const items = jobs([bold('Backend Engineer, Monzo, London.'), '2019 – 2021', bold('Data Engineer, Acme Corp.'), '2016 – 2019']);
    expect(items.map((item) => [item.jobTitle, item.companyName, item.location ?? null])).toEqual([
      ['Backend Engineer', 'Monzo', 'London'],
      ['Data Engineer', 'Acme Corp.', null],
    ]);
  });

  it('leaves the stop off a closing acronym, a hyphenated word and a name alone on its line', () => {
    const items = jobs([bold('Lecturer in Statistics, University of Glasgow, Glasgow, UK.'), '2011 – 2015', bold('Freelance Designer, Self-employed.'), '2009 – 2011']);
    expect(items.map((item) => [item.jobTitle, item.companyName ?? null, item.location ?? null])).toEqual([
      ['Lecturer in Statistics', 'University of Glasgow', 'Glasgow, UK'],
      ['Freelance Designer', 'Self-employed', null],
    ]);
    const { cv } = read([...top, heading('Awards'), bold('Certificate of Typographic Excellence, Type Directors Club.'), '2021', bold('Best Paper Award.'), '2019']);
    expect(cv.awards.items.map((item) => [item.awardName, item.issuingOrganization ?? null])).toEqual([
      ['Certificate of Typographic Excellence', 'Type Directors Club'],
      ['Best Paper Award', null],
    ]);
  });
});

describe('degree, field and school', () => {
  const degrees = (specs: LineSpec[]) => read([...top, heading('Education'), ...specs]).cv.education.items.map((item) => [item.degree, item.fieldOfStudy ?? null, item.institution ?? null]);

  it.each<[string, LineSpec[], [string, string, string]]>([
    ['"Degree in Field at School" on one line', [bold('MSc in Data Science at University of Leeds'), '2019 – 2020'], ['MSc', 'Data Science', 'University of Leeds']],
    ['"at School" opening the next line', [bold('BSc (Hons) in Physics'), bold('at University of Porto'), '2015 – 2019'], ['BSc (Hons)', 'Physics', 'University of Porto']],
    ['a degree and its field with nothing between', [bold('University of Chicago'), 'MBA Finance', '2003 – 2005'], ['MBA', 'Finance', 'University of Chicago']],
    ['"Bachelor of Science" and its field with nothing between', [bold('BSc (Hons) Computer Science, Aston University'), '2010 – 2013'], ['BSc (Hons)', 'Computer Science', 'Aston University']],
    ['"Bachelor of …" and its field with nothing between', [bold('Bachelor of Science Accountancy, Boston College'), '1994 – 1998'], ['Bachelor of Science', 'Accountancy', 'Boston College']],
    [
      'the field before the degree',
      [bold('Graphic Design, Bachelor of Fine Arts, Rhode Island School of Design'), '2012 – 2016'],
      ['Bachelor of Fine Arts', 'Graphic Design', 'Rhode Island School of Design'],
    ],
    ['a Japanese degree and school', [bold('学士（芸術工学） in 情報デザイン at 九州大学'), '2012 – 2016'], ['学士（芸術工学）', '情報デザイン', '九州大学']],
    ['a Chinese degree and its field after a full-width comma', [bold('浙江大学'), '学士，计算机科学与技术\t2013年9月–2017年6月'], ['学士', '计算机科学与技术', '浙江大学']],
    ['a Japanese degree and its field after an ideographic comma', [bold('九州大学'), '学士、情報デザイン\t2013年4月～2017年3月'], ['学士', '情報デザイン', '九州大学']],
    [
      'the school and its town in brackets after the degree',
      [bold('Bachelor of Science in Nursing (University of Houston, Houston)'), '2008 – 2012'],
      ['Bachelor of Science', 'Nursing', 'University of Houston'],
    ],
    ['a qualifier in brackets, which stays with the degree', [bold('BSc (Hons) in Physics, University of Porto'), '2015 – 2019'], ['BSc (Hons)', 'Physics', 'University of Porto']],
    ['a school no word names, on a line of its own over the degree and its field', [bold('IAE Lyon'), 'Master, Marketing digital\t2013 – 2015'], ['Master', 'Marketing digital', 'IAE Lyon']],

    [
      'the field alone on the line under the degree',
      ['2017 – 2018', bold('Universidad Politécnica de Madrid'), 'Máster', 'Ciencia de Datos'],
      ['Máster', 'Ciencia de Datos', 'Universidad Politécnica de Madrid'],
    ],
    [
      'the field alone on the line over the degree',
      [bold('University of Michigan'), bold('Computer Science'), 'Bachelor of Science', '2021 – 2025'],
      ['Bachelor of Science', 'Computer Science', 'University of Michigan'],
    ],
    ['a Chinese field under its degree', ['2013 – 2017', bold('浙江大学'), '工学学士', '计算机科学与技术'], ['工学学士', '计算机科学与技术', '浙江大学']],
  ])('reads %s', (_shape, specs, expected) => {
    expect(degrees(specs)).toEqual([expected]);
  });

  it('leaves a detail that mentions a degree in the body, not the head', () => {
    const { cv } = read([...top, heading('Education'), '2017 – 2018', bold('Stanford University'), 'Exchange year', bullet('Teaching assistant for MBA students')]);
    expect(cv.education.items.map((item) => [item.degree ?? null, item.institution ?? null])).not.toContainEqual(['Teaching assistant for MBA students', expect.anything()]);
  });

  it('reads a degree set in under the school and field, as a list item, as the degree', () => {
    const { cv } = read([...top, heading('Education'), '2017 – 2018', bold('Universidad Politécnica de Madrid'), bold('Ciencia de Datos'), bullet('Máster')]);
    expect(cv.education.items.map((item) => [item.degree, item.fieldOfStudy ?? null, item.institution ?? null])).toEqual([['Máster', 'Ciencia de Datos', 'Universidad Politécnica de Madrid']]);
  });

  it('reads the courses listed under a "Courses" label as coursework', () => {
    const { cv } = read([...top, heading('Education'), bold('University of Michigan'), 'Bachelor of Science', '2021 – 2025', 'Courses', bullet('Operating Systems'), bullet('Machine Learning')]);
    expect(cv.education.items.map((item) => item.relevantCoursework)).toEqual([['Operating Systems', 'Machine Learning']]);
  });

  it('leaves a degree whose "of" names no usual subject whole', () => {
    expect(degrees([bold('Master of Urban Futures, Aston University'), '2010 – 2013'])).toEqual([['Master of Urban Futures', null, 'Aston University']]);
  });
});

describe('how long a job lasted, printed beside its dates', () => {
  it.each(['Jun 2017 – Dec 2020 3 years 6 months', 'Jun 2017 – Dec 2020 · 3 yrs 6 mos', 'Jun 2017 – Dec 2020 (1 year)', 'Jun 2017 – Jun 2018\ta year'])(
    'is neither the employer nor the place (%s)',
    (dates) => {
      const items = jobs([bold('Freelance Designer, Self-employed'), dates, bullet('Designed packaging')]);
      expect(items.map((item) => [item.jobTitle, item.companyName, item.location ?? null])).toEqual([['Freelance Designer', 'Self-employed', null]]);
    },
  );
});

describe('the words that introduce an entry’s date', () => {
  it.each(['Issued on: Jan 2022', 'Awarded on: Jan 2022', 'Awarded 2022', 'Date: 2022'])('name neither the entry nor who gave it (%s)', (dated) => {
    const { cv } = read([...top, heading('Awards'), bold('Certificate of Typographic Excellence'), dated, bold('First Place'), dated]);
    expect(cv.awards.items.map((item) => [item.awardName, item.issuingOrganization ?? null, item.dateReceived ?? null])).toEqual([
      ['Certificate of Typographic Excellence', null, '2022' + (dated.includes('Jan') ? '-01' : '')],
      ['First Place', null, '2022' + (dated.includes('Jan') ? '-01' : '')],
    ]);
  });

  it('leave "by" off the organisation that gave the award', () => {
    const { cv } = read([...top, heading('Awards'), bold('Second Place'), 'Awarded 2023', bold('by MHacks 16')]);
    expect(cv.awards.items.map((item) => [item.awardName, item.issuingOrganization ?? null])).toEqual([['Second Place', 'MHacks 16']]);
  });

  it('keep a bold line that opens on "by" with the entry above, and leave "Awarded by" and "Issued by" off the organisation', () => {
    const { cv } = read(
      [...top, heading('Awards'), bold('Second Place'), 'Awarded 2023', bold('by MHacks 16'), bold('Certificate of Excellence', 30), 'Awarded by Type Directors Club', 'Jan 2022'],
      'pdf',
    );
    expect(cv.awards.items.map((item) => [item.awardName, item.issuingOrganization ?? null])).toEqual([
      ['Second Place', 'MHacks 16'],
      ['Certificate of Excellence', 'Type Directors Club'],
    ]);
  });
});

describe('jobs printed without their employers', () => {
  it('read a title that looks like a brand name as a title, like the clear titles beside it', () => {
    const items = jobs([
      bold('Research Assistant'),
      '2024 – 2025',
      bullet('Wrote benchmarks'),
      bold('Backend Intern'),
      '2023 – 2023',
      bullet('Wrote endpoints'),
      bold('Barista'),
      '2021 – 2023',
      bullet('Ran opening shifts'),
    ]);
    expect(items.map((item) => [item.jobTitle ?? null, item.companyName ?? null])).toEqual([
      ['Research Assistant', null],
      ['Backend Intern', null],
      ['Barista', null],
    ]);
  });

  it('still read a lone name as the employer where the section’s lone names are employers', () => {
    const items = jobs([bold('Acme Corp'), '2019 – 2021', bullet('Built the API'), bold('Globex'), '2016 – 2019', bullet('Ran the data team')]);
    expect(items.map((item) => [item.jobTitle ?? null, item.companyName ?? null])).toEqual([
      [null, 'Acme Corp'],
      [null, 'Globex'],
    ]);
  });
});

describe('a certificate’s name that wrapped after its comma', () => {
  it('leaves the comma off the name, the issuer on the next line', () => {
    const { cv } = read([...top, heading('Certificates'), bold('Adobe Certified Professional: Graphic Design Using Illustrator,'), 'Adobe', 'Issued on: Jan 2022']);
    expect(cv.certifications.items.map((item) => [item.certificationName, item.issuingOrganization ?? null])).toEqual([['Adobe Certified Professional: Graphic Design Using Illustrator', 'Adobe']]);
  });
});

describe('a degree that labels its field under the school', () => {
  it.each<[string, LineSpec]>([
    ['as a line', 'Bachelor of Science: Nursing'],
    ['as a bullet', bullet('Bachelor of Science: Nursing')],
  ])('gives the degree and the field (%s)', (_shape, line) => {
    const { cv } = read([...top, heading('Education'), bold('University of Houston'), '2012 – 2016', line]);
    expect(cv.education.items.map((item) => [item.degree ?? null, item.fieldOfStudy ?? null, item.institution ?? null])).toEqual([['Bachelor of Science', 'Nursing', 'University of Houston']]);
  });
});

describe('the place of a job', () => {
  it.each<[string, LineSpec[], [string, string, string]]>([
    [
      'set apart from the role by a dash',
      [bold('Northbeam Analytics | Sep 2021 – Apr 2023'), 'Software Engineering Intern — Ann Arbor, MI', bullet('Built a CLI')],
      ['Software Engineering Intern', 'Northbeam Analytics', 'Ann Arbor, MI'],
    ],
    [
      'after an organisation named in three words',
      [bold('Frontline Relief International, Geneva, Switzerland | 2019 – 2022'), 'Field Logistician', bullet('Ran the warehouse')],
      ['Field Logistician', 'Frontline Relief International', 'Geneva, Switzerland'],
    ],
    [
      'after an organisation named in three words that could pass for a town',
      ['2020 – 2024\tResponsable Marketing Digital, Maison Lumière Cosmétiques, Lyon', bullet('Pilotage du budget média')],
      ['Responsable Marketing Digital', 'Maison Lumière Cosmétiques', 'Lyon'],
    ],
  ])('is read when %s', (_shape, specs, expected) => {
    expect(jobs(specs).map((item) => [item.jobTitle, item.companyName, item.location])).toEqual([expected]);
  });
});

describe('degrees and schools in scripts without capitals', () => {
  it.each<[string, string, { degree: string; fieldOfStudy: string; institution: string }]>([
    ['Arabic', 'بكالوريوس\tهندسة الحاسوب\tالجامعة الأردنية\t2014 – 2018', { degree: 'بكالوريوس', fieldOfStudy: 'هندسة الحاسوب', institution: 'الجامعة الأردنية' }],
    ['Japanese', '学士（芸術工学）\t情報デザイン\t九州大学\t2013-04 – 2017-03', { degree: '学士（芸術工学）', fieldOfStudy: '情報デザイン', institution: '九州大学' }],
  ])('reads a %s table row of degree, field and school', (_language, row, expected) => {
    const { cv } = read([...top, heading('Education'), row]);
    expect(cv.education.items).toEqual([expect.objectContaining(expected)]);
  });
});

describe('a label over a job’s bullets', () => {
  it('keeps the bullets with the job however much space it leaves under it', () => {
    const items = jobs(
      [bold('Research Assistant'), '2024 – 2025', bold('Highlights'), ['Implemented benchmarks for type checking.', { listItem: true, gapBefore: 36 }], bullet('Co-authored a workshop paper.')],
      'pdf',
    );
    expect(items.map((item) => [item.jobTitle, item.responsibilities])).toEqual([['Research Assistant', ['Implemented benchmarks for type checking.', 'Co-authored a workshop paper.']]]);
  });

  it('files the bullets under "Highlights" as the job’s bullets and those under "Key achievements" as achievements', () => {
    const items = jobs(
      [bold('Research Assistant'), '2024 – 2025', bold('Highlights'), bullet('Implemented benchmarks for type checking.'), bold('Key achievements'), bullet('Co-authored a workshop paper.')],
      'pdf',
    );
    expect(items.map((item) => [item.responsibilities, item.achievements])).toEqual([[['Implemented benchmarks for type checking.'], ['Co-authored a workshop paper.']]]);
  });
});

describe('skills set as tags under a category’s name', () => {
  // Rows of pills 24 pt apart, each pill a cell 80 pt from the last.
  const tags = (...rows: string[][]): LineSpec[] => rows.map((row) => [row.join('\t'), { x: 56, cellX: row.map((_, index) => 56 + index * 80), width: row.length * 80, gapBefore: 24 }]);
  it('are the category’s skills, a row of cells included', () => {
    const summary: LineSpec = ['Brand designer with seven years of identities, packaging and campaigns.', { width: 400 }];
    const { cv } = read(
      [...top, heading('Summary'), summary, heading('Skills'), bold('Design'), ...tags(['Brand identity', 'Typography'], ['Motion design']), bold('Software'), ...tags(['Figma', 'Photoshop'])],
      'pdf',
    );
    expect(cv.skills.skillCategories.map((category) => [category.categoryName, category.skills])).toEqual([
      ['Design', ['Brand identity', 'Typography', 'Motion design']],
      ['Software', ['Figma', 'Photoshop']],
    ]);
  });
});

describe('a section set as a list (LaTeX’s curve)', () => {
  it('keeps items spaced as widely as entries with the entry they are indented under', () => {
    const items = jobs(
      [
        ['Jan 2021 – Present\tSenior Brand Designer, Harbor & Hive Creative', { cellX: [50, 160] }],
        ['Lead designer on 12 brand identity projects.', { x: 190, listItem: true, gapBefore: 23 }],
        ['Art-directed photo shoots for a national snack brand.', { x: 190, listItem: true, gapBefore: 23 }],
        ['Jun 2017 – Dec 2020\tGraphic Designer, Lumen Packaging Co.', { cellX: [50, 160], gapBefore: 27 }],
        ['Designed packaging for 40+ SKUs in food and personal care.', { x: 190, listItem: true, gapBefore: 23 }],
        heading('Skills'),
        ...['Design: Brand identity, Typography', 'Tools: Illustrator, Figma', 'Motion: After Effects', 'Print: InDesign'],
      ],
      'pdf',
    );
    expect(items.map((item) => [item.jobTitle, item.responsibilities])).toEqual([
      ['Senior Brand Designer', ['Lead designer on 12 brand identity projects.', 'Art-directed photo shoots for a national snack brand.']],
      ['Graphic Designer', ['Designed packaging for 40+ SKUs in food and personal care.']],
    ]);
  });

  it('reads a bold item over plain lines as the name of an entry', () => {
    const { cv } = read(
      [
        ...top,
        heading('Selected Work'),
        ['Grove Street Bakery', { listItem: true, bold: true, gapBefore: 20 }],
        ['Full identity, packaging and signage for a family bakery.', { x: 60 }],
        ['Tidewater Film Festival', { listItem: true, bold: true }],
        ['Campaign posters and motion titles for the festival.', { x: 60 }],
      ],
      'pdf',
    );
    expect(cv.projects.items.map((item) => item.title)).toEqual(['Grove Street Bakery', 'Tidewater Film Festival']);
  });

  it('keeps a wrapped summary whole when a sentence on its second line ends in a label', () => {
    // German capitalises its nouns, so the wrapped line does not read as a sentence by its case.
    const { cv } = read(
      [
        ...top,
        heading('About'),
        'Maschinenbauingenieur mit 8 Jahren Erfahrung in der Entwicklung von Antriebskomponenten für die',
        'Automobilindustrie. Schwerpunkte: Konstruktion, FEM-Berechnung und Serienanlauf.',
      ],
      'pdf',
    );
    expect(cv.summary.summaryText?.replace(/\s+/g, ' ')).toBe(
      'Maschinenbauingenieur mit 8 Jahren Erfahrung in der Entwicklung von Antriebskomponenten für die Automobilindustrie. Schwerpunkte: Konstruktion, FEM-Berechnung und Serienanlauf.',
    );
  });

  it('keeps an abbreviated label a label ("Admin. Tools: …")', () => {
    expect(labelled('Admin. Tools: Jira, Confluence')).toEqual({ label: 'Admin. Tools', value: 'Jira, Confluence' });
    expect(labelled('Automobilindustrie. Schwerpunkte: Konstruktion')).toBeNull();
  });

  it('reads a summary set as a single item as the summary', () => {
    const { cv } = read([...top, heading('Profile'), bullet('Brand designer with 7 years of experience creating identities, packaging and campaigns.')], 'pdf');
    expect(cv.summary.summaryText).toBe('Brand designer with 7 years of experience creating identities, packaging and campaigns.');
  });

  it('reads a summary set as a single item as the summary, though labelled highlights follow it', () => {
    const { cv } = read(
      [
        ...top,
        heading('Profile'),
        bullet('Finance executive with 22 years of experience leading finance and treasury for manufacturers.'),
        'Specializations: Capital markets, M&A integration',
        'Career highlights',
        bullet('Led a $450M IPO on the New York Stock Exchange in 2019.'),
        bullet('Closed and integrated 7 acquisitions worth a combined $1.1B.'),
      ],
      'pdf',
    );
    expect([cv.summary.summaryText, cv.summary.careerHighlights]).toEqual([
      'Finance executive with 22 years of experience leading finance and treasury for manufacturers.',
      ['Led a $450M IPO on the New York Stock Exchange in 2019.', 'Closed and integrated 7 acquisitions worth a combined $1.1B.'],
    ]);
  });
});

describe('a project’s keywords set as tags', () => {
  it('reads a row of short cells under the project as its technologies, not as a feature', () => {
    const { cv } = read(
      [
        ...top,
        heading('Projects'),
        bold('Minilang'),
        'A compiler for a small statically typed language, started in the compilers course.',
        bullet('Tail-call optimisation'),
        ['Rust\tWebAssembly', { listItem: true, cellX: [60, 90] }],
        bold('Course Planner Bot', 28),
        'Discord bot that checks prerequisites for 2,000 students.',
        ['Python\tdiscord.py', { listItem: true, cellX: [60, 90] }],
      ],
      'pdf',
    );
    expect(cv.projects.items.map((item) => [item.title, item.technologies, item.keyFeatures])).toEqual([
      ['Minilang', ['Rust', 'WebAssembly'], ['Tail-call optimisation']],
      ['Course Planner Bot', ['Python', 'discord.py'], undefined],
    ]);
  });
});

describe('role and organisation on lines of their own', () => {
  const italic = (text: string): LineSpec => [text, { italic: true }];

  it('reads an entry whose words tell nothing as the section sets its other entries: the company on top, the role in italics under it', () => {
    const items = jobs([
      bold('Northbeam Analytics'),
      italic('Software Engineering Intern\tMay 2024 – Aug 2024'),
      bullet('Built an internal CLI in Rust'),
      bold('Comet Coffee'),
      italic('Barista\tSep 2021 – Apr 2023'),
      bullet('Trained 5 new staff members'),
    ]);
    expect(items.map((item) => [item.jobTitle, item.companyName])).toEqual([
      ['Software Engineering Intern', 'Northbeam Analytics'],
      ['Barista', 'Comet Coffee'],
    ]);
  });

  it('keeps an organisation named in parts on its own line whole', () => {
    const items = jobs([bold('Programming Languages Lab, University of Michigan'), italic('Research Assistant\tJan 2024 – Present'), bullet('Implement benchmarks')]);
    expect(items.map((item) => [item.jobTitle, item.companyName])).toEqual([['Research Assistant', 'Programming Languages Lab, University of Michigan']]);
  });

  it('reads the other setting as the section sets it too: the role in bold with its town, the company in italics with the dates', () => {
    const items = jobs([
      bold('Senior Supply Chain Analyst\tManchester'),
      italic('Harrow & Finch Retail\tApril 2022 – present'),
      bullet('Built the weekly stock-positioning model'),
      bold('Graduate Planner\tBradford'),
      italic('Pennine Foods\tJuly 2018 – August 2019'),
      bullet('Planned production of chilled products'),
    ]);
    expect(items.map((item) => [item.jobTitle, item.companyName])).toEqual([
      ['Senior Supply Chain Analyst', 'Harrow & Finch Retail'],
      ['Graduate Planner', 'Pennine Foods'],
    ]);
  });
});

describe('a grade on the degree line, beside the dates', () => {
  const schools = (specs: LineSpec[]) => read([...top, heading('Education'), ...specs]).cv.education.items.map((item) => [item.gpa, item.dateRange?.text]);

  it.each<[string, [string, string]]>([
    ['Bachelor, Computer Science, Score: 3.86/4.00\tSep 2021 – May 2025', ['3.86/4.00', 'Sep 2021 – May 2025']],
    ['Master, Maschinenbau, Punkte: 1,7\tOkt. 2012 – März 2015', ['1,7', 'Okt. 2012 – März 2015']],
  ])('reads the grade and the dates apart: %j', (line, expected) => {
    expect(schools([bold('University of Michigan'), line])).toEqual([expected]);
  });
});

describe('entries run on through a grid’s cells', () => {
  it('reads each school with the dates after it, across rows', () => {
    const row = (cells: string[]): LineSpec => [cells.join('\t'), { x: 38, cellX: cells.map((_, index) => 38 + index * 156), width: cells.length * 156, gapBefore: 21 }];
    const about = [
      'Computational biologist developing statistical methods for single-cell genomics',
      'and applying them to cancer evolution, with more than sixty papers',
      'and a group funded by the ERC, Wellcome and UKRI.',
    ];
    const { cv } = read(
      [...top, heading('About'), ...about, heading('Education'), row(['University of Cambridge', '2004 – 2008', 'Uppsala University']), row(['2002 – 2004', 'Uppsala University', '1999 – 2002'])],
      'pdf',
    );
    expect(cv.education.items.map((item) => [item.institution, item.dateRange?.text])).toEqual([
      ['University of Cambridge', '2004 – 2008'],
      ['Uppsala University', '2002 – 2004'],
      ['Uppsala University', '1999 – 2002'],
    ]);
  });

  it('keeps a row of one entry and its town whole', () => {
    const { cv } = read([...top, heading('Experience'), ['Software Engineer, Acme\t2019 – 2021\tBerlin', { cellX: [50, 250, 400], width: 400 }], bullet('Built the billing API')], 'pdf');
    expect(cv.experience.items.map((item) => [item.companyName, item.location])).toEqual([['Acme', 'Berlin']]);
  });
});

describe('a label set apart over an entry’s bullets', () => {
  it('stays with its entry, however much space stands above it', () => {
    // Dates beside the title, the employer under the title, an empty labelled field, then
    // the bullets under their label, each part set well apart from the one above.
    const entry = (dates: string, title: string, employer: string, duty: string): LineSpec[] => [
      [`${dates}\t${title}`, { bold: true, cellX: [50, 150], gapBefore: 38 }],
      [employer, { bold: true, x: 150, gapBefore: 24 }],
      ['Role outline', { italic: true, gapBefore: 12 }],
      ['Tools: HubSpot, Looker Studio', { x: 65, gapBefore: 17 }],
      ['Responsibilities', { gapBefore: 42 }],
      [duty, { x: 65, gapBefore: 12 }],
    ];
    const items = jobs(
      [
        ...entry('2020 – 2024', 'Marketing Lead', 'Maison Lumière, Lyon', 'Ran a media budget of 1.2 M€.'),
        ...entry('2016 – 2020', 'Marketing Officer', 'Voyages Azur, Marseille', 'Grew the travel blog to 80,000 visits a month.'),
      ],
      'pdf',
    );
    expect(items.map((item) => [item.jobTitle, item.companyName, item.responsibilities])).toEqual([
      ['Marketing Lead', 'Maison Lumière', ['Ran a media budget of 1.2 M€.']],
      ['Marketing Officer', 'Voyages Azur', ['Grew the travel blog to 80,000 visits a month.']],
    ]);
  });
});

describe('a certificate’s row of cells', () => {
  it('gives a labelled last cell to the certificate as a detail, and reads the next row as the next certificate', () => {
    const row = (text: string): LineSpec => [text, { bold: true, cellX: [50, 150, 420], width: 480, gapBefore: 18 }];
    const { cv } = read(
      [
        ...top,
        heading('Certifications'),
        row('2016\tRegistered Nurse License (Texas Board of Nursing)\tCredential ID: 912345'),
        row('2024\tBasic Life Support (BLS) (American Heart Association)\tExpires: 2026'),
      ],
      'pdf',
    );
    expect(cv.certifications.items.map((item) => [item.certificationName, item.issuingOrganization, item.issueDate, item.credentialId, item.expirationDate])).toEqual([
      ['Registered Nurse License', 'Texas Board of Nursing', '2016', '912345', undefined],
      ['Basic Life Support (BLS)', 'American Heart Association', '2024', undefined, '2026'],
    ]);
  });

  it('keeps a labelled last cell on its row when it holds the dates, and a split cell opens no entry however far the row is set apart', () => {
    const row = (text: string): LineSpec => [text, { bold: true, cellX: [50, 150, 420], width: 480, gapBefore: 30 }];
    const { cv } = read(
      [
        ...top,
        heading('Experience'),
        row('Projektleiter\tSiemens AG\tZeitraum: 03/2019 – 06/2021'),
        heading('Certifications'),
        row('2016\tRegistered Nurse License\tCredential ID: 912345'),
        row('2024\tBasic Life Support\tExpires: 2026'),
      ],
      'pdf',
    );
    expect(cv.experience.items.map((item) => [item.jobTitle, item.companyName, item.dateRange?.start, item.dateRange?.end])).toEqual([['Projektleiter', 'Siemens AG', '2019-03', '2021-06']]);
    expect(cv.certifications.items.map((item) => [item.certificationName, item.credentialId, item.expirationDate])).toEqual([
      ['Registered Nurse License', '912345', undefined],
      ['Basic Life Support', undefined, '2026'],
    ]);
  });

  it('reads a name in brackets after a certificate or a course as who gave it, not its initials or its grade', () => {
    const { cv } = read([
      ...top,
      heading('Certifications'),
      ...[
        'Management d’équipe (CEGOS)',
        'Solutions Architect (Associate)',
        'Basic Life Support (BLS)',
        'Certified ScrumMaster (CSM)',
        'Azure Fundamentals (Expired)',
        'PMP (In Progress)',
        'Driving Licence (Category B)',
      ].flatMap((name, at) => [name, String(2015 + at)]),
    ]);
    expect(cv.certifications.items.map((item) => [item.certificationName, item.issuingOrganization])).toEqual([
      ['Management d’équipe', 'CEGOS'],
      ['Solutions Architect (Associate)', undefined],
      ['Basic Life Support (BLS)', undefined],
      ['Certified ScrumMaster (CSM)', undefined],
      ['Azure Fundamentals (Expired)', undefined],
      ['PMP (In Progress)', undefined],
      ['Driving Licence (Category B)', undefined],
    ]);
  });
});
