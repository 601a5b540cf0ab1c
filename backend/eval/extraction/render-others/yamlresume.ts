import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Cv, JsonResume } from '@r2w/cv-schema';
import { fullReading, installPinned, themeInput } from './jsonresume';
import { type SourceCv } from './source-cvs';
import { docxTexts, pdfTexts, PrintedText, printedTruth } from './printed-truth';
import { writeFamily, type FamilyDocument } from './family-files';

// The yamlresume-* families: CVs laid out by YAMLResume's engine (@yamlresume/core, pinned in
// yamlresume/package-lock.json and installed into a temporary folder like the JSON Resume themes):
// its "calm" Word template, written by the `docx` library (a producer none of the other families
// uses), and its "jake" LaTeX template (Jake Gutierrez's résumé, the most copied LaTeX résumé),
// compiled by XeLaTeX. Both localise headings, dates, degrees and languages to the CV's language.
// Held out: added on 2026-12-05, after the extraction changes of issue 13 had been made on
// the other families.

const ENGINE_DIR = path.join(__dirname, 'yamlresume');

export interface YamlResumeFamily {
  family: string;
  layout: { engine: 'docx' | 'latex'; template: string; advanced?: Record<string, unknown> };
  format: 'docx' | 'pdf';
  /** The DOCX exported to PDF by LibreOffice, as people send a Word CV. */
  exportPdf?: boolean;
  title: string;
  /** The CVs it lays out (their languages must be ones YAMLResume localises to). */
  cvs: readonly string[];
}

export const YAMLRESUME_FAMILIES: readonly YamlResumeFamily[] = [
  {
    family: 'yamlresume-calm-docx',
    layout: { engine: 'docx', template: 'calm' },
    format: 'docx',
    title: 'YAMLResume "calm" Word template',
    cvs: ['mechanical-engineer', 'marketing-manager', 'backend-engineer', 'new-graduate'],
  },
  {
    family: 'yamlresume-calm-pdf',
    layout: { engine: 'docx', template: 'calm' },
    format: 'pdf',
    exportPdf: true,
    title: 'YAMLResume "calm" Word template, exported to PDF',
    cvs: ['finance-executive', 'product-designer', 'teacher-to-ux-designer', 'brand-designer'],
  },
  {
    family: 'yamlresume-jake',
    // Icons need fontawesome5 (texlive-fonts-extra, 500 MB); the template's own switch turns them off.
    layout: { engine: 'latex', template: 'jake', advanced: { showIcons: false } },
    format: 'pdf',
    title: 'YAMLResume "jake" LaTeX template (Jake\'s Resume)',
    cvs: ['senior-software-engineer', 'data-analyst', 'backend-engineer', 'academic-professor'],
  },
];

/** The CV's language as YAMLResume names its locales. */
const LOCALES: Readonly<Record<string, string>> = { en: 'en', de: 'de', fr: 'fr', es: 'es', zh: 'zh-hans', ja: 'ja', nl: 'nl', no: 'no', pt: 'pt-br', id: 'id' };

// Runs in a Node process of its own in the install folder (the engine is an ES module).
const RUNNER = `import { readFileSync } from 'node:fs';
import * as core from '@yamlresume/core';
if (process.argv[2] === 'options') {
  process.stdout.write(JSON.stringify({ countries: core.COUNTRY_OPTIONS, degrees: core.DEGREE_OPTIONS, fluency: core.FLUENCY_OPTIONS, languages: core.LANGUAGE_OPTIONS, networks: core.NETWORK_OPTIONS }));
} else {
  const resume = JSON.parse(readFileSync(0, 'utf8'));
  const output = await core.getResumeRenderer(resume, 0).render();
  const document = typeof output === 'string' ? output : Buffer.from(output).toString('base64');
  const shown = core.transformResume(structuredClone(resume), 0, new core.MarkdownParser(), (text) => text).content;
  const language = resume.locale?.language ?? 'en';
  const degrees = (resume.content.education ?? []).map((entry) => (entry.degree ? core.getOptionTranslation(language, 'degrees', entry.degree) : undefined));
  process.stdout.write(JSON.stringify({ document, shown, degrees }));
}
`;

interface Options {
  countries: string[];
  degrees: string[];
  fluency: string[];
  languages: string[];
  networks: string[];
}

interface Dated {
  startDate?: string;
  endDate?: string;
  computed?: { dateRange?: string; language?: string; fluency?: string; level?: string; date?: string };
}
type Item = Record<string, unknown> & Dated;
type Content = Record<string, unknown> & { basics: Record<string, unknown>; location?: Record<string, unknown> };

interface Rendered {
  document: string;
  shown: Content;
  degrees: (string | undefined)[];
}

const installEngine = (): string => installPinned(ENGINE_DIR, 'r2w-yamlresume-', RUNNER);

const runEngine = (dir: string, mode: 'options' | 'render', input = '') =>
  execFileSync('node', [path.join(dir, 'run.mjs'), mode], { cwd: dir, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });

/** The level given to every skill group (YAMLResume requires one; the CVs state none). */
const SKILL_LEVEL = 'Advanced';

const LANGUAGE_CODES = ['en', 'de', 'fr', 'es', 'it', 'pt', 'zh', 'ja', 'ko', 'ar', 'he', 'ru', 'nl', 'pl', 'sv', 'no', 'da', 'fi', 'tr', 'hi', 'el', 'cs', 'hu', 'ro', 'uk', 'vi', 'th', 'id', 'ca'];

/** YAMLResume's (English) name for a language written in the CV's language, if it has one. */
function languageOption(name: string, lang: string, options: Options): string | undefined {
  const key = name.trim().toLowerCase();
  const local = new Intl.DisplayNames([lang], { type: 'language' });
  const english = new Intl.DisplayNames(['en'], { type: 'language' });
  const code = LANGUAGE_CODES.find((candidate) => [local.of(candidate), english.of(candidate)].some((known) => known?.toLowerCase() === key));
  const option = code ? english.of(code) : undefined;
  return options.languages.find((candidate) => candidate === option);
}

/** A person picking the nearest of YAMLResume's fluency levels for what the CV says. */
function fluencyOption(text: string | undefined): string {
  const value = (text ?? '').toLowerCase();
  if (/nati|mutter|matern|母语|母語|ネイティブ|母国語|bilingu/.test(value)) return 'Native or Bilingual Proficiency';
  if (/basic|grund|notion|básico|basico|a1|a2|elementa|基础|初级/.test(value)) return 'Elementary Proficiency';
  if (/b1|intermedi|conversa|gute kenntnisse|中级/.test(value)) return 'Limited Working Proficiency';
  if (/b2|good|professional working/.test(value)) return 'Minimum Professional Proficiency';
  return 'Full Professional Proficiency';
}

/** The nearest of YAMLResume's degrees, or none (the template then prints only the field). */
function degreeOption(studyType: string | undefined): string | undefined {
  const value = (studyType ?? '').toLowerCase();
  if (/ph\.?\s?d|doctor|doktor|docteur|doctorado|博士/.test(value)) return 'Doctor';
  if (/master|m\.?\s?sc|m\.?\s?a\b|mba|diplom-|máster|硕士|碩士/.test(value)) return 'Master';
  if (/bachelor|b\.?\s?sc|b\.?\s?a\b|b\.?\s?s\b|licen|grado|本科|学士|學士/.test(value)) return 'Bachelor';
  if (/associate/.test(value)) return 'Associate';
  if (/high school|abitur|baccalauréat|bachillerato|高中/.test(value)) return 'High School';
  if (/diplom|diploma|dipl/.test(value)) return 'Diploma';
  return undefined;
}

const bullets = (summary: string | null | undefined, highlights: (string | null)[] | null | undefined) =>
  [summary ?? '', ...(highlights ?? []).filter(Boolean).map((line) => `- ${line}`)]
    .filter(Boolean)
    .join('\n\n')
    .replace(/\n\n- /g, '\n- ');

const defined = <T extends Record<string, unknown>>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined && entry !== null && entry !== '')) as T;

/**
 * The YAMLResume a person would write for this CV (YAMLResume's required fields and option lists
 * met as such a person would meet them), and the JSON Resume it amounts to, to read the truth
 * from: only what was given to the engine.
 */
export function yamlResumeInput(source: SourceCv, options: Options): { content: Content; given: JsonResume } {
  const resume = themeInput(source.cv);
  const basics = resume.basics ?? {};
  const location = basics.location ?? undefined;
  const country = location?.countryCode ? new Intl.DisplayNames(['en'], { type: 'region' }).of(location.countryCode) : undefined;
  const profiles = (basics.profiles ?? []).flatMap((profile) => {
    const network = options.networks.find((name) => name.toLowerCase() === (profile.network ?? '').toLowerCase());
    return network && profile.username ? [defined({ network, username: profile.username, url: profile.url ?? undefined })] : [];
  });
  const dated = <T extends { startDate?: string | null }>(entries: T[] | null | undefined) => (entries ?? []).filter((entry) => entry.startDate);
  const work = dated(resume.work).filter((job) => job.name && job.position);
  const projects = dated(resume.projects).filter((project) => project.name);
  const volunteer = dated(resume.volunteer).filter((entry) => entry.organization && entry.position);
  const education = (resume.education ?? []).filter((entry) => entry.institution);
  const languages = (resume.languages ?? []).flatMap((entry) => {
    const language = entry.language ? languageOption(entry.language, source.lang, options) : undefined;
    return language ? [{ language, fluency: fluencyOption(entry.fluency ?? undefined) }] : [];
  });
  const content: Content = {
    basics: defined({
      name: basics.name ?? '',
      headline: basics.label ?? undefined,
      email: basics.email ?? undefined,
      phone: basics.phone ?? undefined,
      url: basics.url ?? undefined,
      summary: basics.summary ?? undefined,
    }),
    ...(location?.city
      ? {
          location: defined({
            city: location.city,
            region: location.region ?? undefined,
            postalCode: location.postalCode ?? undefined,
            address: location.address ?? undefined,
            country: options.countries.find((name) => name === country),
          }),
        }
      : {}),
    profiles,
    education: education.map((entry) =>
      defined({
        institution: entry.institution!,
        area: entry.area ?? '',
        degree: degreeOption(entry.studyType ?? undefined),
        startDate: entry.startDate ?? undefined,
        endDate: entry.endDate ?? undefined,
        score: entry.score ?? undefined,
        courses: entry.courses?.length ? entry.courses : undefined,
        url: entry.url ?? undefined,
      }),
    ),
    work: work.map((job) =>
      defined({ name: job.name!, position: job.position!, startDate: job.startDate!, endDate: job.endDate ?? undefined, url: job.url ?? undefined, summary: bullets(job.summary, job.highlights) }),
    ),
    projects: projects.map((project) =>
      defined({
        name: project.name!,
        startDate: project.startDate!,
        endDate: project.endDate ?? undefined,
        url: project.url ?? undefined,
        keywords: project.keywords?.length ? project.keywords : undefined,
        summary: bullets(project.description, project.highlights),
      }),
    ),
    volunteer: volunteer.map((entry) =>
      defined({
        organization: entry.organization!,
        position: entry.position!,
        startDate: entry.startDate!,
        endDate: entry.endDate ?? undefined,
        url: entry.url ?? undefined,
        summary: bullets(entry.summary, entry.highlights),
      }),
    ),
    // YAMLResume requires a level; none of the CVs states one, so the person picks one for all.
    skills: (resume.skills ?? []).filter((skill) => skill.name).map((skill) => defined({ name: skill.name!, level: SKILL_LEVEL, keywords: skill.keywords?.length ? skill.keywords : undefined })),
    languages,
    awards: (resume.awards ?? [])
      .filter((award) => award.title)
      .map((award) => defined({ title: award.title!, awarder: award.awarder ?? '', date: award.date ?? undefined, summary: award.summary ?? undefined })),
    certificates: (resume.certificates ?? [])
      .filter((entry) => entry.name)
      .map((entry) => defined({ name: entry.name!, issuer: entry.issuer ?? '', date: entry.date ?? undefined, url: entry.url ?? undefined })),
    publications: (resume.publications ?? [])
      .filter((entry) => entry.name)
      .map((entry) => defined({ name: entry.name!, publisher: entry.publisher ?? '', releaseDate: entry.releaseDate ?? undefined, url: entry.url ?? undefined, summary: entry.summary ?? undefined })),
    interests: (resume.interests ?? []).filter((entry) => entry.name).map((entry) => defined({ name: entry.name!, keywords: entry.keywords?.length ? entry.keywords : undefined })),
    references: (resume.references ?? []).filter((entry) => entry.name && entry.reference).map((entry) => ({ name: entry.name!, summary: entry.reference! })),
  };
  const given: JsonResume = {
    basics: {
      ...basics,
      image: undefined,
      location: location?.city ? { ...location, countryCode: undefined } : undefined,
      profiles: basics.profiles?.filter((profile) => profiles.some((kept) => kept.username === profile.username)),
    },
    work: work.map(({ location: _location, description: _description, ...job }) => job),
    projects: projects.map(({ roles: _roles, entity: _entity, type: _type, ...project }) => project),
    volunteer,
    education,
    skills: (resume.skills ?? []).filter((skill) => skill.name).map(({ level: _level, ...skill }) => skill),
    languages,
    awards: resume.awards ?? [],
    certificates: resume.certificates ?? [],
    publications: resume.publications ?? [],
    interests: resume.interests ?? [],
    references: (resume.references ?? []).filter((entry) => entry.name && entry.reference),
  };
  return { content, given };
}

/** The reading of what the engine was given, with what it prints in the CV's language: dates as ranges it writes, degrees, languages. */
export function givenReading(given: JsonResume, shown: Content, degrees: (string | undefined)[]): Cv {
  const reading: JsonResume = {
    ...given,
    education: (given.education ?? []).map((entry, index) => ({ ...entry, studyType: degrees[index] })),
    languages: ((shown.languages as Item[] | undefined) ?? []).map((entry) => ({ language: entry.computed?.language, fluency: entry.computed?.fluency })),
  };
  const cv = fullReading(reading);
  // A range is true as the engine prints it ("März 2020–Heute", "2020年3月–至今").
  const ranges: [readonly { dateRange?: { text?: string | null } | null }[], Item[] | undefined][] = [
    [cv.experience.items, shown.work as Item[] | undefined],
    [cv.education.items, shown.education as Item[] | undefined],
    [cv.projects.items, shown.projects as Item[] | undefined],
  ];
  for (const [items, entries] of ranges) {
    if (!entries || items.length !== entries.length) continue;
    items.forEach((item, index) => {
      const text = entries[index]?.computed?.dateRange;
      if (item.dateRange && text) item.dateRange.text = text;
    });
  }
  return cv;
}

// Fixed dates in the PDFs, so a re-run changes no bytes unless the inputs changed.
const REPRODUCIBLE = { SOURCE_DATE_EPOCH: '1767225600', FORCE_SOURCE_DATE: '1' };

function xelatex(tex: string): Buffer {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'r2w-jake-'));
  try {
    writeFileSync(path.join(dir, 'main.tex'), tex);
    for (let pass = 0; pass < 2; pass += 1) {
      try {
        execFileSync('xelatex', ['-interaction=nonstopmode', '-halt-on-error', 'main.tex'], { cwd: dir, env: { ...process.env, ...REPRODUCIBLE }, stdio: 'pipe' });
      } catch (error) {
        const log = readFileSync(path.join(dir, 'main.log'), 'utf8').split('\n');
        const first = Math.max(
          log.findIndex((line) => line.startsWith('!')),
          0,
        );
        throw new Error(`xelatex failed:\n${log.slice(first, first + 12).join('\n')}`, { cause: error });
      }
    }
    return readFileSync(path.join(dir, 'main.pdf'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The PDF LibreOffice Writer exports from a .docx (its own profile in a temporary folder). */
function docxToPdf(docx: Buffer): Buffer {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'r2w-calm-'));
  try {
    writeFileSync(path.join(dir, 'cv.docx'), docx);
    execFileSync('soffice', [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf:writer_pdf_Export', '--outdir', dir, path.join(dir, 'cv.docx')], {
      stdio: 'pipe',
    });
    return readFileSync(path.join(dir, 'cv.pdf'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function renderYamlResumeFamilies(cvs: SourceCv[], outDir: string, only: (family: string) => boolean): void {
  const wanted = YAMLRESUME_FAMILIES.filter((family) => only(family.family));
  if (wanted.length === 0) return;
  const dir = process.env.YAMLRESUME_DIR ?? installEngine();
  try {
    const options = JSON.parse(runEngine(dir, 'options')) as Options;
    const version = (JSON.parse(readFileSync(path.join(dir, 'node_modules', '@yamlresume', 'core', 'package.json'), 'utf8')) as { version: string }).version;
    for (const family of wanted) {
      const folder = path.join(outDir, family.family);
      rmSync(folder, { recursive: true, force: true });
      mkdirSync(folder, { recursive: true });
      const documents: FamilyDocument[] = [];
      for (const name of family.cvs) {
        const source = cvs.find((cv) => cv.name === name);
        if (!source) throw new Error(`${family.family}: no source CV named ${name}`);
        const language = LOCALES[source.lang];
        if (!language) throw new Error(`${family.family}: YAMLResume has no locale for ${source.lang} (${name})`);
        const { content, given } = yamlResumeInput(source, options);
        const rendered = JSON.parse(runEngine(dir, 'render', JSON.stringify({ content, locale: { language }, layouts: [family.layout] }))) as Rendered;
        const file = path.join(folder, `${name}.${family.format}`);
        if (family.format === 'docx') writeFileSync(file, Buffer.from(rendered.document, 'base64'));
        else if (family.exportPdf) writeFileSync(file, docxToPdf(Buffer.from(rendered.document, 'base64')));
        else writeFileSync(file, xelatex(rendered.document));
        const texts = family.format === 'docx' ? docxTexts(file) : pdfTexts(file);
        const page = new PrintedText(texts);
        const { truth } = printedTruth(givenReading(given, rendered.shown, rendered.degrees), page);
        // What of the source CV the document does not show, for SOURCES.md.
        const { dropped } = printedTruth(fullReading(themeInput(source.cv)), page);
        documents.push({ name, formats: [family.format], truth, dropped, source: source.origin });
      }
      writeFamily(folder, documents, {
        title: family.title,
        layout:
          `[@yamlresume/core](https://www.npmjs.com/package/@yamlresume/core) ${version} (https://yamlresume.dev, https://github.com/yamlresume/yamlresume), licence: MIT; ` +
          `its "${family.layout.template}" ${family.layout.engine === 'docx' ? 'DOCX' : 'LaTeX'} template, unchanged, in the CV's language (YAMLResume's own translations of headings, dates, degrees and languages).` +
          (family.layout.engine === 'latex' ? " The template is YAMLResume's port of Jake Gutierrez's résumé (MIT), the LaTeX résumé most copied on Overleaf." : ''),
        made: [
          "CV → YAMLResume: `toJsonResume` from @r2w/cv-schema as for the JSON Resume themes, then render-others/yamlresume.ts `yamlResumeInput`: a job's and a project's bullets as a Markdown list under its summary, degrees, languages, fluency, countries and networks set to the nearest of YAMLResume's options (left out when none fits), entries missing a field YAMLResume requires (a start date, an employer) left out; every skill group at level \"Advanced\" (YAMLResume requires a level and the CVs state none; the truth has no levels).",
          family.layout.engine === 'docx'
            ? "Layout → DOCX: YAMLResume's `CalmDocxRenderer` (`getResumeRenderer(resume, 0).render()`), which writes the file with the `docx` library" +
              (family.exportPdf
                ? `; then DOCX → PDF by LibreOffice Writer (\`soffice --headless --convert-to pdf:writer_pdf_Export\`, ${execFileSync('soffice', ['--version'], { encoding: 'utf8' }).trim()}; Debian's fonts: the template asks for Calibri, which falls back), as a Word CV is sent as a PDF.`
                : '; the file is committed as the engine wrote it.')
            : 'Layout → PDF: the `.tex` from `getResumeRenderer(resume, 0).render()` (layout `advanced.showIcons: false`: the icons need fontawesome5 from texlive-fonts-extra), compiled twice by XeLaTeX (Debian TeX Live 2022: texlive-xetex, texlive-latex-extra, texlive-fonts-recommended, texlive-lang-german/-french/-spanish/-chinese; fonts-linuxlibertine), `SOURCE_DATE_EPOCH` fixed.',
          `Command: \`npm run eval:render-others -- ${family.family}\` (installs render-others/yamlresume/package-lock.json with \`npm ci --ignore-scripts\` into a temporary folder; \`YAMLRESUME_DIR=<folder>\` reuses an install).`,
        ],
        truth:
          "The reading of what YAMLResume was given (render-others/yamlresume.ts `givenReading`: the CV's values that reached the engine; degrees, languages and fluency as the engine prints them in the CV's language; date ranges as it prints them, e.g. \"März 2020–Heute\"), kept to the values the document prints by render-others/printed-truth.ts, read with poppler's `pdftotext` for PDFs and from `word/document.xml` (unzip) for DOCX, not with the extractor's readers. Single dates (awards, certificates) printed in another language's month names are left out. Spot-checked against `pdftotext -layout`.",
      });
      console.log(`${family.family}: ${documents.length} documents`);
    }
  } finally {
    if (!process.env.YAMLRESUME_DIR) rmSync(dir, { recursive: true, force: true });
  }
}
