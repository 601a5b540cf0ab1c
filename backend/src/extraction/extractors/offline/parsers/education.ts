import { emptyEducationItem, type EducationItem } from '@r2w/cv-schema';
import { bulletsOf, first, readBody } from '../entry-body';
import { readHead, type HeadPart } from '../entry-head';
import type { Entry } from '../entries';
import type { FieldLabel } from '../field-labels';
import { fold, splitList } from '../text';
import { compact } from './values';
import { looksLikePlace, type Parsed } from './parsed';

const FIELDS: FieldLabel[] = ['gpa', 'thesis', 'advisor', 'honors', 'coursework', 'activities', 'website'];

// Degree names and abbreviations in the five languages.
const DEGREE = new RegExp(
  String.raw`(?:^|[\s(])(?:b\.?\s?sc|m\.?\s?sc|b\.?\s?a|m\.?\s?a|b\.?\s?eng|m\.?\s?eng|b\.?\s?s|m\.?\s?s|ph\.?\s?d|mba|m\.?\s?phil|d\.?\s?phil|llb|llm|md|bachelor|master|masters|doctor|doctorate|associate|diploma|certificate|hnd|gcse|a-levels?|` +
    String.raw`licenciatura|licenciado|licenciada|grado|maestria|doctorado|ingenieria|ingeniero|tecnico superior|bachillerato|` +
    String.raw`licence|maitrise|doctorat|diplome|dut|bts|classe preparatoire|baccalaureat|bac|ingenieur|` +
    String.raw`diplom|magister|promotion|abitur|staatsexamen|ausbildung|` +
    String.raw`תואר|בוגר|מוסמך|דוקטור|הנדסאי|תעודת)(?=$|[\s.,)\-'’])`,
  'iu',
);

const INSTITUTION = /\b(?:university|universidad|universite|universitat|college|school|escuela|ecole|hochschule|fachhochschule|institute|instituto|institut|academy|academia|polytechnic|politecnica|politecnico|polytechnique|lycee|gymnasium|conservatory|conservatorio|seminary|tu|eth|epfl|mit)\b|אוניברסיט|מכלל|טכניון|מכון/iu;

const HONORS = /\b(?:summa cum laude|magna cum laude|cum laude|with (?:high |highest )?(?:honors|honours|distinction)|first[- ]class honours|matricula de honor|mention (?:tres bien|bien|assez bien)|mit auszeichnung)\b|בהצטיינות(?: יתרה)?/iu;

// How a degree names its field: "MSc in Data Science", "Máster en …", "Licence en …",
// "B.Sc. במדעי המחשב" (Hebrew glues "in" to the field). "Bachelor of Science in Physics"
// splits at "in", so "of" stays inside the degree.
const DEGREE_IN = [/^(.+?)\s+(?:in|en|im)\s+(.+)$/u, /^(.+?)\s+ב(?=[\u05d0-\u05ea])(.+)$/u];

const isDegree = (text: string) => DEGREE.test(fold(text));
const isInstitution = (text: string) => INSTITUTION.test(fold(text));

function splitDegree(text: string): { degree: string; field?: string } {
  for (const pattern of DEGREE_IN) {
    const [, degree, field] = pattern.exec(text) ?? [];
    if (degree && field && isDegree(degree) && !isInstitution(field)) return { degree, field };
  }
  return { degree: text };
}

interface Named {
  degree?: string;
  field?: string;
  institution?: string;
  rest: HeadPart[];
}

function nameParts(parts: readonly HeadPart[]): Named {
  const remaining = [...parts];
  const take = (test: (part: HeadPart) => boolean) => {
    const index = remaining.findIndex(test);
    return index === -1 ? undefined : remaining.splice(index, 1)[0];
  };
  const institution = take((part) => isInstitution(part.text) && !isDegree(part.text));
  const degreePart = take((part) => isDegree(part.text)) ?? take(() => true);
  const named: Named = { rest: remaining };
  if (degreePart) Object.assign(named, splitDegree(degreePart.text));
  // "Master, Informatik, TU München": the field follows the degree after a comma.
  const next = remaining[0];
  if (named.field === undefined && degreePart && next && next.line === degreePart.line && !isInstitution(next.text) && !looksLikePlace(next.text) && (institution || remaining.length > 1)) {
    named.field = remaining.shift()!.text;
  }
  named.institution = institution?.text ?? remaining.shift()?.text;
  return named;
}

export function parseEducation(entries: readonly Entry[]): Parsed<EducationItem> {
  const unclassified: string[] = [];
  const items = entries.map((entry) => {
    const head = readHead(entry.head);
    const body = readBody(entry.body, FIELDS);
    const honorsInHead = head.parts.filter((part) => HONORS.test(part.text));
    const { degree, field, institution, rest } = nameParts(head.parts.filter((part) => !honorsInHead.includes(part)));
    let location = head.location ?? undefined;
    for (const part of rest) {
      if (location === undefined && looksLikePlace(part.text)) location = part.text;
      else unclassified.push(part.text);
    }
    unclassified.push(...body.plain, ...body.unknown, ...bulletsOf(body, null));
    return compact({
      ...emptyEducationItem(),
      degree,
      fieldOfStudy: field,
      institution,
      location,
      dateRange: head.dateRange,
      gpa: first(body, 'gpa'),
      honors: [...honorsInHead.map((part) => part.text), ...(body.fields.get('honors') ?? []).flatMap(splitList)],
      relevantCoursework: (body.fields.get('coursework') ?? []).flatMap(splitList),
      activities: [...bulletsOf(body, 'activities'), ...(body.fields.get('activities') ?? [])],
      thesis: first(body, 'thesis'),
      advisor: first(body, 'advisor'),
      url: first(body, 'website'),
    });
  });
  return { items, unclassified };
}
