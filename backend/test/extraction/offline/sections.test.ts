import { extractOffline } from '../../../src/extraction/extractors/offline/offline-extractor';
import type { TextLine } from '../../../src/extraction/text/document-text';
import { bold, bullet, documentOf, heading, name, type LineSpec } from './document';

// Word documents keep paragraphs whole, so these cases test the parsers, not line joining.
const read = (specs: LineSpec[], kind: 'docx' | 'pdf' = 'docx') => extractOffline(documentOf(specs, kind));
const top: LineSpec[] = [name('Jane Doe'), 'jane@example.com'];

describe('headings', () => {
  it('keeps each heading as written as its section title', () => {
    const { cv } = read([...top, heading('Experiencia laboral'), 'Ingeniera, Datos SL', heading('Formación'), 'Grado en Física, Universidad de Sevilla', heading('Idiomas'), 'Inglés (C1)']);
    expect([cv.experience.sectionTitle, cv.education.sectionTitle, cv.languages.sectionTitle]).toEqual(['Experiencia laboral', 'Formación', 'Idiomas']);
  });

  it('does not take a keyword in body text for a heading', () => {
    const { cv } = read([...top, heading('Skills'), 'Languages: Go, Rust', 'Programming languages and tools', bold('Education'), 'Go, Python', heading('Languages'), 'English']);
    expect(cv.education.items).toEqual([]);
    expect(cv.skills.skillCategories.map((category) => category.categoryName ?? null)).toEqual(['Languages', null, 'Education']);
    expect(cv.languages.items.map((item) => item.language)).toEqual(['English']);
  });

  it("takes a label over a job's bullets for a label, not for a section", () => {
    const { cv } = read([...top, heading('Experience'), bold('Engineer, Acme Corp'), '2019 – 2021', bullet('Built the billing API'), bold('Key achievements'), bullet('Cut costs by 20%')]);
    expect(cv.awards.items).toEqual([]);
    expect(cv.experience.items[0]).toMatchObject({ responsibilities: ['Built the billing API'], achievements: ['Cut costs by 20%'] });
  });

  it('reads category names set larger than the headings as names, though one of them names a section', () => {
    // Headings in small bold capitals, 9 pt; the skill groups' names 11 pt bold over 10 pt text.
    const small = (text: string): LineSpec => [text, { fontSize: 9, bold: true, gapBefore: 26 }];
    const group = (text: string): LineSpec => [text, { fontSize: 11, bold: true, gapBefore: 18 }];
    const { cv } = read(
      [
        ...top,
        small('SUMMARY'),
        'Site reliability engineer.',
        small('SKILLS'),
        group('Infrastructure'),
        'Kubernetes, Terraform',
        group('Languages'),
        'Go, Python',
        group('Data'),
        'PostgreSQL, Kafka',
        small('EDUCATION'),
        'BSc Computer Engineering, San José State University, 2014 – 2018',
      ],
      'pdf',
    );
    expect(cv.skills.skillCategories.map((category) => category.categoryName)).toEqual(['Infrastructure', 'Languages', 'Data']);
    expect(cv.languages.items).toEqual([]);
  });

  it('reads lines set like the job titles as titles, though one of them has words that name a section, under headings set larger still', () => {
    // Headings at 20 pt; every job's title at 16 pt bold, and so is a skill group's name.
    const title = (text: string): LineSpec => [text, { fontSize: 16, bold: true, gapBefore: 30 }];
    const big = (text: string): LineSpec => [text, { fontSize: 20, gapBefore: 30 }];
    const { cv } = read([
      ...top,
      big('Experience'),
      title('Research Assistant'),
      'Vision Lab, Tartu University',
      '2022 – 2024',
      title('Data Intern'),
      'Skype',
      '2021 – 2022',
      title('Barista'),
      'Café Werner',
      '2019 – 2021',
      big('Skills'),
      title('Languages'),
      'Python, Go, Rust',
    ]);
    expect(cv.experience.items.map((item) => item.jobTitle)).toEqual(['Research Assistant', 'Data Intern', 'Barista']);
    expect(cv.languages.items).toEqual([]);
  });

  it('goes on with the section open at the end of a page on the next, its text indented from the heading in the margin', () => {
    const onPage2 = (text: string, extra: Partial<TextLine> = {}): LineSpec => [text, { page: 2, x: 120, gapBefore: 0, ...extra }];
    const { cv } = extractOffline(
      documentOf([
        ...top,
        [heading('Experience')[0] as string, { fontSize: 13, bold: true, gapBefore: 26, x: 40 }],
        ['Engineer, Acme Corp', { x: 120, bold: true }],
        ['2019 – 2021', { x: 120 }],
        onPage2('Ran the on-call rota for the billing team.', { x: 130, listItem: true }),
        onPage2('Education', { x: 40, fontSize: 13, bold: true, gapBefore: 26 }),
        onPage2('BSc Physics, University of Leeds', { gapBefore: 14 }),
      ]),
    );
    expect(cv.experience.items[0]?.responsibilities).toEqual(['Ran the on-call rota for the billing team.']);
    expect(cv.summary).toEqual({});
  });

  it('takes keyword lines set in the body style in the margin, the text under them indented, for headings', () => {
    // No bold, size or capitals; widely spaced entries make the usual line gap as large as the space above the headings.
    const margin = (text: string, gapBefore: number): LineSpec => [text, { x: 57, gapBefore }];
    const inset = (text: string, gapBefore: number): LineSpec => [text, { x: 71, gapBefore }];
    const { cv } = extractOffline(
      documentOf([
        ...top,
        margin('Profile', 57),
        inset('Analyst who turns shipment data into decisions.', 23),
        margin('Experience', 31),
        inset('Harrow Retail, Senior Analyst, Manchester', 24),
        inset('2022 – 2024', 24),
        inset('Meridian Freight, Analyst, Leeds', 24),
        inset('2019 – 2022', 24),
        margin('Education', 31),
        inset('MSc Operations Management, University of Leeds', 24),
      ]),
    );
    expect(cv.experience.items).toHaveLength(2);
    expect(cv.education.items).toHaveLength(1);
  });

  it('keeps the entries under headings set smaller than the text, their titles a little larger', () => {
    // Tracked small-capital headings at 8 pt over 10 pt text, each job's title line at 11.5 pt.
    const small = (text: string): LineSpec => [text, { fontSize: 8, bold: true, gapBefore: 26 }];
    const { cv } = read([...top, small('SUMMARY'), 'Backend engineer.', small('EXPERIENCE'), ['Engineer at Acme Corp', { fontSize: 11.5 }], '2019 – 2021', bullet('Built the billing API')]);
    expect(cv.experience.items[0]).toMatchObject({ jobTitle: 'Engineer', companyName: 'Acme Corp', responsibilities: ['Built the billing API'] });
  });

  it('takes a keyword line set like two other headings for one, its space above just short of theirs', () => {
    // Headings in the body's font, set apart by space alone: 28 pt above two of them, 26 above the third.
    const spaced = (text: string, gapBefore: number): LineSpec => [text, { gapBefore }];
    const { cv } = read([...top, spaced('Summary', 28), 'Backend engineer.', spaced('Experience', 28), 'Engineer, Acme Corp', spaced('Languages', 26), 'English: native']);
    expect(cv.languages.items.map((item) => item.language)).toEqual(['English']);
  });

  it('keeps the text under a heading it does not know as unclassified', () => {
    const { cv, unclassifiedText } = read([...top, heading('Experience'), 'Engineer, Acme Corp', heading('Favourite Quotes'), 'Simplicity is prerequisite for reliability.', heading('Skills'), 'Go']);
    expect(unclassifiedText).toEqual(['Favourite Quotes', 'Simplicity is prerequisite for reliability.']);
    expect(cv.skills.skillCategories[0]?.skills).toEqual(['Go']);
  });

  it('reads two columns column by column, the main column going on after a page break', () => {
    const sidebar = (text: string, extra = {}): LineSpec => [text, { column: 0, x: 40, ...extra }];
    const main = (text: string, extra = {}): LineSpec => [text, { column: 1, x: 230, ...extra }];
    const { cv } = read([
      sidebar('Skills', { fontSize: 12, bold: true }),
      sidebar('Figma, Sketch'),
      sidebar('Languages', { fontSize: 12, bold: true }),
      sidebar('English: Native'),
      main('Olivia Brennan', { fontSize: 22, bold: true }),
      main('Brand Designer'),
      main('Experience', { fontSize: 12, bold: true }),
      main('Senior Designer, Harbor Studio', { bold: true }),
      main('2019 – 2023'),
      ['Designer, Lumen Packaging Co.', { page: 2, column: 0, x: 230, bold: true, gapBefore: 0 }],
      ['2016 – 2019', { page: 2, column: 0, x: 230 }],
    ]);
    expect(cv.hero).toEqual({ fullName: 'Olivia Brennan', professionalTitle: 'Brand Designer' });
    expect(cv.skills.skillCategories[0]?.skills).toEqual(['Figma', 'Sketch']);
    expect(cv.languages.items[0]).toMatchObject({ language: 'English', proficiency: 'Native' });
    expect(cv.experience.items.map((job) => [job.jobTitle, job.companyName, job.dateRange?.text])).toEqual([
      ['Senior Designer', 'Harbor Studio', '2019 – 2023'],
      ['Designer', 'Lumen Packaging Co.', '2016 – 2019'],
    ]);
  });
});

describe('entries', () => {
  it('keeps entries whose titles are set larger than small headings in their section', () => {
    // Europass: headings in small capitals at the body's size, each job's dates and title larger.
    const small = (text: string): LineSpec => [text, { gapBefore: 26 }];
    const title = (text: string): LineSpec => [text, { fontSize: 13, gapBefore: 20 }];
    const { cv } = extractOffline(
      documentOf([
        name('Jane Doe'),
        'jane@example.com',
        small('EXPERIENCE'),
        title('2019 – 2023\tLead Engineer'),
        'Acme Corp, London',
        title('2015 – 2019\tEngineer'),
        'Beta Ltd, Leeds',
        small('EDUCATION'),
        title('2011 – 2015\tBSc Physics'),
        'University of Leeds',
      ]),
    );
    expect(cv.experience.items.map((item) => item.jobTitle)).toEqual(['Lead Engineer', 'Engineer']);
    expect(cv.education.items.map((item) => item.institution)).toEqual(['University of Leeds']);
  });

  it("splits entries without bullets at dates written like the first entry's", () => {
    const { cv } = read([...top, heading('Education'), 'MSc in Computer Science, Stanford University', '2014 – 2016', 'BSc in Mathematics, University of Leeds', '2010 – 2014']);
    expect(cv.education.items.map((item) => [item.degree, item.fieldOfStudy, item.institution, item.dateRange?.start, item.dateRange?.end])).toEqual([
      ['MSc', 'Computer Science', 'Stanford University', '2014', '2016'],
      ['BSc', 'Mathematics', 'University of Leeds', '2010', '2014'],
    ]);
  });

  it("keeps a year inside a name in the name and takes the entry's dates from their own line", () => {
    const { cv } = read([...top, heading('Talks'), 'GopherCon UK 2023, Speaker, London', '2023']);
    expect(cv.conferences.items[0]).toMatchObject({ eventName: 'GopherCon UK 2023', role: 'Speaker', location: 'London', date: '2023' });
  });

  it.each([
    ['Senior Engineer, Acme Corp, Berlin', { jobTitle: 'Senior Engineer', companyName: 'Acme Corp', location: 'Berlin' }],
    ['Acme GmbH — Softwareentwickler', { jobTitle: 'Softwareentwickler', companyName: 'Acme GmbH' }],
    ['Data Scientist at Google LLC', { jobTitle: 'Data Scientist', companyName: 'Google LLC' }],
    ["Cheffe de projet chez L'Oréal — Paris", { jobTitle: 'Cheffe de projet', companyName: "L'Oréal" }],
    ['Amazon.com, Inc. — Data Scientist', { jobTitle: 'Data Scientist', companyName: 'Amazon.com, Inc.' }],
    ['Charge Nurse, Cardiac Unit, Bayou Medical Center, Houston', { jobTitle: 'Charge Nurse, Cardiac Unit', companyName: 'Bayou Medical Center', location: 'Houston' }],
    ['Field Logistician, Relief International, Geneva, Switzerland', { jobTitle: 'Field Logistician', companyName: 'Relief International', location: 'Geneva, Switzerland' }],
  ])('tells the job title from the company in %j', (head, expected) => {
    const { cv } = read([...top, heading('Experience'), head, 'Jan 2020 – Present', bullet('Shipped things')]);
    expect(cv.experience.items[0]).toMatchObject({ ...expected, dateRange: { start: '2020-01', end: null, isCurrent: true, text: 'Jan 2020 – Present' } });
  });

  it('files bullets under their labels and reads "Technologies:", team sizes and the employer\'s description', () => {
    const { cv } = read([
      ...top,
      heading('Experience'),
      bold('VP Finance, Cardinal Packaging Group'),
      'Jan 2010 – Mar 2016',
      'Private-equity-owned maker of folding cartons; 14 plants.',
      'Technologies: SAP, Hyperion',
      bullet('Led a finance team of 30 people across the plants.'),
      bold('Key achievements'),
      bullet('Refinanced $800M of debt.'),
    ]);
    expect(cv.experience.items[0]).toMatchObject({
      companyDescription: 'Private-equity-owned maker of folding cartons; 14 plants.',
      technologies: ['SAP', 'Hyperion'],
      responsibilities: ['Led a finance team of 30 people across the plants.'],
      achievements: ['Refinanced $800M of debt.'],
      teamSize: 30,
    });
  });

  it('ends an entry at its contact details when nothing else parts the entries', () => {
    const { cv } = read([
      ...top,
      heading('References'),
      'Prof. Richard Ellison, Professor of Statistical Science, University of Cambridge',
      'PhD advisor',
      're214@cam.ac.uk',
      'Dr. Peter Hale, Senior Group Leader, EMBL-EBI',
      'Postdoctoral supervisor',
      'phale@ebi.ac.uk · +44 1223 494 444',
    ]);
    expect(cv.references.items.map(({ name, title, company, relationship, email, phone }) => ({ name, title, company, relationship, email, phone }))).toEqual([
      { name: 'Prof. Richard Ellison', title: 'Professor of Statistical Science', company: 'University of Cambridge', relationship: 'PhD advisor', email: 're214@cam.ac.uk', phone: undefined },
      { name: 'Dr. Peter Hale', title: 'Senior Group Leader', company: 'EMBL-EBI', relationship: 'Postdoctoral supervisor', email: 'phale@ebi.ac.uk', phone: '+44 1223 494 444' },
    ]);
  });

  it('reads a list of one-line bullets as one entry each', () => {
    const { cv } = read([...top, heading('Certifications'), bullet('AWS Certified Machine Learning – Specialty (2022)'), bullet('Google Professional Data Engineer, Google Cloud, 2020')]);
    expect(cv.certifications.items.map((item) => [item.certificationName, item.issuingOrganization ?? null, item.issueDate])).toEqual([
      ['AWS Certified Machine Learning – Specialty', null, '2022'],
      ['Google Professional Data Engineer', 'Google Cloud', '2020'],
    ]);
  });
});

describe('section parsers', () => {
  it('reads skills: categories, a label over its list, plain lists', () => {
    const { cv } = read([...top, heading('Skills'), 'Languages: Go, Python, TypeScript', 'Cloud (Expert): AWS, GCP', 'Tools:', 'Docker, Terraform', 'CI/CD, TCP/IP']);
    expect(cv.skills.skillCategories.map(({ categoryName, level, skills }) => ({ categoryName, level, skills }))).toEqual([
      { categoryName: 'Languages', level: undefined, skills: ['Go', 'Python', 'TypeScript'] },
      { categoryName: 'Cloud', level: 'Expert', skills: ['AWS', 'GCP'] },
      { categoryName: 'Tools', level: undefined, skills: ['Docker', 'Terraform', 'CI/CD', 'TCP/IP'] },
    ]);
  });

  it('reads an Arabic label left after its Latin skills, in the order drawn, as the label', () => {
    const { cv } = read([...top, heading('Skills'), 'Python, SQL, Apache Airflow, dbt :الأدوات']);
    expect(cv.skills.skillCategories.map(({ categoryName, skills }) => [categoryName, skills])).toEqual([['الأدوات', ['Python', 'SQL', 'Apache Airflow', 'dbt']]]);
  });

  it('reads a level set after a bold category by a dash, and keeps a dash that names no level', () => {
    const { cv } = read([...top, heading('Skills'), bold('Web Development — Master'), 'HTML, CSS, Javascript', bold('Cloud — AWS'), 'Lambda, S3']);
    expect(cv.skills.skillCategories.map(({ categoryName, level }) => [categoryName, level ?? null])).toEqual([
      ['Web Development', 'Master'],
      ['Cloud — AWS', null],
    ]);
  });

  it('reads languages written in the usual ways', () => {
    const { cv } = read([...top, heading('Languages'), 'Spanish — Native', 'English (C1)', 'Deutsch: fließend (C1)', 'French: B2 (DELF B2)', 'Italian, Portuguese']);
    expect(cv.languages.items.map(({ language, proficiency, certifications, nativeLanguage }) => ({ language, proficiency, certifications, nativeLanguage }))).toEqual([
      { language: 'Spanish', proficiency: 'Native', certifications: undefined, nativeLanguage: true },
      { language: 'English', proficiency: 'C1', certifications: undefined, nativeLanguage: undefined },
      { language: 'Deutsch', proficiency: 'fließend (C1)', certifications: undefined, nativeLanguage: undefined },
      { language: 'French', proficiency: 'B2', certifications: ['DELF B2'], nativeLanguage: undefined },
      { language: 'Italian', proficiency: undefined, certifications: undefined, nativeLanguage: undefined },
      { language: 'Portuguese', proficiency: undefined, certifications: undefined, nativeLanguage: undefined },
    ]);
  });

  it('reads a level after a comma as the level of the language before it', () => {
    const { cv } = read([...top, heading('Languages'), 'English, Native speaker', 'Italian, Portuguese']);
    expect(cv.languages.items.map(({ language, proficiency }) => [language, proficiency ?? null])).toEqual([
      ['English', 'Native speaker'],
      ['Italian', null],
      ['Portuguese', null],
    ]);
  });

  it('reads a line naming no language, stacked under a language, as its level', () => {
    const { cv } = read([...top, heading('Languages'), '中文', '母语', '英语', 'CET-6', 'Deutsch', 'Spanish (basic)']);
    expect(cv.languages.items.map(({ language, proficiency }) => [language, proficiency ?? null])).toEqual([
      ['中文', '母语'],
      ['英语', 'CET-6'],
      ['Deutsch', null],
      ['Spanish', 'basic'],
    ]);
  });

  it('keeps a language the names miss, stacked under another, a language', () => {
    const { cv } = read([...top, heading('Languages'), 'English', 'Mandarin', 'Cantonese']);
    expect(cv.languages.items.map(({ language, proficiency }) => [language, proficiency ?? null])).toEqual([
      ['English', null],
      ['Mandarin', null],
      ['Cantonese', null],
    ]);
  });

  it('names a category by the plain line over its items, set in from it, in a font without a bold face', () => {
    const { cv } = read(
      [
        ...top,
        heading('Skills'),
        '编程语言',
        ['Java', { x: 65, listItem: true }],
        ['Go', { x: 65, listItem: true }],
        '中间件',
        ['Kafka', { x: 65, listItem: true }],
        ['Redis', { x: 65, listItem: true }],
      ],
      'pdf',
    );
    expect(cv.skills.skillCategories.map(({ categoryName, skills }) => [categoryName, skills])).toEqual([
      ['编程语言', ['Java', 'Go']],
      ['中间件', ['Kafka', 'Redis']],
    ]);
  });

  it('reads citations in Vancouver, APA and IEEE style', () => {
    const { cv } = read([
      ...top,
      heading('Publications'),
      'Lindqvist S, Ellison R. Borrowing strength across arrays. Biostatistics, 2009. doi:10.1093/biostatistics/kxp021',
      'Smith, J., & Lee, K. (2020). Neural ranking for e-commerce search. Proceedings of SIGIR.',
      'J. Doe and A. Smith, "Fast joins on GPUs," in Proc. VLDB, 2019.',
    ]);
    expect(cv.publications.items.map(({ title, authors, publication, datePublished, doi }) => ({ title, authors, publication, datePublished, doi }))).toEqual([
      { title: 'Borrowing strength across arrays', authors: ['Lindqvist S', 'Ellison R'], publication: 'Biostatistics', datePublished: '2009', doi: '10.1093/biostatistics/kxp021' },
      { title: 'Neural ranking for e-commerce search', authors: ['Smith, J.', 'Lee, K.'], publication: 'Proceedings of SIGIR', datePublished: '2020', doi: undefined },
      { title: 'Fast joins on GPUs', authors: ['J. Doe', 'A. Smith'], publication: 'Proc. VLDB', datePublished: '2019', doi: undefined },
    ]);
  });

  it('reads publications printed as entries: the title with its date beside it, the journal below', () => {
    const { cv } = read([
      ...top,
      heading('Publications'),
      bold('Uncertainty-aware clustering for single-cell atlases\tJan 2024'),
      ['Nature Methods', { gapBefore: 12 }],
      bold('Lineage tracing of colorectal adenomas from somatic mutations\tJan 2023', 26),
      ['Cell Systems', { gapBefore: 12 }],
    ]);
    expect(cv.publications.items.map(({ title, publication, datePublished }) => ({ title, publication, datePublished }))).toEqual([
      { title: 'Uncertainty-aware clustering for single-cell atlases', publication: 'Nature Methods', datePublished: '2024-01' },
      { title: 'Lineage tracing of colorectal adenomas from somatic mutations', publication: 'Cell Systems', datePublished: '2023-01' },
    ]);
  });

  it('reads a group name set larger than the skills under it as their category, though smaller than the body', () => {
    const small = (text: string, fontSize = 8): LineSpec => [text, { fontSize, gapBefore: 11 }];
    const { cv } = read([
      ...top,
      heading('Profile'),
      'Statistician working on single-cell genomics for fifteen years, now leading a lab.',
      'Author of sixty papers and of two widely used open-source packages.',
      heading('Skills'),
      small('Methods', 9),
      small('Variational inference'),
      small('Phylogenetics'),
      small('Software', 9),
      small('Python'),
      small('Stan'),
    ]);
    expect(cv.skills.skillCategories.map(({ categoryName, skills }) => [categoryName, skills])).toEqual([
      ['Methods', ['Variational inference', 'Phylogenetics']],
      ['Software', ['Python', 'Stan']],
    ]);
  });

  it('reads patents by their numbers', () => {
    const { cv } = read([
      ...top,
      heading('Patents'),
      'Error correction of cell barcodes, GB 2585711 B granted 2021',
      'Inventors: S. Lindqvist, K. Brandt',
      bold('Method for estimating cell proportions'),
      'US 11,236,473 B2 | granted 2022-02-01',
    ]);
    expect(cv.patents.items.map(({ title, patentNumber, dateGranted, inventors }) => ({ title, patentNumber, dateGranted, inventors }))).toEqual([
      { title: 'Error correction of cell barcodes', patentNumber: 'GB 2585711 B', dateGranted: '2021', inventors: ['S. Lindqvist', 'K. Brandt'] },
      { title: 'Method for estimating cell proportions', patentNumber: 'US 11,236,473 B2', dateGranted: '2022-02', inventors: undefined },
    ]);
  });

  it('reads testimonials and references, each by its form', () => {
    const { cv } = read([
      ...top,
      heading('Recommendations'),
      '“Daniel rebuilt our settlement pipeline and made the team better.”',
      '— Priya Shah, CTO, Ledgerline (former manager), 2023',
      heading('References'),
      bold('Dr. Samuel Ortiz'),
      'Medical Director, Emergency Department, Gulf Coast Regional Hospital',
      'Worked together for 4 years',
      's.ortiz@gulfcoast.org · (281) 555-0136',
    ]);
    expect(cv.testimonials.items[0]).toMatchObject({
      testimonialText: 'Daniel rebuilt our settlement pipeline and made the team better.',
      authorName: 'Priya Shah',
      authorTitle: 'CTO',
      authorCompany: 'Ledgerline',
      relationshipToCandidate: 'former manager',
      dateGiven: '2023',
    });
    expect(cv.references.items[0]).toMatchObject({
      name: 'Dr. Samuel Ortiz',
      title: 'Medical Director, Emergency Department',
      company: 'Gulf Coast Regional Hospital',
      relationship: 'Worked together for 4 years',
      yearsKnown: 4,
      email: 's.ortiz@gulfcoast.org',
      phone: '(281) 555-0136',
    });
  });

  it('marks entries under a volunteering heading as volunteering', () => {
    const { cv } = read([...top, heading('Voluntariado'), 'Cruz Roja, Voluntaria', 'desde 2019']);
    expect(cv.memberships.items[0]).toMatchObject({ organizationName: 'Cruz Roja', position: 'Voluntaria', membershipType: 'volunteer', startDate: '2019', startDateText: '2019' });
  });

  it('reads a course whose provider the layout sets above it, and one set below', () => {
    const { cv } = read([
      ...top,
      heading('Courses'),
      'Interaction Design Foundation',
      'Accessibility: How to Design for All\t2023',
      ['Introduction to University Teaching', { gapBefore: 26 }],
      'Coursera\t2022',
    ]);
    expect(cv.courses.items.map(({ courseName, provider, completionDate }) => ({ courseName, provider, completionDate }))).toEqual([
      { courseName: 'Accessibility: How to Design for All', provider: 'Interaction Design Foundation', completionDate: '2023' },
      { courseName: 'Introduction to University Teaching', provider: 'Coursera', completionDate: '2022' },
    ]);
  });

  it('reads publications listed as entries, not cited: title, venue, date and summary', () => {
    const { cv } = read([
      ...top,
      heading('Publications'),
      bold('Uncertainty-aware clustering for single-cell atlases\tJan 2024'),
      'Nature Methods',
      bold('Video compression for 3d media'),
      'Published by Hooli',
      'Oct 2014',
      'Innovative middle-out compression algorithm that changes the way we store data.',
    ]);
    expect(cv.publications.items.map(({ title, publication, datePublished, abstract }) => ({ title, publication, datePublished, abstract }))).toEqual([
      { title: 'Uncertainty-aware clustering for single-cell atlases', publication: 'Nature Methods', datePublished: '2024-01', abstract: undefined },
      { title: 'Video compression for 3d media', publication: 'Hooli', datePublished: '2014-10', abstract: 'Innovative middle-out compression algorithm that changes the way we store data.' },
    ]);
    // A short citation without authors is still a citation.
    const cited = read([...top, heading('Publications'), 'Video compression for 3d media. Hooli, Oct 2014', 'Innovative middle-out compression algorithm that changes the way we store data.']);
    expect(cited.cv.publications.items.map(({ title, publication, datePublished }) => ({ title, publication, datePublished }))).toEqual([
      { title: 'Video compression for 3d media', publication: 'Hooli', datePublished: '2014-10' },
    ]);
  });

  it('reads each referee from the name that opens it, whatever the spacing says, and a word of recommendation as such', () => {
    const fields = (items: Record<string, unknown>[]) => items.map(({ name, title, company, relationship, email, referenceText }) => ({ name, title, company, relationship, email, referenceText }));
    // Two referees written as moderncv does, the second's relationship set apart as if an entry of its own.
    const { cv } = read([
      ...top,
      heading('References'),
      'Prof. Richard Ellison, Professor of Statistical Science, University of Cambridge.',
      'PhD advisor',
      're214@cam.ac.uk',
      'Prof. Aisha Bello, Head of the School of Biological Sciences, EMBL-EBI.',
      ['Head of school', { gapBefore: 26 }],
      'aisha.bello@ed.ac.uk',
    ]);
    expect(fields(cv.references.items)).toEqual([
      { name: 'Prof. Richard Ellison', title: 'Professor of Statistical Science', company: 'University of Cambridge', relationship: 'PhD advisor', email: 're214@cam.ac.uk', referenceText: undefined },
      { name: 'Prof. Aisha Bello', title: 'Head of the School of Biological Sciences', company: 'EMBL-EBI', relationship: 'Head of school', email: 'aisha.bello@ed.ac.uk', referenceText: undefined },
    ]);
    const praise = 'It is my pleasure to recommend Richard, his work as a consultant proved that he will be a valuable addition to any company.';
    // Names signed with a dash, one to a line; words of recommendation before a signature, or after a name.
    const signed = read([...top, heading('References'), '— Prof. Richard Ellison', '— Dr. Peter Hale', heading('Referees'), praise, ['— Erlich Bachman', { gapBefore: 26 }]]);
    const named = read([...top, heading('References'), 'Erlich Bachman', praise, ['Prof. Aisha Bello', { gapBefore: 26 }], 'Head of the School of Biological Sciences, University of Edinburgh']);
    expect(signed.cv.references.items.map(({ name, referenceText }) => ({ name, referenceText }))).toEqual([
      { name: 'Prof. Richard Ellison', referenceText: undefined },
      { name: 'Dr. Peter Hale', referenceText: undefined },
      { name: 'Erlich Bachman', referenceText: praise },
    ]);
    expect(named.cv.references.items.map(({ name, title, company, referenceText }) => ({ name, title, company, referenceText }))).toEqual([
      { name: 'Erlich Bachman', title: undefined, company: undefined, referenceText: praise },
      { name: 'Prof. Aisha Bello', title: 'Head of the School of Biological Sciences', company: 'University of Edinburgh', referenceText: undefined },
    ]);
  });

  it('leaves "available upon request" out of the references and keeps it as unclassified', () => {
    const { cv, unclassifiedText } = read([...top, heading('References'), 'Available upon request']);
    expect(cv.references.items).toEqual([]);
    expect(unclassifiedText).toEqual(['Available upon request']);
  });
});

describe('the result', () => {
  it('gives every section it filled a confidence between 0 and 1, more for clear headings and complete entries', () => {
    const { confidence } = read([...top, heading('Experience'), 'Engineer, Acme Corp', '2019 – 2021', heading('Skills'), 'Go']);
    expect(Object.keys(confidence).sort()).toEqual(['contact', 'experience', 'hero', 'skills']);
    for (const value of Object.values(confidence)) expect(value).toBeGreaterThan(0);
    for (const value of Object.values(confidence)) expect(value).toBeLessThanOrEqual(1);
  });

  it('copies every value from the text', () => {
    const specs: LineSpec[] = [...top, heading('Experience'), bold('Lead Engineer, Acme Corp'), 'Mar 2021 – Present', bullet('Led a team of 6'), heading('Languages'), 'English — Native'];
    const { cv } = read(specs);
    const text = documentOf(specs).plainText;
    const values: string[] = [];
    JSON.stringify(cv, (key, value: unknown) => {
      if (typeof value === 'string' && !['id', 'sectionTitle', 'start', 'end'].includes(key)) values.push(value);
      return value;
    });
    expect(values.length).toBeGreaterThanOrEqual(8);
    for (const value of values) expect(text).toContain(value);
  });
});
