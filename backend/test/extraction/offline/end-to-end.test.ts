import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { OfflineExtractor } from '../../../src/extraction/extractors/offline/offline-extractor';
import { assertLooksLikeCv } from '../../../src/extraction/gate/cv-gate';
import { keepOnlySourcedValues } from '../../../src/extraction/source-check';
import type { DocumentKind } from '../../../src/extraction/text/document-text';
import { extractText } from '../../../src/extraction/text/extract-text';

// Files made here with pdf-lib and docx, read by the real text extraction, then the gate,
// the offline extractor and the source check, as the pipeline runs them.

async function extract(file: Buffer, kind: DocumentKind) {
  const document = await extractText(file, kind);
  assertLooksLikeCv(document);
  const result = await new OfflineExtractor().extract(document);
  const { cv, rejected } = keepOnlySourcedValues(result.cv, document.plainText);
  return { cv, rejected, unclassified: result.unclassifiedText };
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

async function pdf(draw: (page: PDFPage, fonts: Fonts) => void): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const fonts = { regular: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold) };
  draw(doc.addPage([595, 842]), fonts);
  return Buffer.from(await doc.save());
}

const write = (page: PDFPage, font: PDFFont, size: number, x: number, top: number, text: string) => page.drawText(text, { x, y: page.getHeight() - top, size, font });

/** One column: dates flush right on the title's line, bullets drawn as glyphs, a wrapped summary. */
function oneColumnPdf(): Promise<Buffer> {
  return pdf((page, { regular, bold }) => {
    let top = 70;
    const line = (font: PDFFont, size: number, text: string, gap = 14, x = 50) => write(page, font, size, x, (top += gap), text);
    line(bold, 24, 'Daniel Okafor', 0);
    line(regular, 12, 'Senior Software Engineer', 26);
    line(regular, 10, 'daniel.okafor@fastmail.com · +44 7700 900431 · London, United Kingdom · github.com/dokafor', 18);
    line(bold, 13, 'PROFILE', 30);
    // Wrapped where the next word no longer fits before the right edge (x 540).
    line(regular, 10, 'Backend engineer with 11 years of experience building payment and logistics platforms in Go, Java and', 20);
    line(regular, 10, 'TypeScript, from the data model to the on-call rota.', 13);
    line(bold, 13, 'EXPERIENCE', 30);
    line(bold, 10, 'Senior Software Engineer, Ledgerline Payments, London', 20);
    write(page, regular, 10, 450, top, 'Mar 2021 – Present');
    line(regular, 10, '• Lead a team of 6 engineers owning the card authorisation service.', 15);
    line(regular, 10, '• Redesigned the settlement pipeline as event streams on Kafka.', 15);
    line(bold, 10, 'Software Engineer II, Parcelwise, Manchester', 21);
    write(page, regular, 10, 450, top, 'Jun 2017 – Feb 2021');
    line(regular, 10, '• Built the route-optimisation API in Java and Spring Boot.', 15);
    line(bold, 13, 'EDUCATION', 30);
    line(bold, 10, 'BSc (Hons) in Computer Science, University of Leeds', 20);
    write(page, regular, 10, 450, top, '2010 – 2013');
    line(bold, 13, 'SKILLS', 30);
    line(regular, 10, 'Languages: Go, Java, TypeScript, Python', 20);
    line(regular, 10, 'Infrastructure: AWS, Kubernetes, Terraform', 15);
  });
}

/** A sidebar (contact, skills, languages) beside the main column, whose bullets are drawn without glyphs. */
function sidebarPdf(): Promise<Buffer> {
  return pdf((page, { regular, bold }) => {
    const side = [
      [bold, 11, 'Contact'],
      [regular, 9.5, 'olivia@brennan.studio'],
      [regular, 9.5, '(917) 555-0133'],
      [regular, 9.5, 'Brooklyn, NY'],
      [bold, 11, 'Skills'],
      [regular, 9.5, 'Figma, Illustrator'],
      [regular, 9.5, 'Packaging, Typography'],
      [bold, 11, 'Languages'],
      [regular, 9.5, 'English: Native'],
      [regular, 9.5, 'Italian: Intermediate'],
    ] as const;
    side.forEach(([font, size, text], index) => write(page, font, size, 40, 90 + index * 20, text));
    const main = [
      [bold, 22, 'Olivia Brennan', 220],
      [regular, 12, 'Brand & Visual Designer', 220],
      [bold, 13, 'Experience', 220],
      [bold, 9.5, 'Senior Designer', 220],
      [regular, 9.5, 'Harbor & Hive Creative | Jan 2020 – Present', 220],
      [regular, 9.5, 'Led identity projects for 14 consumer brands.', 236],
      [regular, 9.5, 'Built the studio packaging system.', 236],
      [bold, 9.5, 'Designer', 220],
      [regular, 9.5, 'Lumen Packaging Co. | Jun 2016 – Dec 2019', 220],
      [regular, 9.5, 'Designed packaging for 40 products.', 236],
      [bold, 13, 'Education', 220],
      [bold, 9.5, 'BFA in Graphic Design', 220],
      [regular, 9.5, 'Rhode Island School of Design | 2012 – 2016', 220],
    ] as const;
    main.forEach(([font, size, text, x], index) => write(page, font, size, x, 90 + index * 22, text));
  });
}

/** Word's own headings and bullets. */
function classicDocx(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: 'María López', heading: HeadingLevel.TITLE }),
          new Paragraph({ children: [new TextRun('Ingeniera de datos')] }),
          new Paragraph({ children: [new TextRun('maria.lopez@example.es · +34 612 345 678 · Madrid, España')] }),
          new Paragraph({ text: 'Experiencia laboral', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun({ text: 'Ingeniera de datos', bold: true }), new TextRun(', Streamly, Madrid')] }),
          new Paragraph({ children: [new TextRun({ text: 'ene. 2020 – actualidad', italics: true })] }),
          new Paragraph({ children: [new TextRun({ text: 'Tecnologías: ', bold: true }), new TextRun('Python, Kafka, dbt')] }),
          new Paragraph({ text: 'Construcción del pipeline de eventos con Kafka', bullet: { level: 0 } }),
          new Paragraph({ text: 'Coordinación de un equipo de 3 analistas', bullet: { level: 0 } }),
          new Paragraph({ text: 'Formación', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun({ text: 'Grado en Matemáticas', bold: true }), new TextRun(', Universidad de Sevilla')] }),
          new Paragraph({ children: [new TextRun({ text: '2012 – 2016', italics: true })] }),
          new Paragraph({ text: 'Idiomas', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('Español: nativo'),
          new Paragraph('Inglés: C1'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** A two-cell table: the sidebar cell, then the main cell with the name. */
function tableDocx(): Promise<Buffer> {
  const cell = (children: Paragraph[]) => new TableCell({ children, width: { size: 50, type: WidthType.PERCENTAGE } });
  const doc = new Document({
    sections: [
      {
        children: [
          new Table({
            rows: [
              new TableRow({
                children: [
                  cell([
                    new Paragraph({ text: 'Kontakt', heading: HeadingLevel.HEADING_2 }),
                    new Paragraph('anna.mueller@web.de'),
                    new Paragraph('+49 30 1234567'),
                    new Paragraph('Stuttgart'),
                    new Paragraph({ text: 'Sprachen', heading: HeadingLevel.HEADING_2 }),
                    new Paragraph('Deutsch: Muttersprache'),
                    new Paragraph('Englisch: fließend'),
                  ]),
                  cell([
                    new Paragraph({ children: [new TextRun({ text: 'Anna Müller', bold: true, size: 44 })] }),
                    new Paragraph({ children: [new TextRun('Entwicklungsingenieurin')], alignment: AlignmentType.LEFT }),
                    new Paragraph({ text: 'Berufserfahrung', heading: HeadingLevel.HEADING_2 }),
                    new Paragraph({ children: [new TextRun({ text: 'Entwicklungsingenieurin', bold: true })] }),
                    new Paragraph('Neckar Antriebstechnik GmbH | seit 03/2020'),
                    new Paragraph({ text: 'Konstruktion von Getriebegehäusen in CATIA V5', bullet: { level: 0 } }),
                  ]),
                ],
              }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

describe('offline extraction of real files', () => {
  it('reads a one-column PDF', async () => {
    const { cv, rejected } = await extract(await oneColumnPdf(), 'pdf');
    expect(rejected).toEqual([]);
    expect(cv.hero).toEqual({ fullName: 'Daniel Okafor', professionalTitle: 'Senior Software Engineer' });
    expect(cv.contact).toMatchObject({ email: 'daniel.okafor@fastmail.com', phone: '+44 7700 900431', location: { city: 'London', country: 'United Kingdom' } });
    expect(cv.summary).toEqual({
      summaryText: 'Backend engineer with 11 years of experience building payment and logistics platforms in Go, Java and TypeScript, from the data model to the on-call rota.',
      yearsOfExperience: 11,
    });
    expect(cv.experience.items.map((job) => [job.jobTitle, job.companyName, job.location, job.dateRange?.text, job.responsibilities])).toEqual([
      [
        'Senior Software Engineer',
        'Ledgerline Payments',
        'London',
        'Mar 2021 – Present',
        ['Lead a team of 6 engineers owning the card authorisation service.', 'Redesigned the settlement pipeline as event streams on Kafka.'],
      ],
      ['Software Engineer II', 'Parcelwise', 'Manchester', 'Jun 2017 – Feb 2021', ['Built the route-optimisation API in Java and Spring Boot.']],
    ]);
    expect(cv.education.items[0]).toMatchObject({ degree: 'BSc (Hons)', fieldOfStudy: 'Computer Science', institution: 'University of Leeds', dateRange: { start: '2010', end: '2013' } });
    expect(cv.skills.skillCategories.map((category) => [category.categoryName, category.skills])).toEqual([
      ['Languages', ['Go', 'Java', 'TypeScript', 'Python']],
      ['Infrastructure', ['AWS', 'Kubernetes', 'Terraform']],
    ]);
  });

  it('reads a two-column PDF with a sidebar and bullets drawn as graphics', async () => {
    const { cv, rejected } = await extract(await sidebarPdf(), 'pdf');
    expect(rejected).toEqual([]);
    expect(cv.hero).toEqual({ fullName: 'Olivia Brennan', professionalTitle: 'Brand & Visual Designer' });
    expect(cv.contact).toEqual({ email: 'olivia@brennan.studio', phone: '(917) 555-0133', location: { city: 'Brooklyn', state: 'NY' } });
    expect(cv.skills.skillCategories.flatMap((category) => category.skills)).toEqual(['Figma', 'Illustrator', 'Packaging', 'Typography']);
    expect(cv.languages.items.map((item) => [item.language, item.proficiency])).toEqual([
      ['English', 'Native'],
      ['Italian', 'Intermediate'],
    ]);
    expect(cv.experience.items.map((job) => [job.jobTitle, job.companyName, job.dateRange?.start, job.responsibilities])).toEqual([
      ['Senior Designer', 'Harbor & Hive Creative', '2020-01', ['Led identity projects for 14 consumer brands.', 'Built the studio packaging system.']],
      ['Designer', 'Lumen Packaging Co.', '2016-06', ['Designed packaging for 40 products.']],
    ]);
    expect(cv.education.items[0]).toMatchObject({ degree: 'BFA', fieldOfStudy: 'Graphic Design', institution: 'Rhode Island School of Design' });
  });

  it('reads a Word CV with styled headings and list bullets', async () => {
    const { cv, rejected } = await extract(await classicDocx(), 'docx');
    expect(rejected).toEqual([]);
    expect(cv.hero).toEqual({ fullName: 'María López', professionalTitle: 'Ingeniera de datos' });
    expect(cv.contact).toEqual({ email: 'maria.lopez@example.es', phone: '+34 612 345 678', location: { city: 'Madrid', country: 'España' } });
    expect(cv.experience).toMatchObject({
      sectionTitle: 'Experiencia laboral',
      items: [
        {
          jobTitle: 'Ingeniera de datos',
          companyName: 'Streamly',
          location: 'Madrid',
          dateRange: { start: '2020-01', end: null, isCurrent: true, text: 'ene. 2020 – actualidad' },
          technologies: ['Python', 'Kafka', 'dbt'],
          responsibilities: ['Construcción del pipeline de eventos con Kafka', 'Coordinación de un equipo de 3 analistas'],
          teamSize: 3,
        },
      ],
    });
    expect(cv.education.items[0]).toMatchObject({ degree: 'Grado', fieldOfStudy: 'Matemáticas', institution: 'Universidad de Sevilla' });
    expect(cv.languages.items.map((item) => [item.language, item.proficiency, item.nativeLanguage ?? false])).toEqual([
      ['Español', 'nativo', true],
      ['Inglés', 'C1', false],
    ]);
  });

  it('finds the name a table put after the sidebar cell', async () => {
    const { cv, rejected } = await extract(await tableDocx(), 'docx');
    expect(rejected).toEqual([]);
    expect(cv.hero).toEqual({ fullName: 'Anna Müller', professionalTitle: 'Entwicklungsingenieurin' });
    expect(cv.contact).toEqual({ email: 'anna.mueller@web.de', phone: '+49 30 1234567', location: { city: 'Stuttgart' } });
    expect(cv.languages.items.map((item) => item.language)).toEqual(['Deutsch', 'Englisch']);
    expect(cv.experience.items[0]).toMatchObject({
      jobTitle: 'Entwicklungsingenieurin',
      companyName: 'Neckar Antriebstechnik GmbH',
      dateRange: { start: '2020-03', end: null, isCurrent: true, text: 'seit 03/2020' },
      responsibilities: ['Konstruktion von Getriebegehäusen in CATIA V5'],
    });
  });
});
