import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { emptyCv, type Cv, type DateRange } from '@r2w/cv-schema';
import { writeFamily, type FamilyDocument } from './family-files';
import { convert, documentText } from './libreoffice';
import { pdfTexts, PrintedText, printedTruth } from './printed-truth';
import { pick, printedLanguages, unlabelledBullets } from './reading';
import type { SourceCv } from './source-cvs';

// The libreoffice-datecol family: CVs typed in Writer the way a European "Lebenslauf" is often
// typed, with no heading or list styles at all: section titles are Standard paragraphs given
// bold, letter-spaced small capitals by hand; every entry is a paragraph with a hanging indent
// whose first line holds the dates, then a tab to the text column; bullets are "–" typed at the
// start of indented paragraphs; contact details are "Label:<tab>value" lines; skills and
// languages put their category in the date column. LibreOffice typesets it and exports it to
// PDF and DOCX, as for the other libreoffice-* families (libreoffice.ts).

type Heading = 'summary' | 'experience' | 'education' | 'skills' | 'languages' | 'projects' | 'awards' | 'certifications' | 'publications' | 'hobbies';
type ContactLabel = 'phone' | 'email' | 'address' | 'web';

interface Words {
  headings: Record<Heading, string>;
  contact: Record<ContactLabel, string>;
  page: string;
}

// Headings as people write them in each language, not the extractor's word lists.
const WORDS: Record<string, Words> = {
  en: {
    headings: {
      summary: 'Personal Statement',
      experience: 'Employment',
      education: 'Education and Training',
      skills: 'Skills',
      languages: 'Languages',
      projects: 'Projects',
      awards: 'Honours',
      certifications: 'Certificates',
      publications: 'Publications',
      hobbies: 'Interests',
    },
    contact: { phone: 'Phone', email: 'Email', address: 'Address', web: 'Web' },
    page: 'Page',
  },
  de: {
    headings: {
      summary: 'Profil',
      experience: 'Berufserfahrung',
      education: 'Ausbildung',
      skills: 'Kenntnisse',
      languages: 'Sprachen',
      projects: 'Projekte',
      awards: 'Auszeichnungen',
      certifications: 'Weiterbildung',
      publications: 'Veröffentlichungen',
      hobbies: 'Interessen',
    },
    contact: { phone: 'Telefon', email: 'E-Mail', address: 'Anschrift', web: 'Web' },
    page: 'Seite',
  },
  es: {
    headings: {
      summary: 'Perfil',
      experience: 'Experiencia laboral',
      education: 'Formación académica',
      skills: 'Habilidades',
      languages: 'Idiomas',
      projects: 'Proyectos',
      awards: 'Premios',
      certifications: 'Cursos y certificados',
      publications: 'Publicaciones',
      hobbies: 'Intereses',
    },
    contact: { phone: 'Teléfono', email: 'Correo', address: 'Dirección', web: 'Web' },
    page: 'Página',
  },
  fr: {
    headings: {
      summary: 'Profil',
      experience: 'Expériences professionnelles',
      education: 'Formation',
      skills: 'Compétences',
      languages: 'Langues',
      projects: 'Projets',
      awards: 'Prix',
      certifications: 'Certificats',
      publications: 'Publications',
      hobbies: 'Loisirs',
    },
    contact: { phone: 'Téléphone', email: 'E-mail', address: 'Adresse', web: 'Web' },
    page: 'Page',
  },
  he: {
    headings: {
      summary: 'פרופיל',
      experience: 'ניסיון תעסוקתי',
      education: 'השכלה',
      skills: 'כישורים',
      languages: 'שפות',
      projects: 'פרויקטים',
      awards: 'פרסים',
      certifications: 'תעודות',
      publications: 'פרסומים',
      hobbies: 'תחומי עניין',
    },
    contact: { phone: 'טלפון', email: 'דוא״ל', address: 'כתובת', web: 'אתר' },
    page: 'עמוד',
  },
};

const RTL = new Set(['he', 'ar']);
const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const p = (style: string, ...runs: string[]) => `<text:p text:style-name="${style}">${runs.join('')}</text:p>`;
const bold = (text: string) => `<text:span text:style-name="Bold">${xml(text)}</text:span>`;
const italic = (text: string) => `<text:span text:style-name="Italic">${xml(text)}</text:span>`;
const TAB = '<text:tab/>';
const present = (values: (string | null | undefined)[]) => values.filter((value): value is string => Boolean(value?.trim()));
const dates = (range: DateRange | null | undefined) => range?.text ?? '';

/** A hanging-indent row: the left column (dates, a category), a tab, then the text. */
const row = (left: string, ...text: string[]) => p('Row', xml(left), TAB, ...text);
/** Lines under a row's first line, in its text column. */
const more = (text: string) => p('More', xml(text));
/** A bullet typed by hand: a dash and a space at the start of an indented paragraph. */
const dash = (text: string) => p('More', xml(`– ${text}`));

/**
 * What a careful reader files from the page: only the fields this layout prints, and the numbers
 * and names its text states (years of experience, a team's size, a link's platform), so a name
 * printed as an author does not make an unprinted patent's inventor true; a job's bullets,
 * printed with no label, all its responsibilities (the project's convention).
 */
export function datecolReading(cv: Cv): Cv {
  const reading = emptyCv();
  reading.hero = pick(cv.hero, ['fullName', 'professionalTitle']);
  reading.contact = { ...pick(cv.contact, ['email', 'phone', 'professionalLinks']), location: cv.contact.location ? pick(cv.contact.location, ['city', 'state', 'country']) : null };
  reading.contact.professionalLinks = cv.contact.professionalLinks?.map((link) => pick(link, ['url', 'platform']));
  reading.summary = pick(cv.summary, ['summaryText', 'yearsOfExperience']);
  reading.experience.items = cv.experience.items.map((job) => ({ ...pick(job, ['jobTitle', 'companyName', 'location', 'dateRange', 'summary', 'teamSize']), ...unlabelledBullets(job) }));
  reading.education.items = cv.education.items.map((study) => pick(study, ['id', 'degree', 'fieldOfStudy', 'institution', 'location', 'dateRange', 'gpa', 'thesis']));
  reading.skills.skillCategories = cv.skills.skillCategories.map((category) => pick(category, ['id', 'categoryName', 'skills']));
  reading.languages.items = printedLanguages(cv);
  reading.certifications.items = cv.certifications.items.map((cert) => pick(cert, ['id', 'issueDate', 'certificationName', 'issuingOrganization']));
  reading.projects.items = cv.projects.items.map((project) => pick(project, ['id', 'title', 'dateRange', 'description', 'projectUrl', 'teamSize']));
  reading.publications.items = cv.publications.items.map((publication) => pick(publication, ['id', 'datePublished', 'authors', 'title', 'publication']));
  reading.awards.items = cv.awards.items.map((award) => pick(award, ['id', 'dateReceived', 'awardName', 'issuingOrganization']));
  reading.hobbies.items = cv.hobbies.items.map((hobby) => pick(hobby, ['id', 'hobbyName']));
  return reading;
}

function sections(cv: Cv, words: Words): string {
  const h = (key: Heading) => p('Rubric', xml(words.headings[key]));
  const out: string[] = [];
  if (cv.summary.summaryText) out.push(h('summary'), p('Body', xml(cv.summary.summaryText)));
  if (cv.experience.items.length > 0) {
    out.push(h('experience'));
    for (const job of cv.experience.items) {
      out.push(row(dates(job.dateRange), bold(job.jobTitle ?? ''), xml(present([job.companyName, job.location]).length > 0 ? `, ${present([job.companyName, job.location]).join(', ')}` : '')));
      if (job.summary) out.push(more(job.summary));
      for (const bullet of [...(job.responsibilities ?? []), ...(job.achievements ?? [])]) out.push(dash(bullet));
    }
  }
  if (cv.education.items.length > 0) {
    out.push(h('education'));
    for (const study of cv.education.items) {
      out.push(row(dates(study.dateRange), bold(present([study.degree, study.fieldOfStudy]).join(' ')), ''));
      const school = present([study.institution, study.location]).join(', ');
      if (school) out.push(p('More', italic(school)));
      if (study.gpa) out.push(more(`GPA ${study.gpa}`));
      if (study.thesis) out.push(more(study.thesis));
    }
  }
  if (cv.skills.skillCategories.length > 0) {
    out.push(h('skills'));
    for (const category of cv.skills.skillCategories) out.push(row(category.categoryName ?? '', xml((category.skills ?? []).join(', '))));
  }
  if (cv.languages.items.length > 0) {
    out.push(h('languages'));
    for (const item of cv.languages.items) out.push(row(item.language ?? '', xml(item.proficiency ?? '')));
  }
  if (cv.certifications.items.length > 0) {
    out.push(h('certifications'));
    for (const cert of cv.certifications.items) out.push(row(cert.issueDate ?? '', xml(present([cert.certificationName, cert.issuingOrganization]).join(', '))));
  }
  if (cv.projects.items.length > 0) {
    out.push(h('projects'));
    for (const project of cv.projects.items) {
      out.push(row(dates(project.dateRange), bold(project.title ?? '')));
      for (const text of present([project.description, project.projectUrl])) out.push(more(text));
    }
  }
  if (cv.publications.items.length > 0) {
    out.push(h('publications'));
    for (const publication of cv.publications.items)
      out.push(row(publication.datePublished ?? '', xml(present([(publication.authors ?? []).join(', '), publication.title, publication.publication]).join('. '))));
  }
  if (cv.awards.items.length > 0) {
    out.push(h('awards'));
    for (const award of cv.awards.items) out.push(row(award.dateReceived ?? '', xml(present([award.awardName, award.issuingOrganization]).join(', '))));
  }
  if (cv.hobbies.items.length > 0) out.push(h('hobbies'), p('Body', xml(present(cv.hobbies.items.map((hobby) => hobby.hobbyName)).join(', '))));
  return out.join('');
}

function titleBlock(cv: Cv, words: Words): string {
  const location = present([cv.contact.location?.city, cv.contact.location?.state, cv.contact.location?.country]).join(', ');
  const contact: [ContactLabel, string | null | undefined][] = [
    ['phone', cv.contact.phone],
    ['email', cv.contact.email],
    ['address', location],
    ...(cv.contact.professionalLinks ?? []).map((link): [ContactLabel, string | null | undefined] => ['web', link.url]),
  ];
  return (
    p('Name', xml(cv.hero.fullName ?? '')) +
    (cv.hero.professionalTitle ? p('Headline', xml(cv.hero.professionalTitle)) : '') +
    contact
      .filter(([, value]) => value)
      .map(([label, value]) => p('ContactRow', xml(`${words.contact[label]}:`), TAB, xml(value ?? '')))
      .join('')
  );
}

/** A flat ODT file: only the Standard style and hand-made paragraph styles, a footer with the name and page. */
export function datecolOdt(source: SourceCv): string {
  const rtl = RTL.has(source.lang);
  const words = WORDS[source.lang] ?? WORDS.en!;
  const direction = rtl ? ' style:writing-mode="rl-tb"' : '';
  const align = rtl ? 'end' : 'start';
  const paragraph = (name: string, props: string, textProps = '', inner = '') =>
    `<style:style style:name="${name}" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties${props.includes('fo:text-align') ? '' : ` fo:text-align="${align}"`}${direction} ${props}>${inner}</style:paragraph-properties><style:text-properties ${textProps}/></style:style>`;
  // Tab positions are relative to the paragraph's indent: 0 is the text column of a hanging indent.
  const columnTab = `<style:tab-stops><style:tab-stop style:position="0cm"/></style:tab-stops>`;
  const hanging = 'fo:margin-left="4cm" fo:text-indent="-4cm"';
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:styles>
<style:style style:name="Standard" style:family="paragraph"><style:paragraph-properties${direction}/><style:text-properties style:font-name="Liberation Serif" fo:font-size="10.5pt" style:font-name-complex="Liberation Serif"/></style:style>
${paragraph('Name', 'fo:margin-bottom="0.05cm"', 'fo:font-size="20pt" fo:letter-spacing="0.05cm"')}
${paragraph('Headline', 'fo:margin-bottom="0.25cm"', 'fo:font-style="italic" fo:font-size="12pt"')}
${paragraph('ContactRow', 'fo:margin-left="2.5cm" fo:text-indent="-2.5cm"', 'fo:font-size="9.5pt"', columnTab)}
${paragraph('Rubric', 'fo:margin-top="0.45cm" fo:margin-bottom="0.15cm"', 'fo:font-variant="small-caps" fo:font-weight="bold" fo:letter-spacing="0.06cm" fo:font-size="11.5pt" style:font-weight-complex="bold"')}
${paragraph('Body', 'fo:margin-bottom="0.1cm" fo:text-align="justify"')}
${paragraph('Row', `${hanging} fo:margin-top="0.12cm"`, '', columnTab)}
${paragraph('More', 'fo:margin-left="4cm"')}
${paragraph('Footer', 'fo:text-align="end"', 'fo:font-size="8pt" fo:color="#666666"')}
<style:style style:name="Bold" style:family="text"><style:text-properties fo:font-weight="bold" style:font-weight-complex="bold"/></style:style>
<style:style style:name="Italic" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="Page"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="1.2cm" fo:margin-left="2.2cm" fo:margin-right="2.2cm"${direction}/><style:footer-style><style:header-footer-properties fo:margin-top="0.3cm"/></style:footer-style></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="Page">
<style:footer>${p('Footer', xml(`${source.cv.hero.fullName ?? ''} – ${words.page} `), '<text:page-number text:select-page="current">1</text:page-number>')}</style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>${titleBlock(source.cv, words)}${sections(source.cv, words)}</office:text></office:body>
</office:document>
`;
}

export const DATECOL_CVS = ['mechanical-engineer', 'data-analyst', 'marketing-manager', 'academic-professor', 'new-graduate', 'product-manager'];

export function renderDatecolFamily(cvs: SourceCv[], outDir: string, only: (family: string) => boolean): void {
  const family = 'libreoffice-datecol';
  if (!only(family)) return;
  const folder = path.join(outDir, family);
  const work = mkdtempSync(path.join(os.tmpdir(), 'r2w-libreoffice-'));
  try {
    const sources = DATECOL_CVS.map((name) => {
      const source = cvs.find((cv) => cv.name === name);
      if (!source) throw new Error(`${family}: no source CV named ${name}`);
      return source;
    });
    for (const source of sources) writeFileSync(path.join(work, `${source.name}.fodt`), datecolOdt(source));
    convert(work, 'pdf');
    convert(work, 'docx');
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    const documents: FamilyDocument[] = sources.map((source) => {
      for (const format of ['pdf', 'docx']) renameSync(path.join(work, `${source.name}.${format}`), path.join(folder, `${source.name}.${format}`));
      // As in libreoffice.ts: the text written into the document decides what it prints, then the PDF is read back.
      const { truth, dropped } = printedTruth(datecolReading(source.cv), new PrintedText([documentText(readFileSync(path.join(work, `${source.name}.fodt`), 'utf8'))]));
      const unread = printedTruth(truth, new PrintedText(pdfTexts(path.join(folder, `${source.name}.pdf`)))).dropped;
      if (unread.length > 0) console.warn(`${family}/${source.name}.pdf: pdftotext does not read back ${unread.length} true values (${unread.slice(0, 5).join(', ')})`);
      return { name: source.name, formats: ['pdf', 'docx'], truth, dropped, source: source.origin };
    });
    const version = execFileSync('soffice', ['--version'], { encoding: 'utf8' }).trim();
    writeFamily(folder, documents, {
      title: 'LibreOffice Writer, dates in a hanging-indent column, no heading or list styles',
      layout: `${version} (Debian package libreoffice-writer-nogui; MPL-2.0). The document structure (render-others/libreoffice-datecol.ts) is written as many European CVs are typed in Writer or Word: section titles are Standard paragraphs formatted by hand (bold, letter-spaced small capitals, no outline level), each entry a hanging-indent paragraph with the dates (or a skill category, a language) in a 4 cm left column and a tab to the text, bullets typed as "– " at the start of indented paragraphs, contact details as "Label:<tab>value" lines, a footer with the name and page number, headings in the CV's language (German, Spanish, French, Hebrew right to left, English). LibreOffice typesets it and exports it.`,
      made: [
        'CV → flat ODT (.fodt): render-others/libreoffice-datecol.ts `datecolOdt`.',
        '.fodt → PDF and DOCX: `soffice --headless --convert-to pdf:writer_pdf_Export` and `--convert-to "docx:MS Word 2007 XML"` (fonts: Liberation Serif from Debian).',
        `Command: \`npm run eval:render-others -- ${family}\`.`,
      ],
      truth:
        "The source CV as a careful reader files it: first only the fields this layout prints (`datecolReading`: name, title, e-mail, phone, city/state/country, link URLs and platforms, summary text and years of experience, jobs' title/employer/place/dates/summary/bullets/team size, studies' degree/field/school/place/dates/GPA/thesis, skills, languages and proficiency, certificates, projects (with team size), publications' authors/title/venue/date, awards, interests' names; the CV's other sections and fields are left out, so the table below lists nothing more), a job's bullets, printed with no label, all its responsibilities; then kept to the values the document prints (render-others/printed-truth.ts on the text written into the .fodt; the same truth for the PDF and the DOCX, which LibreOffice exports from that document), then read back from the PDF with pdftotext to confirm it prints them (the render warns otherwise). Date ranges are printed as the CV writes them, so they are kept as they are.",
    });
    console.log(`${family}: ${documents.length} documents (pdf and docx)`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
