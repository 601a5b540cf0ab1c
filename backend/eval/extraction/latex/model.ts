import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CvSchema, type Cv } from '@r2w/cv-schema';
import { loadCorpus } from '../corpus';
import { cvDocument, type CvDocument, type Entry, type Line, type Section } from '../cv-document';
import type { Lang } from '../labels';

// What a LaTeX class is given to print: the eval's document model of a CV (cv-document.ts, the
// same facts every other rendering prints), the contact details split the way CV classes
// take them (\email, \phone, \address, \homepage), and the shape a CV's author chose for
// entry heads. The ground truth of a rendering is the CV itself, because every fact is printed.

export type TexLang = Lang | 'zh';
export type Engine = 'pdflatex' | 'xelatex';

const ShapeSchema = z.strictObject({
  /** How an experience entry's head is written (the default is the class's own: title, then employer). */
  experienceHead: z.enum(['company-title', 'role-at-company', 'company-pipe-dates']).optional(),
  /** Degree, field and school in table columns of their own, not "Degree in Field" over the school. */
  educationColumns: z.boolean().optional(),
  /** A running header and footer (fancyhdr) with the name and "Page n of m". */
  runningHeader: z.boolean().optional(),
  /** Characters pdfTeX's fonts lack (Unicode dashes, CJK) need XeTeX. */
  engine: z.enum(['pdflatex', 'xelatex']).optional(),
  /** The profile's heading, for languages the eval's labels do not cover. */
  summaryTitle: z.string().optional(),
});
export type Shape = z.infer<typeof ShapeSchema>;

const NewCvSchema = z.strictObject({ shape: ShapeSchema, cv: CvSchema });

export interface LatexInput {
  name: string;
  lang: TexLang;
  cv: Cv;
  shape: Shape;
}

export type TexEntry = Entry & { columns?: string[] };
export type TexSection = Omit<Section, 'entries'> & { entries: TexEntry[] };

export interface LatexCv {
  lang: TexLang;
  engine: Engine;
  name: string;
  /** The name split for classes that take first and last names apart (\name{first}{last}). */
  firstName: string;
  lastName: string;
  headline?: string;
  tagline?: string;
  email?: string;
  phone?: string;
  location?: string;
  /** Web addresses, as printed. */
  links: string[];
  /** Labelled contact lines ("Availability: …"). */
  extras: Line[];
  sections: TexSection[];
  runningHeader: boolean;
}

const NEW_CVS_DIR = path.join(__dirname, 'cvs');
const FILE_NAME = /^(?<name>[a-z0-9-]+)\.(?<lang>[a-z]{2})\.json$/;
const LANGS: readonly TexLang[] = ['en', 'es', 'fr', 'de', 'he', 'zh'];

/** The project's corpus CVs and the CVs written for the shapes third-party CVs take (cvs/). */
export function loadInputs(): LatexInput[] {
  const corpus = loadCorpus()
    .filter((entry) => entry.origin === 'project')
    .map((entry): LatexInput => ({ name: entry.name, lang: entry.lang, cv: entry.cv, shape: {} }));
  const written = readdirSync(NEW_CVS_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file): LatexInput => {
      const parts = FILE_NAME.exec(file)?.groups;
      const lang = parts?.lang as TexLang | undefined;
      if (!parts?.name || !lang || !LANGS.includes(lang)) throw new Error(`latex/cvs/${file}: name it <name>.<${LANGS.join('|')}>.json`);
      const parsed = NewCvSchema.safeParse(JSON.parse(readFileSync(path.join(NEW_CVS_DIR, file), 'utf8')));
      if (!parsed.success) throw new Error(`latex/cvs/${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
      return { name: parts.name, lang, cv: parsed.data.cv, shape: parsed.data.shape };
    });
  return [...corpus, ...written];
}

type ItemEntry = Extract<Entry, { kind: 'item' }>;

function experienceHead(entry: ItemEntry, head: Shape['experienceHead']): TexEntry {
  const { title, subtitle, when } = entry;
  if (head === undefined || title === undefined || subtitle === undefined) return entry;
  const rest: TexEntry = { ...entry };
  delete rest.title;
  delete rest.subtitle;
  switch (head) {
    case 'company-title':
      return { ...rest, title: subtitle, subtitle: title };
    case 'role-at-company':
      return { ...rest, title: `${title} @${subtitle}` };
    case 'company-pipe-dates': {
      if (when === undefined) return { ...rest, title: subtitle, subtitle: title };
      const withoutDates: TexEntry = { ...rest, title: `${subtitle} | ${when}`, subtitle: title };
      delete withoutDates.when;
      return withoutDates;
    }
  }
}

function educationColumns(entry: ItemEntry, study: Cv['education']['items'][number] | undefined): TexEntry {
  const columns = [study?.degree, study?.fieldOfStudy, study?.institution, study?.location].filter((value): value is string => typeof value === 'string' && value.trim() !== '');
  return { ...entry, columns };
}

function shaped(section: Section, cv: Cv, shape: Shape): TexSection {
  const entries = section.entries.map((entry, index): TexEntry => {
    if (entry.kind !== 'item') return entry;
    if (section.key === 'experience') return experienceHead(entry, shape.experienceHead);
    // The education builder prints one entry per item, in order.
    if (section.key === 'education' && shape.educationColumns) return educationColumns(entry, cv.education.items[index]);
    return entry;
  });
  const title = section.key === 'summary' && shape.summaryTitle !== undefined ? shape.summaryTitle : section.title;
  return { ...section, title, entries };
}

function splitName(name: string): [string, string] {
  const at = name.trim().lastIndexOf(' ');
  return at === -1 ? ['', name.trim()] : [name.slice(0, at).trim(), name.slice(at + 1).trim()];
}

export function latexCv(input: LatexInput): LatexCv {
  const { cv, shape } = input;
  // Chinese CVs here use no labelled fields, so English labels are never printed in them.
  const document: CvDocument = cvDocument(cv, input.lang === 'zh' ? 'en' : input.lang);
  const [firstName, lastName] = splitName(document.name);
  const location = cv.contact.location;
  const place = [location?.address, location?.city, location?.state, location?.postalCode, location?.country].filter((part) => part?.trim()).join(', ');
  const links: string[] = [];
  const extras: Line[] = [];
  for (const line of document.contact) {
    if (line.text === cv.contact.email || line.text === cv.contact.phone || line.text === place) continue;
    if (line.label === undefined) links.push(line.text);
    else extras.push(line);
  }
  const result: LatexCv = {
    lang: input.lang,
    engine: shape.engine ?? (input.lang === 'he' || input.lang === 'zh' ? 'xelatex' : 'pdflatex'),
    name: document.name,
    firstName,
    lastName,
    links,
    extras,
    sections: document.sections.map((section) => shaped(section, cv, shape)),
    runningHeader: shape.runningHeader ?? false,
  };
  if (document.headline !== undefined) result.headline = document.headline;
  if (document.tagline !== undefined) result.tagline = document.tagline;
  if (cv.contact.email) result.email = cv.contact.email;
  if (cv.contact.phone) result.phone = cv.contact.phone;
  if (place) result.location = place;
  return result;
}
