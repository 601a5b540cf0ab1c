import { extractOffline } from '../../../src/extraction/extractors/offline/offline-extractor';
import { documentOf, heading, name, type LineSpec } from './document';

const read = (specs: LineSpec[]) => extractOffline(documentOf(specs)).cv;

describe('the header', () => {
  it('takes the name from the largest early line, the title from the next, the contact details from their forms', () => {
    const cv = read([
      name('Jane Doe'),
      'Senior Software Engineer',
      'jane.doe@example.com · +44 20 7946 0000 · London, United Kingdom · linkedin.com/in/janedoe · github.com/jdoe',
      heading('EXPERIENCE'),
      'Lead Engineer, Acme Corp',
    ]);
    expect(cv.hero).toEqual({ fullName: 'Jane Doe', professionalTitle: 'Senior Software Engineer' });
    expect(cv.contact).toEqual({
      email: 'jane.doe@example.com',
      phone: '+44 20 7946 0000',
      location: { city: 'London', country: 'United Kingdom' },
      professionalLinks: [
        { platform: 'LinkedIn', url: 'linkedin.com/in/janedoe' },
        { platform: 'GitHub', url: 'github.com/jdoe' },
      ],
    });
  });

  it.each([
    ['+1 (415) 555-0132', '+1 (415) 555-0132'],
    ['(212) 555-0187', '(212) 555-0187'],
    ['+972-54-123-4567', '+972-54-123-4567'],
    ['06 12 34 56 78', '06 12 34 56 78'],
    ['Tel.: 030 1234567', '030 1234567'],
  ])('reads the phone %j', (written, phone) => {
    expect(read([name('Ana Ruiz'), `ana@example.com | ${written}`, heading('Skills'), 'Python']).contact.phone).toBe(phone);
  });

  it.each(['+1 415\u2011555\u20110132', '+49 (0)30 123\u2010456', '(212) 555\u20120187'])('takes the phone %j on a line of its own for a phone, never the title', (phone) => {
    const cv = read([name('Ana Ruiz'), phone, 'ana@example.com', heading('Skills'), 'Python']);
    expect(cv.contact.phone).toBe(phone);
    expect(cv.hero.professionalTitle).toBeUndefined();
  });

  it('reads "City, ST", a labelled town and a street address', () => {
    expect(read([name('Ana Ruiz'), 'Austin, TX | ana@example.com', heading('Skills'), 'Go']).contact.location).toEqual({ city: 'Austin', state: 'TX' });
    expect(read([name('Ana Ruiz'), 'Location: Berlin', 'ana@example.com', heading('Skills'), 'Go']).contact.location).toEqual({ city: 'Berlin' });
    expect(read([name('Anna Müller'), 'Hauptstraße 12, 10115 Berlin', heading('Skills'), 'Go']).contact.location).toEqual({ address: 'Hauptstraße 12', postalCode: '10115', city: 'Berlin' });
  });

  it('names a link by its label when its address does not, and keeps handles', () => {
    const cv = read([name('Ana Ruiz'), 'Portfolio: anaruiz.design · Twitter: @anaruiz', heading('Skills'), 'Go']);
    expect(cv.contact.professionalLinks).toEqual([
      { platform: 'Portfolio', url: 'anaruiz.design' },
      { platform: 'Twitter', username: '@anaruiz' },
    ]);
  });

  it('separates a name and a phone that two columns of one row ran together', () => {
    const cv = read([['Lucía Fernández Ortega +34 612 345 678', { fontSize: 24, bold: true, width: 500 }], 'Analista de Datos', heading('Experiencia'), 'Analista, Banco']);
    expect(cv.hero.fullName).toBe('Lucía Fernández Ortega');
    expect(cv.contact.phone).toBe('+34 612 345 678');
  });

  it('parts a name and a title written on one line with a comma', () => {
    const cv = read([name('Grace Adeyemi, Registered Nurse, BSN'), 'grace@example.com | Houston, TX', heading('Experience'), 'Charge Nurse, Mercy Hospital']);
    expect(cv.hero).toMatchObject({ fullName: 'Grace Adeyemi', professionalTitle: 'Registered Nurse, BSN' });
  });

  it('reads a name in Arabic script, which has no capitals', () => {
    const cv = read(['ليلى حداد', 'مهندسة بيانات', 'layla.haddad@outlook.com', heading('الخبرة المهنية'), 'محللة بيانات']);
    expect(cv.hero).toMatchObject({ fullName: 'ليلى حداد', professionalTitle: 'مهندسة بيانات' });
  });

  it.each([
    ['佐藤 美咲 · 職務経歴書 1', '佐藤 美咲'],
    ['ليلى حداد · السيرة الذاتية 1', 'ليلى حداد'],
    ['Jane Doe · Currículum 1', 'Jane Doe'],
  ])('takes the document title of a running head %j for neither the name nor the title', (head, fullName) => {
    const cv = read([[head, { fontSize: 8 }], `${fullName} jane@example.com · +44 20 7946 0000`, ['Product Designer', { fontSize: 12 }], heading('Skills'), 'Figma']);
    expect(cv.hero).toEqual({ fullName, professionalTitle: 'Product Designer' });
  });

  it('keeps a title written in parts as one title', () => {
    expect(read([name('John Smith'), 'Data Scientist | Machine Learning Engineer', 'john@example.com', heading('Skills'), 'R']).hero.professionalTitle).toBe(
      'Data Scientist | Machine Learning Engineer',
    );
  });

  it('takes an unlabelled paragraph under the name as the summary when there is no summary section', () => {
    const paragraph = 'Backend engineer with 8 years of experience building payment systems for banks and retailers across Europe.';
    const cv = read([name('Jane Doe'), 'Engineer', paragraph, heading('Skills'), 'Go']);
    expect(cv.summary).toEqual({ summaryText: paragraph, yearsOfExperience: 8 });
  });

  it('reads a sidebar contact section, where a lone place is the town and never the name', () => {
    const cv = read([heading('Contact'), 'noa@example.co.il', '054-7123456', 'תל אביב', heading('Skills'), 'SQL', name('נועה כהן'), 'מנהלת מוצר', heading('Profile'), 'Product manager.']);
    expect(cv.hero).toEqual({ fullName: 'נועה כהן', professionalTitle: 'מנהלת מוצר' });
    expect(cv.contact).toEqual({ email: 'noa@example.co.il', phone: '054-7123456', location: { city: 'תל אביב' } });
  });

  const body = [heading('Experience'), ['Senior Engineer, Acme Corp', { bold: true }] as LineSpec, '2019 – 2021', 'Built the billing platform used by forty teams across the company.'];

  it.each([['Jane Doe | jane.doe@example.com | +1 415 555 0100'], ['Jane Doe · jane.doe@example.com · +1 415 555 0100'], ['Jane Doe        jane.doe@example.com   +1 415 555 0100']])(
    'finds the name on the line of the e-mail and phone: %j',
    (line) => {
      const cv = read([[line, { fontSize: 16, bold: true, width: 480 }], ...body]);
      expect(cv.hero.fullName).toBe('Jane Doe');
      expect(cv.hero.professionalTitle).toBeUndefined();
      expect(cv.contact).toMatchObject({ email: 'jane.doe@example.com', phone: '+1 415 555 0100' });
    },
  );

  it.each([
    [[['Stanford University', { fontSize: 16, bold: true }], ['Jane Doe', { fontSize: 14, bold: true }], 'jane.doe@stanford.edu'] as LineSpec[]],
    [[['Acme Consulting GmbH', { fontSize: 18, bold: true }], ['Max Mustermann', { fontSize: 12 }], 'max.mustermann@example.de'] as LineSpec[]],
    [[['Universidad de Chile', { fontSize: 18, bold: true }], ['Camila Rojas', { fontSize: 12 }], 'crojas@example.cl'] as LineSpec[]],
  ])('does not take a school or a company above the name for the name (%#)', (header) => {
    const cv = read([...header, ...body]);
    expect(cv.hero.fullName).toBe(header[1]![0]);
  });

  it('prefers the line the e-mail address names among lines set alike', () => {
    expect(read([['Product Lead', { fontSize: 12 }], ['Lena Vogt', { fontSize: 12 }], 'lena.vogt@example.de', ...body]).hero.fullName).toBe('Lena Vogt');
  });

  it.each([
    [[name('Jane Doe'), 'Berlin', 'jane@example.com · +49 30 1234567'], { city: 'Berlin' }, undefined],
    [[name('Jane Doe'), 'San Francisco', 'jane@example.com'], { city: 'San Francisco' }, undefined],
    [[name('Jane Doe'), ['Data Scientist', { italic: true }], 'Tel Aviv', 'jane@example.com'], { city: 'Tel Aviv' }, 'Data Scientist'],
  ] as [LineSpec[], object, string | undefined][])('takes a town beside the contact details for the location, not the title (%#)', (header, location, title) => {
    const cv = read([...header, ...body]);
    expect(cv.contact.location).toEqual(location);
    expect(cv.hero.professionalTitle).toBe(title);
  });

  it.each(['张伟', '김민준', '山田 太郎'])('reads the name %j written in a script without capitals', (written) => {
    expect(read([name(written), 'zhang@example.com', ...body]).hero.fullName).toBe(written);
  });
});

describe('contact labels written without a colon', () => {
  it.each<[string, LineSpec[]]>([
    ['over their values', [['Email', { bold: true }], 'aiden.park@umich.edu', ['Phone', { bold: true }], '(734) 555-0182']],
    ['beside their values', ['Email\taiden.park@umich.edu', 'Phone\t(734) 555-0182']],
  ])('label the value, and are no town (%s)', (_shape, contactLines) => {
    const cv = read([name('Aiden Park'), 'Computer Science Student', heading('Contact'), ...contactLines, heading('Experience'), 'Research Assistant, University of Michigan']);
    expect(cv.contact).toEqual({ email: 'aiden.park@umich.edu', phone: '(734) 555-0182' });
  });
});

describe('a name printed twice', () => {
  it('is not the title: the line after the repeat is', () => {
    const cv = read([name('Olivia Brennan'), 'Olivia Brennan', ['Brand & Visual Designer', { bold: true }], 'hello@oliviabrennan.studio', heading('Experience'), 'Designer, Acme']);
    expect(cv.hero).toEqual({ fullName: 'Olivia Brennan', professionalTitle: 'Brand & Visual Designer' });
  });
});

describe('contact details under a summary heading', () => {
  it('are contact details, and the town beside them the location; the summary keeps its sentences', () => {
    const cv = read([
      name('Robert Harrington'),
      'Chief Financial Officer',
      heading('About'),
      'Chicago',
      'rj.harrington@outlook.com',
      '+1 312 555 0119',
      heading('Summary'),
      'Finance executive with 22 years of experience leading finance and treasury.',
      heading('Experience'),
      'Chief Financial Officer, Acme Corp',
    ]);
    expect(cv.contact).toEqual({ email: 'rj.harrington@outlook.com', phone: '+1 312 555 0119', location: { city: 'Chicago' } });
    expect(cv.summary.summaryText).toBe('Finance executive with 22 years of experience leading finance and treasury.');
  });
});

describe('a short bold line over a lone web address', () => {
  it('names the link, and is no town, in the header or among a summary’s lines', () => {
    const links: LineSpec[] = [['Lab website', { bold: true }], 'lindqvistlab.bio.ed.ac.uk', ['Portfolio', { bold: true }], 'hannahwhitfield.design'];
    const expected = [
      { platform: 'Lab website', url: 'lindqvistlab.bio.ed.ac.uk' },
      { platform: 'Portfolio', url: 'hannahwhitfield.design' },
    ];
    const inHeader = read([name('Sarah Lindqvist'), 's.lindqvist@ed.ac.uk', ...links.slice(0, 2), heading('Experience'), 'Professor, University of Edinburgh']);
    expect(inHeader.contact.professionalLinks).toEqual(expected.slice(0, 1));
    expect(inHeader.contact.location).toBeUndefined();
    const inSummary = read([
      name('Sarah Lindqvist'),
      heading('About'),
      'Computational biologist developing statistical methods for genomics.',
      ...links,
      heading('Experience'),
      'Professor, University of Edinburgh',
    ]);
    expect(inSummary.contact.professionalLinks).toEqual(expected);
    expect(inSummary.contact.location).toBeUndefined();
  });
});

describe('a Europass CV’s personal information', () => {
  // Labels set flush right against the values' column, as Europass sets them.
  const row = (label: string, value: string): LineSpec => {
    const x = 175 - label.length * 5;
    return [`${label}\t${value}`, { x, cellX: [x, 180], gapBefore: 17 }];
  };

  it('takes the name from its section when the top of the page names no one, and the labels of its rows for labels', () => {
    const cv = read([
      ['Europass', { fontSize: 14, bold: true }],
      ['Curriculum Vitae', { fontSize: 14, bold: true }],
      heading('Información personal'),
      row('Nombre(s) / Apellido(s)', 'Lucía Fernández Ortega'),
      row('Dirección(es)', 'Madrid, España'),
      row('Teléfono(s)', '+34 612 345 678'),
      row('Correo(s) electrónico(s)', 'lucia.fernandez@gmail.com'),
      ['Analista de Datos Sénior', { x: 180, bold: true }],
      heading('Experiencia'),
      'Analista de Datos, Banca Digital, 2019 – 2024',
    ]);
    expect(cv.hero).toMatchObject({ fullName: 'Lucía Fernández Ortega', professionalTitle: 'Analista de Datos Sénior' });
    expect(cv.contact).toMatchObject({ email: 'lucia.fernandez@gmail.com', phone: '+34 612 345 678', location: { city: 'Madrid', country: 'España' } });
  });

  it('keeps a name set in a row beside a contact detail, which is no label', () => {
    const cv = read([
      ['נועה כהן\t054-7123456', { cellX: [50, 300] }],
      'noa.cohen.pm@gmail.com',
      ['מנהלת מוצר\tlinkedin.com/in/noacohen-pm', { cellX: [50, 300] }],
      heading('ניסיון תעסוקתי'),
      'מנהלת מוצר, Finlio, 2021 – 2024',
    ]);
    expect(cv.hero).toEqual({ fullName: 'נועה כהן', professionalTitle: 'מנהלת מוצר' });
  });

  it('passes over the town between the name and the title, like the other contact details', () => {
    const cv = read([name('Jonas Becker'), 'Stuttgart', '+49 171 2345678', 'jonas.becker@web.de', 'Maschinenbauingenieur (M.Sc.)', heading('Berufserfahrung'), 'Konstrukteur, Acme GmbH, 2019 – 2024']);
    expect(cv.hero).toEqual({ fullName: 'Jonas Becker', professionalTitle: 'Maschinenbauingenieur (M.Sc.)' });
    expect(cv.contact.location).toEqual({ city: 'Stuttgart' });
  });
});

describe('contact details behind icons', () => {
  it('reads "📍 Ann Arbor, MI" as the town and its state, not as a tagline', () => {
    const cv = read([name('Aiden Park'), '📞 (734) 555-0182 • 📧 aiden.park@umich.edu', '📍 Ann Arbor, MI', heading('Experience'), 'Engineer, Acme Corp']);
    expect(cv.contact.location).toEqual({ city: 'Ann Arbor', state: 'MI' });
    expect(cv.hero.summaryTagline).toBeUndefined();
  });
});
