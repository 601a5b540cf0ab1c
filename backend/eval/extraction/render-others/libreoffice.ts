import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { emptyCv, type Cv, type DateRange } from '@r2w/cv-schema';
import { writeFamily, type FamilyDocument } from './family-files';
import { pdfTexts, PrintedText, printedTruth } from './printed-truth';
import { pick, printedLanguages, unlabelledBullets } from './reading';
import type { SourceCv } from './source-cvs';

// The libreoffice-* families: CVs written as people write them in Writer (heading styles, a
// right tab stop for dates, a borderless table for two columns, a running header and footer
// with the name and page numbers), saved as flat ODT and exported by LibreOffice itself to PDF
// and to DOCX. The document structure is written here; the typesetting, the PDF and the Word
// file are LibreOffice's. Entry shapes vary from CV to CV (title above employer, employer
// above title, "Role @ Company", "Company | dates"), as they do between real people's CVs.

type Heading = 'summary' | 'experience' | 'education' | 'skills' | 'projects' | 'languages' | 'awards' | 'certifications';

// Headings as people write them, not the extractor's word lists: some are unusual on purpose.
const HEADINGS: Record<string, Record<Heading, string>[]> = {
  en: [
    {
      summary: 'About Me',
      experience: 'Professional Experience',
      education: 'Education',
      skills: 'Skills',
      projects: 'Project',
      languages: 'Languages',
      awards: 'Selected Honors',
      certifications: 'Certifications',
    },
    {
      summary: 'Profile',
      experience: 'Work History',
      education: 'Academic Background',
      skills: 'Toolbox',
      projects: 'Side Projects',
      languages: 'Languages',
      awards: 'Recognition',
      certifications: 'Licenses',
    },
  ],
  es: [
    {
      summary: 'Sobre mí',
      experience: 'Trayectoria profesional',
      education: 'Estudios',
      skills: 'Competencias',
      projects: 'Proyectos',
      languages: 'Idiomas',
      awards: 'Reconocimientos',
      certifications: 'Certificaciones',
    },
  ],
  fr: [
    {
      summary: 'Profil',
      experience: 'Parcours professionnel',
      education: 'Diplômes',
      skills: 'Savoir-faire',
      projects: 'Sélection de productions',
      languages: 'Langues',
      awards: 'Distinctions',
      certifications: 'Certifications',
    },
  ],
  de: [
    {
      summary: 'Über mich',
      experience: 'Beruflicher Werdegang',
      education: 'Studium',
      skills: 'Fähigkeiten',
      projects: 'Projekte',
      languages: 'Sprachen',
      awards: 'Auszeichnungen',
      certifications: 'Zertifikate',
    },
  ],
  he: [{ summary: 'תקציר', experience: 'ניסיון מקצועי', education: 'לימודים', skills: 'כישורים', projects: 'פרויקטים', languages: 'שפות', awards: 'פרסים', certifications: 'תעודות' }],
  ar: [{ summary: 'نبذة', experience: 'الخبرة المهنية', education: 'التعليم', skills: 'المهارات', projects: 'المشاريع', languages: 'اللغات', awards: 'الجوائز', certifications: 'الشهادات' }],
  zh: [{ summary: '个人简介', experience: '工作经历', education: '教育背景', skills: '专业技能', projects: '项目经历', languages: '语言能力', awards: '荣誉奖项', certifications: '证书' }],
  ja: [{ summary: '自己PR', experience: '職務経歴', education: '学歴', skills: 'スキル', projects: 'プロジェクト', languages: '語学', awards: '受賞歴', certifications: '資格' }],
};

const RESUME_WORD: Record<string, string> = { en: 'Résumé', es: 'Currículum', fr: 'CV', de: 'Lebenslauf', he: 'קורות חיים', ar: 'السيرة الذاتية', zh: '简历', ja: '職務経歴書' };
const PAGE_WORD: Record<string, string> = { en: 'Page', es: 'Página', fr: 'Page', de: 'Seite', he: 'עמוד', ar: 'صفحة', zh: '第', ja: 'ページ' };
const RTL = new Set(['he', 'ar']);

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const p = (style: string, ...runs: string[]) => `<text:p text:style-name="${style}">${runs.join('')}</text:p>`;
const bold = (text: string) => `<text:span text:style-name="Bold">${xml(text)}</text:span>`;
const italic = (text: string) => `<text:span text:style-name="Italic">${xml(text)}</text:span>`;
const TAB = '<text:tab/>';
const list = (items: string[]) =>
  items.length === 0 ? '' : `<text:list text:style-name="Bullets">${items.map((item) => `<text:list-item>${p('ListText', xml(item))}</text:list-item>`).join('')}</text:list>`;
const present = (values: (string | null | undefined)[]) => values.filter((value): value is string => Boolean(value?.trim()));
const dates = (range: DateRange | null | undefined) => range?.text ?? '';

/** How an entry's title, organisation and dates are laid out; varies from CV to CV. */
type EntryShape = 'title-over-employer' | 'employer-over-title' | 'role-at-company' | 'company-pipe-dates';
const SHAPES: EntryShape[] = ['title-over-employer', 'employer-over-title', 'role-at-company', 'company-pipe-dates'];

function entryHead(shape: EntryShape, title: string, organisation: string, when: string, where: string): string {
  const place = present([organisation, where]).join(', ');
  switch (shape) {
    case 'title-over-employer':
      return p('EntryHead', bold(title), TAB, xml(when)) + p('EntrySub', italic(place));
    case 'employer-over-title':
      return p('EntryHead', bold(place), TAB, xml(when)) + p('EntrySub', italic(title));
    case 'role-at-company':
      return p('EntryHead', bold(title), xml(organisation ? ` @${organisation}` : ''), TAB, xml(where)) + p('EntrySub', xml(when));
    case 'company-pipe-dates':
      return p('EntryHead', bold(organisation), xml(when ? ` | ${when}` : '')) + p('EntrySub', xml(present([title, where]).join(' — ')));
  }
}

interface Recipe {
  shape: EntryShape;
  headings: Record<Heading, string>;
  /** The name on one line with the e-mail and phone, instead of a title block. */
  nameWithContact: boolean;
  /** Skills written as sentences rather than lists. */
  proseSkills: boolean;
}

export function recipeFor(source: SourceCv, index: number): Recipe {
  const headings = HEADINGS[source.lang] ?? HEADINGS.en!;
  return { shape: SHAPES[index % SHAPES.length]!, headings: headings[index % headings.length]!, nameWithContact: index % 2 === 1, proseSkills: index % 3 === 2 };
}

function languageLine(lang: string, language: string, proficiency: string | null | undefined): string {
  if (!proficiency) return language;
  return lang === 'en' ? `Language: ${proficiency} in ${language}` : `${language}: ${proficiency}`;
}

function skillLines(cv: Cv, recipe: Recipe): string[] {
  return cv.skills.skillCategories.map((category) => {
    const skills = category.skills ?? [];
    if (recipe.proseSkills && skills.length > 1) return `${category.categoryName ? `${category.categoryName}: ` : ''}${skills.slice(0, -1).join(', ')} and ${skills.at(-1)}.`;
    return present([category.categoryName ? `${category.categoryName}:` : undefined, skills.join(', ')]).join(' ');
  });
}

/** The main column: summary, experience, education, projects, awards, certifications. */
function mainBlocks(cv: Cv, recipe: Recipe, educationTable: boolean): string {
  const h = (key: Heading) => p('Heading_20_1', xml(recipe.headings[key]));
  const out: string[] = [];
  if (cv.summary.summaryText) out.push(h('summary'), p('Body', xml(cv.summary.summaryText)));
  if (cv.experience.items.length > 0) {
    out.push(h('experience'));
    for (const job of cv.experience.items) {
      out.push(entryHead(recipe.shape, job.jobTitle ?? '', job.companyName ?? '', dates(job.dateRange), job.location ?? ''));
      if (job.summary) out.push(p('Body', xml(job.summary)));
      out.push(list([...(job.responsibilities ?? []), ...(job.achievements ?? [])]));
    }
  }
  if (cv.education.items.length > 0) {
    out.push(h('education'));
    if (educationTable) {
      // Degree and field in columns of their own, as in a form.
      const rows = cv.education.items.map(
        (study) =>
          `<table:table-row>${[study.degree, study.fieldOfStudy, study.institution, dates(study.dateRange)].map((cell) => `<table:table-cell office:value-type="string">${p('Cell', xml(cell ?? ''))}</table:table-cell>`).join('')}</table:table-row>`,
      );
      out.push(`<table:table table:name="Education" table:style-name="Grid"><table:table-column table:number-columns-repeated="4"/>${rows.join('')}</table:table>`);
    } else {
      for (const study of cv.education.items) {
        const degree = present([study.degree, study.fieldOfStudy]).join(', ');
        out.push(p('EntryHead', bold(degree), TAB, xml(dates(study.dateRange))), p('EntrySub', italic(present([study.institution, study.location]).join(', '))));
        if (study.gpa) out.push(p('Body', xml(`GPA ${study.gpa}`)));
      }
    }
  }
  if (cv.projects.items.length > 0) {
    out.push(h('projects'));
    for (const project of cv.projects.items)
      out.push(p('EntryHead', bold(project.title ?? ''), TAB, xml(dates(project.dateRange))), ...present([project.description, project.projectUrl]).map((text) => p('Body', xml(text))));
  }
  if (cv.awards.items.length > 0) out.push(h('awards'), list(cv.awards.items.map((award) => present([award.awardName, award.issuingOrganization, award.dateReceived]).join(', '))));
  if (cv.certifications.items.length > 0)
    out.push(h('certifications'), list(cv.certifications.items.map((cert) => present([cert.certificationName, cert.issuingOrganization, cert.issueDate]).join(', '))));
  return out.join('');
}

/** Contact, skills and languages: a sidebar in the two-column layout, blocks after the summary in one column. */
function sideBlocks(cv: Cv, recipe: Recipe, lang: string, withContact: boolean): string {
  const h = (key: Heading) => p('Heading_20_1', xml(recipe.headings[key]));
  const location = present([cv.contact.location?.city, cv.contact.location?.state, cv.contact.location?.country]).join(', ');
  const contact = withContact ? present([cv.contact.email, cv.contact.phone, location, ...(cv.contact.professionalLinks ?? []).map((link) => link.url)]).map((line) => p('Body', xml(line))) : [];
  const skills = cv.skills.skillCategories.length > 0 ? [h('skills'), ...skillLines(cv, recipe).map((line) => p('Body', xml(line)))] : [];
  const languages = cv.languages.items.length > 0 ? [h('languages'), ...cv.languages.items.map((item) => p('Body', xml(languageLine(lang, item.language ?? '', item.proficiency))))] : [];
  return [...contact, ...skills, ...languages].join('');
}

function titleBlock(cv: Cv, recipe: Recipe, withContact: boolean): string {
  const name = cv.hero.fullName ?? '';
  const location = present([cv.contact.location?.city, cv.contact.location?.state, cv.contact.location?.country]).join(', ');
  const contact = present([cv.contact.email, cv.contact.phone, location]);
  if (recipe.nameWithContact && withContact)
    return p('NameLine', `<text:span text:style-name="Name">${xml(name)}</text:span>`, xml(`   ${contact.join(' · ')}`)) + p('Subtitle', xml(cv.hero.professionalTitle ?? ''));
  return (
    p('Title', xml(name)) +
    p('Subtitle', xml(cv.hero.professionalTitle ?? '')) +
    (withContact ? p('Contact', xml(contact.join('  |  '))) + p('Contact', xml((cv.contact.professionalLinks ?? []).map((link) => link.url).join('  |  '))) : '')
  );
}

export type LayoutName = 'tabs' | 'table';

/**
 * What a careful reader files from these layouts: the fields they print (links by their URL, no
 * section beyond the eight headings), the numbers the text states (years of experience, a
 * team's size); in the table layout education is a grid of degree, field, institution and dates.
 */
export function libreofficeReading(cv: Cv, layout: LayoutName): Cv {
  const reading = emptyCv();
  reading.hero = pick(cv.hero, ['fullName', 'professionalTitle']);
  reading.contact = { ...pick(cv.contact, ['email', 'phone']), location: cv.contact.location ? pick(cv.contact.location, ['city', 'state', 'country']) : null };
  reading.contact.professionalLinks = cv.contact.professionalLinks?.map((link) => pick(link, ['url', 'platform']));
  reading.summary = pick(cv.summary, ['summaryText', 'yearsOfExperience']);
  reading.experience.items = cv.experience.items.map((job) => ({ ...pick(job, ['jobTitle', 'companyName', 'location', 'dateRange', 'summary', 'teamSize']), ...unlabelledBullets(job) }));
  const studyFields = layout === 'table' ? (['degree', 'fieldOfStudy', 'institution', 'dateRange'] as const) : (['degree', 'fieldOfStudy', 'institution', 'location', 'dateRange', 'gpa'] as const);
  reading.education.items = cv.education.items.map((study) => pick(study, studyFields));
  reading.skills.skillCategories = cv.skills.skillCategories.map((category) => pick(category, ['categoryName', 'skills']));
  reading.languages.items = printedLanguages(cv);
  reading.projects.items = cv.projects.items.map((project) => pick(project, ['title', 'dateRange', 'description', 'projectUrl', 'teamSize']));
  reading.awards.items = cv.awards.items.map((award) => pick(award, ['awardName', 'issuingOrganization', 'dateReceived']));
  reading.certifications.items = cv.certifications.items.map((cert) => pick(cert, ['certificationName', 'issuingOrganization', 'issueDate']));
  return reading;
}

function body(source: SourceCv, layout: LayoutName, recipe: Recipe): string {
  const { cv, lang } = source;
  if (layout === 'tabs') return titleBlock(cv, recipe, true) + mainBlocks(cv, recipe, false) + sideBlocks(cv, recipe, lang, false);
  const side = `<table:table-cell table:style-name="Side" office:value-type="string">${sideBlocks(cv, recipe, lang, true)}</table:table-cell>`;
  const main = `<table:table-cell office:value-type="string">${mainBlocks(cv, recipe, true)}</table:table-cell>`;
  return (
    titleBlock(cv, recipe, false) +
    `<table:table table:name="Columns" table:style-name="Columns"><table:table-column table:style-name="SideColumn"/><table:table-column table:style-name="MainColumn"/><table:table-row>${side}${main}</table:table-row></table:table>`
  );
}

/** A flat ODT file: styles as Writer names them, a page with a running header and footer. */
export function flatOdt(source: SourceCv, layout: LayoutName, recipe: Recipe): string {
  const rtl = RTL.has(source.lang);
  const direction = rtl ? ' style:writing-mode="rl-tb"' : '';
  const align = rtl ? 'end' : 'start';
  const name = source.cv.hero.fullName ?? '';
  const paragraph = (styleName: string, props: string, textProps = '', extra = '', inner = '') =>
    `<style:style style:name="${styleName}" style:family="paragraph" style:parent-style-name="Standard"${extra}><style:paragraph-properties fo:text-align="${align}"${direction} ${props}>${inner}</style:paragraph-properties><style:text-properties ${textProps}/></style:style>`;
  const tabs = `<style:tab-stops><style:tab-stop style:position="17cm" style:type="right"/></style:tab-stops>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:styles>
<style:style style:name="Standard" style:family="paragraph"><style:paragraph-properties${direction}/><style:text-properties style:font-name="Liberation Sans" fo:font-size="10pt" style:font-name-asian="Noto Sans CJK SC" style:font-name-complex="Noto Sans"/></style:style>
${paragraph('Title', 'fo:margin-bottom="0.1cm"', 'fo:font-size="22pt" fo:font-weight="bold"')}
${paragraph('Subtitle', 'fo:margin-bottom="0.2cm"', 'fo:font-size="13pt" fo:color="#555555"')}
${paragraph('Heading_20_1', 'fo:margin-top="0.4cm" fo:margin-bottom="0.15cm" fo:border-bottom="0.5pt solid #1f4e79" fo:padding-bottom="0.05cm"', 'fo:font-size="12pt" fo:font-weight="bold" fo:color="#1f4e79" fo:text-transform="uppercase"', ' style:display-name="Heading 1" style:default-outline-level="1"')}
${paragraph('Body', 'fo:margin-bottom="0.1cm"')}
${paragraph('Contact', 'fo:margin-bottom="0.05cm"', 'fo:font-size="9pt"')}
${paragraph('NameLine', 'fo:margin-bottom="0.1cm"', '')}
${paragraph('EntryHead', 'fo:margin-top="0.2cm"', '', '', tabs)}
${paragraph('EntrySub', 'fo:margin-bottom="0.05cm"')}
${paragraph('ListText', 'fo:margin-bottom="0.05cm"')}
${paragraph('Cell', '', 'fo:font-size="9pt"')}
${paragraph('Header', '', 'fo:font-size="8pt" fo:color="#777777"')}
<style:style style:name="Bold" style:family="text"><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"/></style:style>
<style:style style:name="Italic" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="Name" style:family="text"><style:text-properties fo:font-size="18pt" fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"/></style:style>
<text:list-style style:name="Bullets"><text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.6cm" fo:text-indent="-0.4cm" fo:margin-left="0.6cm"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>
</office:styles>
<office:automatic-styles>
<style:style style:name="Columns" style:family="table"><style:table-properties style:width="17cm" table:align="margins"${direction}/></style:style>
<style:style style:name="SideColumn" style:family="table-column"><style:table-column-properties style:column-width="5.5cm"/></style:style>
<style:style style:name="MainColumn" style:family="table-column"><style:table-column-properties style:column-width="11.5cm"/></style:style>
<style:style style:name="Side" style:family="table-cell"><style:table-cell-properties fo:background-color="#eef2f7" fo:padding="0.2cm"/></style:style>
<style:style style:name="Grid" style:family="table"><style:table-properties style:width="11cm" table:align="margins"/></style:style>
<style:page-layout style:name="Page"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="2cm" fo:margin-right="2cm"${direction}/><style:header-style><style:header-footer-properties fo:margin-bottom="0.3cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:margin-top="0.3cm"/></style:footer-style></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="Page">
<style:header>${p('Header', xml(`${name} · ${RESUME_WORD[source.lang] ?? RESUME_WORD.en} `), '<text:page-number text:select-page="current">1</text:page-number>')}</style:header>
<style:footer>${p('Header', xml(`${PAGE_WORD[source.lang] ?? 'Page'} `), '<text:page-number text:select-page="current">1</text:page-number>', ' / ', '<text:page-count>1</text:page-count>')}</style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>${body(source, layout, recipe)}</office:text></office:body>
</office:document>
`;
}

/** The text of a flat ODT's body, header and footer, a line per paragraph. */
export function documentText(fodt: string): string {
  const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' };
  return fodt
    .replace(/<office:styles>[\s\S]*?<\/office:automatic-styles>/, '')
    .replace(/<text:tab\/>/g, ' ')
    .replace(/<\/text:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(?:amp|lt|gt|quot);/g, (entity) => entities[entity] ?? entity);
}

/** LibreOffice's own export, all files of a folder in one run. */
export function convert(dir: string, to: 'pdf' | 'docx'): void {
  const filter = to === 'pdf' ? 'pdf:writer_pdf_Export' : 'docx:MS Word 2007 XML';
  const files = readdirSync(dir).filter((file) => file.endsWith('.fodt'));
  // A profile of its own: a LibreOffice the user has open does not take the job over.
  execFileSync('soffice', [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', filter, '--outdir', dir, ...files.map((file) => path.join(dir, file))], {
    stdio: 'pipe',
  });
}

export const LIBREOFFICE_PLAN: Record<LayoutName, string[]> = {
  tabs: ['sre-shapes', 'senior-software-engineer', 'data-analyst', 'mechanical-engineer', 'backend-engineer', 'product-designer', 'product-manager', 'data-engineer', 'teacher-to-ux-designer'],
  table: ['sre-shapes', 'marketing-manager', 'registered-nurse', 'new-graduate', 'backend-engineer', 'product-designer', 'product-manager', 'data-engineer', 'humanitarian-logistics'],
};

export function renderLibreOfficeFamilies(cvs: SourceCv[], outDir: string, only: (family: string) => boolean): void {
  for (const layout of Object.keys(LIBREOFFICE_PLAN) as LayoutName[]) {
    const family = `libreoffice-${layout}`;
    if (!only(family)) continue;
    const folder = path.join(outDir, family);
    const work = mkdtempSync(path.join(os.tmpdir(), 'r2w-libreoffice-'));
    try {
      const sources = LIBREOFFICE_PLAN[layout].map((name) => {
        const source = cvs.find((cv) => cv.name === name);
        if (!source) throw new Error(`${family}: no source CV named ${name}`);
        return source;
      });
      sources.forEach((source, index) => writeFileSync(path.join(work, `${source.name}.fodt`), flatOdt(source, layout, recipeFor(source, index))));
      convert(work, 'pdf');
      convert(work, 'docx');
      rmSync(folder, { recursive: true, force: true });
      mkdirSync(folder, { recursive: true });
      const documents: FamilyDocument[] = sources.map((source) => {
        for (const format of ['pdf', 'docx']) renameSync(path.join(work, `${source.name}.${format}`), path.join(folder, `${source.name}.${format}`));
        // The text written into the document decides what it prints (pdftotext reorders right-to-left
        // runs); the PDF is then read back to confirm LibreOffice printed it all.
        const { truth, dropped } = printedTruth(libreofficeReading(source.cv, layout), new PrintedText([documentText(readFileSync(path.join(work, `${source.name}.fodt`), 'utf8'))]));
        const unread = printedTruth(truth, new PrintedText(pdfTexts(path.join(folder, `${source.name}.pdf`)))).dropped;
        if (unread.length > 0) console.warn(`${family}/${source.name}.pdf: pdftotext does not read back ${unread.length} true values (${unread.slice(0, 5).join(', ')})`);
        return { name: source.name, formats: ['pdf', 'docx'], truth, dropped, source: source.origin };
      });
      const version = execFileSync('soffice', ['--version'], { encoding: 'utf8' }).trim();
      writeFamily(folder, documents, {
        title: `LibreOffice Writer, ${layout === 'tabs' ? 'one column with tab stops' : 'two columns in a table'}`,
        layout: `${version} (Debian package libreoffice-writer-nogui; MPL-2.0). The document structure (render-others/libreoffice.ts) is written as people write CVs in Writer: ${layout === 'tabs' ? 'Heading 1 paragraphs for sections, dates on a right tab stop, bulleted lists' : 'a borderless two-column table (sidebar with contact, skills and languages), education in a table with degree and field in columns of their own'}; a running header with the name and the page number and a footer "Page n / N"; entry shapes, headings, the name on the e-mail's line and skills as sentences vary from CV to CV. LibreOffice typesets it and exports it.`,
        made: [
          'CV → flat ODT (.fodt): render-others/libreoffice.ts `flatOdt`.',
          '.fodt → PDF and DOCX: `soffice --headless --convert-to pdf:writer_pdf_Export` and `--convert-to "docx:MS Word 2007 XML"` (fonts: Liberation Sans, Noto Sans CJK, Noto Sans Hebrew/Arabic from Debian).',
          `Command: \`npm run eval:render-others -- ${family}\`.`,
        ],
        truth:
          'The source CV as a careful reader files it from this layout (`libreofficeReading`: only the fields it prints, a job’s bullets all its responsibilities, a native language marked as such), kept to the values the document prints (render-others/printed-truth.ts on the text written into the .fodt; the same truth for the PDF and the DOCX, which LibreOffice exports from that document), then read back from the PDF with pdftotext to confirm it prints them (the render warns otherwise). Date ranges are printed as the CV writes them, so they are kept as they are.',
      });
      console.log(`${family}: ${documents.length} documents (pdf and docx)`);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
}
