import { emptyEducationItem, type EducationItem } from '@r2w/cv-schema';
import { parseLocation } from '../contact-fields';
import { bulletsOf, first, readBody, type BodyFacts } from '../entry-body';
import { readHead, type HeadFacts, type HeadPart } from '../entry-head';
import type { Entry } from '../entries';
import { labelledField, SECTION_FIELDS } from '../field-labels';
import { isDegree, isInstitution, isWholeDegree, leadingDegree } from '../roles';
import { labelled, splitList, wordCount } from '../text';
import { compact } from './values';
import { looksLikePlace, type Parsed } from './parsed';

const FIELDS = SECTION_FIELDS.education;

const HONORS =
  /\b(?:summa cum laude|magna cum laude|cum laude|with (?:high |highest )?(?:honors|honours|distinction)|first[- ]class honours|matricula de honor|mention (?:tres bien|bien|assez bien)|mit auszeichnung)\b|בהצטיינות(?: יתרה)?/iu;

// How a degree names its field: "MSc in Data Science", "Máster en …", "Licence en …",
// "B.Sc. במדעי המחשב" (Hebrew glues "in" to the field). "Bachelor of Science in Physics"
// splits at "in", so "of" stays inside the degree.
const DEGREE_IN = [/^(.+?)\s+(?:in|en|im)\s+(.+)$/u, /^(.+?)\s+ב(?=[\u05d0-\u05ea])(.+)$/u];

function splitDegree(text: string): { degree: string; field?: string } {
  for (const pattern of DEGREE_IN) {
    const [, degree, field] = pattern.exec(text) ?? [];
    if (degree && field && isDegree(degree) && !isInstitution(field)) return { degree, field };
  }
  return leadingDegree(text) ?? { degree: text };
}

// "BSc in Physics at University of Leeds", "学士 in 情報デザイン at 九州大学": the school
// follows "at" on the degree's line, or opens the next line with it ("at University of Leeds").
const AT_SCHOOL = /^(.*?)\s*(?:^|\s)(?:at|@|chez|bei)\s+(.+)$/iu;

/** The head's pieces with a school that follows "at" made a piece of its own, without the "at". */
function schoolsApart(parts: readonly HeadPart[]): HeadPart[] {
  return parts.flatMap((part) => {
    const [, before = '', school] = AT_SCHOOL.exec(part.text) ?? [];
    if (!school || (before !== '' && !isDegree(before) && !isInstitution(school))) return [part];
    return before === ''
      ? [{ ...part, text: school }]
      : [
          { ...part, text: before },
          { ...part, text: school },
        ];
  });
}

interface Named {
  degree?: string;
  field?: string;
  institution?: string;
  rest: HeadPart[];
}

/**
 * Degree, field and institution by their words, then by order: "MSc in X, University",
 * "Master of Science, Maschinenbau, Universität Stuttgart" (the field between degree and
 * institution), "University, BSc".
 */
function nameParts(parts: readonly HeadPart[]): Named {
  const institutionAt = parts.findIndex((part) => isInstitution(part.text) && !isDegree(part.text));
  const degreeFound = parts.findIndex((part, index) => index !== institutionAt && isDegree(part.text));
  const degreeAt = degreeFound !== -1 ? degreeFound : institutionAt === 0 ? 1 : 0;
  // A school no word names ("IAE Lyon" over "Master, Marketing digital") stands alone on a
  // line of its own; the piece after the degree on the degree's own line is its field.
  const alone = (part: HeadPart) => parts.filter((other) => other.line === part.line).length === 1;
  const aloneAt = parts.findIndex((part) => part.line !== parts[degreeAt]?.line && alone(part));
  const institution = institutionAt !== -1 ? institutionAt : aloneAt !== -1 && degreeFound !== -1 ? aloneAt : parts[degreeAt + 1] ? degreeAt + 1 : -1;
  const between = institution > degreeAt + 1 ? parts.slice(degreeAt + 1, institution).filter((part) => part.line === parts[degreeAt]!.line) : [];
  const named: Named = { rest: parts.filter((part, index) => index !== degreeAt && index !== institution && !between.includes(part)) };
  const degreePart = parts[degreeAt];
  if (degreePart) Object.assign(named, splitDegree(degreePart.text));
  if (named.field === undefined && between.length > 0) named.field = between.map((part) => part.text).join(', ');
  else named.rest.unshift(...between);
  if (institution !== -1) named.institution = parts[institution]!.text;
  if (named.field === undefined && degreePart) {
    // "Graphic Design, Bachelor of Fine Arts, School": the field set just before the degree (or
    // after it) on its line, or alone on the line just over or under the degree's own.
    const beside = (part: HeadPart) => part.line === degreePart.line || (Math.abs(part.line - degreePart.line) === 1 && alone(part) && alone(degreePart));
    const field = [parts[degreeAt - 1], parts[degreeAt + 1]].find(
      (part) => part !== undefined && named.rest.includes(part) && beside(part) && isDegree(degreePart.text) && !isInstitution(part.text) && parseLocation(part.text) === null,
    );
    if (field) {
      named.field = field.text;
      named.rest = named.rest.filter((part) => part !== field);
    }
  }
  return named;
}

/** "Bachelor of Science: Nursing" under the school's name: the degree labels its field. */
function degreeLine(details: readonly string[]): { text: string; degree: string; field: string } | null {
  for (const text of details) {
    const pair = labelled(text);
    if (pair?.value && isDegree(pair.label) && wordCount(pair.label) <= 4 && !isInstitution(pair.value)) return { text, degree: pair.label, field: pair.value };
  }
  return null;
}

/**
 * The entry's head and body read, with a degree set in under the school and field as a list's
 * item would be ("Universidad de Madrid / Ciencia de Datos / • Máster") taken into the head:
 * it names the entry, whatever its indent. Only a degree's name or a degree and its field
 * counts; a detail that mentions a degree ("Teaching assistant for MBA students") stays one.
 */
function degreeBelowHead(entry: Entry): { head: HeadFacts; body: BodyFacts } {
  const head = readHead(entry.head);
  const [below, ...rest] = entry.body;
  const namesDegree = (text: string) => isWholeDegree(text) || leadingDegree(text) !== null || (isDegree(text) && wordCount(text) <= 2);
  if (below === undefined || head.parts.some((part) => isDegree(part.text)) || !namesDegree(below.text) || labelled(below.text) !== null) {
    return { head, body: readBody(entry.body, FIELDS) };
  }
  return { head: readHead([...entry.head, below]), body: readBody(rest, FIELDS) };
}

export function parseEducation(entries: readonly Entry[]): Parsed<EducationItem> {
  const unclassified: string[] = [];
  const items = entries.map((entry) => {
    const { head, body } = degreeBelowHead(entry);
    // "M.S. in Computer Science, GPA: 3.9, magna cum laude": details on the degree's own line.
    const labelledInHead = head.parts.filter((part) => labelledField(part.text, FIELDS) !== null);
    for (const part of labelledInHead) {
      const { field, value } = labelledField(part.text, FIELDS)!;
      body.fields.set(field, [value, ...(body.fields.get(field) ?? [])]);
    }
    const honorsInHead = head.parts.filter((part) => HONORS.test(part.text));
    const { degree, field, institution, rest } = nameParts(schoolsApart(head.parts).filter((part) => !honorsInHead.includes(part) && !labelledInHead.includes(part)));
    let location = head.location ?? undefined;
    for (const part of rest) {
      if (location === undefined && looksLikePlace(part.text)) location = part.text;
      else unclassified.push(part.text);
    }
    const details = [...body.unknown, ...bulletsOf(body, null)];
    const labelledDegree = degree === undefined ? degreeLine(details) : null;
    unclassified.push(...body.plain, ...details.filter((text) => text !== labelledDegree?.text));
    return compact({
      ...emptyEducationItem(),
      degree: degree ?? labelledDegree?.degree,
      fieldOfStudy: field ?? labelledDegree?.field,
      institution,
      location,
      dateRange: head.dateRange,
      gpa: first(body, 'gpa'),
      honors: [...honorsInHead.map((part) => part.text), ...(body.fields.get('honors') ?? []).flatMap(splitList)],
      relevantCoursework: [...(body.fields.get('coursework') ?? []).flatMap(splitList), ...bulletsOf(body, 'coursework')],
      activities: [...bulletsOf(body, 'activities'), ...(body.fields.get('activities') ?? [])],
      thesis: first(body, 'thesis'),
      advisor: first(body, 'advisor'),
      url: first(body, 'website'),
    });
  });
  return { items, unclassified };
}
