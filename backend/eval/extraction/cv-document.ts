import type { Cv, SectionKey } from '@r2w/cv-schema';
import { labelsFor, type LabelKey, type Labels, type Lang } from './labels';

// What a CV says, arranged the way CVs print it, before any layout: every renderer (HTML,
// DOCX, plain text) and every layout draws this one model, so the three layouts differ in
// their frame only and cannot disagree about which facts a document states.
//
// Every fact of the ground truth is printed somewhere, verbatim, because extraction keeps
// only values that appear in the text (test/eval/corpus.test.ts holds the renderers to it).

/** A printed line, optionally led by a label ("Technologies: …"). */
export interface Line {
  label?: string;
  text: string;
  quote?: boolean;
}

/** Bullets, optionally under a small label ("Key achievements"). */
export interface Group {
  label?: string;
  items: string[];
}

export type Entry =
  /** A job, a degree, an award: a bold lead, its organisation, dates and place, then details. */
  | { kind: 'item'; title?: string; subtitle?: string; when?: string; where?: string; lines: Line[]; groups: Group[] }
  /** One line ("Spanish: C1", "Languages: Go, Rust", a citation), perhaps with lines after it. */
  | { kind: 'line'; line: Line; more: Line[] };

export interface Section {
  key: SectionKey;
  title: string;
  entries: Entry[];
  /** Short lists a two-column CV keeps in its sidebar. */
  side: boolean;
}

export interface CvDocument {
  lang: Lang;
  dir: 'ltr' | 'rtl';
  name: string;
  headline?: string;
  tagline?: string;
  /** The heading a layout gives the contact details when it sets them apart. */
  contactTitle: string;
  contact: Line[];
  sections: Section[];
}

type Text = string | null | undefined;

const present = (value: Text): value is string => typeof value === 'string' && value.trim() !== '';
const list = (values: readonly Text[] | null | undefined): string[] => (values ?? []).filter(present);

const SIDE_SECTIONS = new Set<SectionKey>(['skills', 'languages', 'hobbies']);

// How a degree names its field: "MSc in Data Science", "Máster en …", "B.Sc. במדעי המחשב".
const DEGREE_IN: Record<Lang, string> = { en: ' in ', es: ' en ', fr: ' en ', de: ', ', he: ' ב' };

const VOLUNTEER = 'volunteer';

/** Builds lines and groups, looking labels up only for values that are printed. */
class Details {
  readonly lines: Line[] = [];
  readonly groups: Group[] = [];

  constructor(private readonly labels: Labels) {}

  text(value: Text, quote = false): this {
    if (present(value)) this.lines.push(quote ? { text: value, quote } : { text: value });
    return this;
  }

  labelled(key: LabelKey, value: Text): this {
    if (present(value)) this.lines.push({ label: this.labels(key), text: value });
    return this;
  }

  joined(key: LabelKey, values: readonly Text[] | null | undefined): this {
    const kept = list(values);
    if (kept.length > 0) this.lines.push({ label: this.labels(key), text: kept.join(', ') });
    return this;
  }

  bullets(key: LabelKey | null, values: readonly Text[] | null | undefined): this {
    const items = list(values);
    if (items.length > 0) this.groups.push(key === null ? { items } : { label: this.labels(key), items });
    return this;
  }

  /** A count most CVs state in a sentence ("a team of 8"): printed on its own only when nothing else says it. */
  count(key: LabelKey, value: number | null | undefined, alsoPrinted: Text[] = []): this {
    if (value === null || value === undefined) return this;
    const printed = [...alsoPrinted, ...this.lines.map((line) => line.text), ...this.groups.flatMap((group) => group.items)].filter(present);
    const mentioned = new RegExp(String.raw`(?<![\d.,])${String(value).replace('.', '\\.')}(?![\d])`).test(printed.join('\n'));
    if (!mentioned) this.lines.push({ label: this.labels(key), text: String(value) });
    return this;
  }
}

type ItemHead = { title?: Text; subtitle?: Text; when?: Text; where?: Text };

function item(head: ItemHead, details: Details): Entry {
  const entry: Entry = { kind: 'item', lines: details.lines, groups: details.groups };
  if (present(head.title)) entry.title = head.title;
  if (present(head.subtitle)) entry.subtitle = head.subtitle;
  if (present(head.when)) entry.when = head.when;
  if (present(head.where)) entry.where = head.where;
  return entry;
}

function line(label: Text, text: Text, details?: Details): Entry | null {
  const more = details?.lines ?? [];
  if (present(label) && present(text)) return { kind: 'line', line: { label, text }, more };
  const only = present(text) ? text : label;
  return present(only) ? { kind: 'line', line: { text: only }, more } : null;
}

function joinPresent(values: Text[], separator: string): string | undefined {
  const kept = list(values);
  return kept.length > 0 ? kept.join(separator) : undefined;
}

// "Authors. Title. Venue, year. doi:…": the usual citation line of an academic CV.
function citation(authors: string[], title: Text, venue: Text, date: Text, doi: Text): string {
  const parts = [joinPresent(authors, ', '), title ?? undefined, joinPresent([venue, date], ', '), present(doi) ? `doi:${doi}` : undefined].filter(present);
  return parts.map((part, index) => (index < parts.length - 1 && !/[.?!]$/.test(part) ? `${part}.` : part)).join(' ');
}

function contactLines(cv: Cv, labels: Labels): Line[] {
  const { contact, hero } = cv;
  const location = contact.location;
  const lines: Line[] = [];
  const push = (text: Text, label?: string) => {
    if (present(text)) lines.push(label === undefined ? { text } : { label, text });
  };
  push(contact.email);
  push(contact.phone);
  push(joinPresent([location?.address, location?.city, location?.state, location?.postalCode, location?.country], ', '));
  for (const link of contact.professionalLinks ?? []) {
    const { platform, url, username } = link;
    // An address that names its site ("linkedin.com/in/…") needs no "LinkedIn:" in front.
    const named = present(url) && present(platform) && url.toLowerCase().includes(platform.toLowerCase());
    const shown = present(url) && present(username) && !url.includes(username) ? `${url} (${username})` : (url ?? username);
    push(shown, named || !present(platform) ? undefined : platform);
  }
  if (present(contact.availability)) push(contact.availability, labels('availability'));
  if (present(hero.profilePhotoUrl)) push(hero.profilePhotoUrl, labels('photo'));
  return lines;
}

type Builder = (cv: Cv, labels: Labels, lang: Lang) => Entry[];

const BUILDERS: Record<Exclude<SectionKey, 'hero' | 'contact' | 'memberships'>, Builder> = {
  summary: ({ summary }, labels) => {
    const details = new Details(labels).text(summary.summaryText).joined('specializations', summary.keySpecializations).bullets('careerHighlights', summary.careerHighlights);
    details.count('yearsOfExperience', summary.yearsOfExperience);
    return details.lines.length + details.groups.length > 0 ? [item({}, details)] : [];
  },
  experience: ({ experience }, labels) =>
    experience.items.map((job) => {
      const details = new Details(labels)
        .text(job.companyDescription)
        .text(job.summary)
        .joined('technologies', job.technologies)
        .labelled('reportsTo', job.reportsTo)
        .labelled('website', job.url)
        .bullets(null, job.responsibilities)
        .bullets('keyAchievements', job.achievements)
        .bullets('keyProjects', job.keyProjects);
      details.count('teamSize', job.teamSize, [job.jobTitle]);
      return item({ title: job.jobTitle, subtitle: job.companyName, when: job.dateRange?.text, where: job.location }, details);
    }),
  education: ({ education }, labels, lang) =>
    education.items.map((study) => {
      const degree = present(study.degree) && present(study.fieldOfStudy) ? `${study.degree}${DEGREE_IN[lang]}${study.fieldOfStudy}` : (study.degree ?? study.fieldOfStudy);
      const details = new Details(labels)
        .labelled('thesis', study.thesis)
        .labelled('advisor', study.advisor)
        .labelled('gpa', study.gpa)
        .joined('honors', study.honors)
        .joined('coursework', study.relevantCoursework)
        .labelled('website', study.url)
        .bullets('activities', study.activities);
      return item({ title: degree, subtitle: study.institution, when: study.dateRange?.text, where: study.location }, details);
    }),
  skills: ({ skills }) =>
    skills.skillCategories.flatMap((category) => {
      const name = present(category.level) && present(category.categoryName) ? `${category.categoryName} (${category.level})` : category.categoryName;
      return line(name, joinPresent(category.skills ?? [], ', ')) ?? [];
    }),
  projects: ({ projects }, labels) =>
    projects.items.map((project) => {
      const details = new Details(labels)
        .text(project.description)
        .labelled('role', project.role)
        .joined('roles', project.roles)
        .labelled('organisation', project.entity)
        .labelled('type', project.type)
        .labelled('duration', project.duration)
        .joined('technologies', project.technologies)
        .labelled('challenges', project.challenges)
        .labelled('impact', project.impact)
        .text(project.projectUrl)
        .labelled('code', project.githubUrl)
        .labelled('demo', project.demoUrl)
        .labelled('video', project.videoUrl)
        .labelled('image', project.imageUrl)
        .bullets('keyFeatures', project.keyFeatures)
        .bullets('achievements', project.achievements);
      details.count('teamSize', project.teamSize);
      return item({ title: project.title, when: project.dateRange?.text }, details);
    }),
  certifications: ({ certifications }, labels) =>
    certifications.items.map((cert) => {
      const details = new Details(labels)
        .text(cert.description)
        .labelled('credentialId', cert.credentialId)
        .labelled('expires', cert.expirationDate)
        .labelled('score', cert.score)
        .joined('skillsCovered', cert.skills)
        .text(cert.credentialUrl);
      return item({ title: cert.certificationName, subtitle: cert.issuingOrganization, when: cert.issueDateText ?? cert.issueDate }, details);
    }),
  languages: ({ languages }, labels) =>
    languages.items.flatMap((language) => {
      const certificates = list(language.certifications);
      const level = joinPresent([language.proficiency, certificates.length > 0 ? `(${certificates.join(', ')})` : undefined], ' ');
      const details = new Details(labels);
      details.count('yearsOfExperience', language.yearsOfExperience, [level]);
      return line(language.language, level, details) ?? [];
    }),
  hobbies: ({ hobbies }, labels) =>
    hobbies.items.flatMap((hobby) => {
      const about = joinPresent([hobby.description, joinPresent(hobby.keywords ?? [], ', ')], ': ');
      const details = new Details(labels).joined('achievements', hobby.achievements).joined('relevantSkills', hobby.relevantSkills);
      details.count('yearsOfExperience', hobby.yearsOfExperience, [about]);
      return line(hobby.hobbyName, about, details) ?? [];
    }),
  testimonials: ({ testimonials }, labels) =>
    testimonials.items.map((testimonial) => {
      const author = joinPresent([testimonial.authorName, testimonial.authorTitle, testimonial.authorCompany], ', ');
      const relation = present(testimonial.relationshipToCandidate) ? `(${testimonial.relationshipToCandidate})` : undefined;
      const signed = joinPresent([author, relation], ' ');
      const attribution = joinPresent([signed && `— ${signed}`, testimonial.dateGiven], ', ');
      const details = new Details(labels).text(testimonial.testimonialText, true).text(attribution).text(testimonial.linkedInProfile).text(testimonial.authorImageUrl);
      return item({}, details);
    }),
  awards: ({ awards }, labels) =>
    awards.items.map((award) => {
      const details = new Details(labels).text(award.description).labelled('category', award.category).labelled('significance', award.significance);
      return item({ title: award.awardName, subtitle: award.issuingOrganization, when: award.dateReceivedText ?? award.dateReceived }, details);
    }),
  publications: ({ publications }, labels) =>
    publications.items.flatMap((publication) => {
      const date = publication.datePublishedText ?? publication.datePublished;
      const details = new Details(labels).text(publication.abstract).text(publication.url);
      const cited = citation(list(publication.authors), publication.title, publication.publication, date, publication.doi);
      details.count('citedBy', publication.citations, [cited]);
      return line(null, cited, details) ?? [];
    }),
  patents: ({ patents }, labels) =>
    patents.items.map((patent) => {
      const details = new Details(labels).text(patent.description).joined('inventors', patent.inventors).labelled('assignee', patent.assignee).text(patent.url);
      const granted = present(patent.dateGranted) ? `${labels('granted')} ${patent.dateGranted}` : undefined;
      return item({ title: patent.title, subtitle: patent.patentNumber, when: granted }, details);
    }),
  conferences: ({ conferences }, labels) =>
    conferences.items.map((conference) => {
      const details = new Details(labels).text(conference.description).bullets('topics', conference.topicsPresented);
      return item({ title: conference.eventName, subtitle: conference.role, when: conference.date, where: conference.location }, details);
    }),
  courses: ({ courses }, labels) =>
    courses.items.map((course) => {
      const details = new Details(labels).labelled('duration', course.duration).labelled('grade', course.grade).joined('skillsCovered', course.skills).labelled('certificate', course.certificateUrl);
      return item({ title: course.courseName, subtitle: course.provider, when: course.completionDate }, details);
    }),
  references: ({ references }, labels) =>
    references.items.map((reference) => {
      const details = new Details(labels)
        .text(reference.relationship)
        .text(joinPresent([reference.email, reference.phone], ' · '))
        .text(reference.referenceText, true);
      details.count('yearsKnown', reference.yearsKnown, [reference.relationship]);
      return item({ title: reference.name, subtitle: joinPresent([reference.title, reference.company], ', ') }, details);
    }),
};

type Membership = Cv['memberships']['items'][number];

function membershipEntry(membership: Membership, labels: Labels): Entry {
  const start = membership.startDateText ?? membership.startDate;
  const end = membership.endDateText ?? membership.endDate;
  const when = present(start) && present(end) ? `${start} – ${end}` : present(start) ? `${labels('since')} ${start}` : end;
  const type = membership.membershipType?.trim().toLowerCase() === VOLUNTEER ? undefined : membership.membershipType;
  const details = new Details(labels).text(membership.description).text(membership.url).bullets('activities', membership.activities).bullets('achievements', membership.achievements);
  return item({ title: membership.organizationName, subtitle: joinPresent([membership.position, type], ' · '), when }, details);
}

// Volunteering is stored with the memberships (as JSON Resume's volunteer section is), but
// a CV that has both prints them under two headings.
function membershipSections(cv: Cv, labels: Labels): Section[] {
  const { sectionTitle, items } = cv.memberships;
  const volunteering = items.filter((entry) => entry.membershipType?.trim().toLowerCase() === VOLUNTEER);
  const others = items.filter((entry) => !volunteering.includes(entry));
  const section = (title: string, entries: Membership[]): Section[] =>
    entries.length > 0 ? [{ key: 'memberships', title, side: false, entries: entries.map((entry) => membershipEntry(entry, labels)) }] : [];
  return [...section(sectionTitle, others), ...section(others.length > 0 ? labels('volunteering') : sectionTitle, volunteering)];
}

function sectionTitle(cv: Cv, key: Exclude<SectionKey, 'hero' | 'contact'>, labels: Labels): string {
  const section = cv[key];
  return 'sectionTitle' in section ? section.sectionTitle : labels('summary');
}

export function cvDocument(cv: Cv, lang: Lang): CvDocument {
  const labels = labelsFor(lang);
  const sections: Section[] = [];
  for (const key of Object.keys(BUILDERS) as (keyof typeof BUILDERS)[]) {
    const entries = BUILDERS[key](cv, labels, lang);
    if (entries.length > 0) sections.push({ key, title: sectionTitle(cv, key, labels), entries, side: SIDE_SECTIONS.has(key) });
    // Memberships keep their place in the schema's order, after the testimonials.
    if (key === 'testimonials') sections.push(...membershipSections(cv, labels));
  }
  const document: CvDocument = { lang, dir: lang === 'he' ? 'rtl' : 'ltr', name: cv.hero.fullName ?? '', contactTitle: labels('contact'), contact: contactLines(cv, labels), sections };
  if (present(cv.hero.professionalTitle)) document.headline = cv.hero.professionalTitle;
  if (present(cv.hero.summaryTagline)) document.tagline = cv.hero.summaryTagline;
  return document;
}

/** Every string the document prints, in order: what a plain reading of it yields. */
export function printedText(document: CvDocument): string[] {
  const lineText = (printed: Line) => (printed.label ? `${printed.label}: ${printed.text}` : printed.text);
  const entryText = (entry: Entry): string[] =>
    entry.kind === 'line'
      ? [lineText(entry.line), ...entry.more.map(lineText)]
      : [entry.title, entry.subtitle, entry.when, entry.where, ...entry.lines.map(lineText), ...entry.groups.flatMap((group) => [group.label, ...group.items])].filter(present);
  return [
    document.name,
    document.headline,
    document.tagline,
    ...document.contact.map(lineText),
    ...document.sections.flatMap((section) => [section.title, ...section.entries.flatMap(entryText)]),
  ].filter(present);
}
