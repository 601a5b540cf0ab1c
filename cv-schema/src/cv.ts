import { z } from 'zod';
import { longString, MAX_LIST_ITEMS, shortText, urlText } from './fields';
import { awardsSchema, emptyAwards } from './sections/awards';
import { certificationsSchema, emptyCertifications } from './sections/certifications';
import { conferencesSchema, emptyConferences } from './sections/conferences';
import { contactSchema, emptyContact } from './sections/contact';
import { coursesSchema, emptyCourses } from './sections/courses';
import { educationSchema, emptyEducation } from './sections/education';
import { emptyExperience, experienceSchema } from './sections/experience';
import { emptyHero, heroSchema } from './sections/hero';
import { emptyHobbies, hobbiesSchema } from './sections/hobbies';
import { emptyLanguages, languagesSchema } from './sections/languages';
import { emptyMemberships, membershipsSchema } from './sections/memberships';
import { emptyPatents, patentsSchema } from './sections/patents';
import { emptyProjects, projectsSchema } from './sections/projects';
import { emptyPublications, publicationsSchema } from './sections/publications';
import { emptyReferences, referencesSchema } from './sections/references';
import { emptySkills, skillsSchema } from './sections/skills';
import { emptySummary, summarySchema } from './sections/summary';
import { emptyTestimonials, testimonialsSchema } from './sections/testimonials';

// In the order of CV-SCHEMA.md, which is the order SECTION_KEYS gives to editors and templates.
export const SECTION_SCHEMAS = {
  hero: heroSchema,
  contact: contactSchema,
  summary: summarySchema,
  experience: experienceSchema,
  education: educationSchema,
  skills: skillsSchema,
  projects: projectsSchema,
  certifications: certificationsSchema,
  languages: languagesSchema,
  hobbies: hobbiesSchema,
  testimonials: testimonialsSchema,
  memberships: membershipsSchema,
  awards: awardsSchema,
  publications: publicationsSchema,
  patents: patentsSchema,
  conferences: conferencesSchema,
  courses: coursesSchema,
  references: referencesSchema,
} as const;

export type SectionKey = keyof typeof SECTION_SCHEMAS;
export const SECTION_KEYS: readonly SectionKey[] = Object.freeze(Object.keys(SECTION_SCHEMAS) as SectionKey[]);

export const extractionSchema = z.strictObject({
  unclassifiedText: z.array(longString).max(MAX_LIST_ITEMS),
  sections: z.partialRecord(z.enum(SECTION_KEYS), z.strictObject({ confidence: z.number().min(0).max(1), source: z.enum(['llm', 'heuristic']) })),
  rejectedValues: z.int().min(0),
});
export type Extraction = z.infer<typeof extractionSchema>;

// What a JSON Resume document says about itself (its canonical address, version and date), kept
// from an import so the export gives it back; it describes the document, not the person.
export const jsonResumeMetaSchema = z.looseObject({ canonical: urlText, version: shortText, lastModified: shortText });

export const CvSchema = z.strictObject({
  schemaVersion: z.literal(1),
  ...SECTION_SCHEMAS,
  extraction: extractionSchema.optional(),
  jsonResumeMeta: z.strictObject(jsonResumeMetaSchema.shape).optional(),
});
export type Cv = z.infer<typeof CvSchema>;

// PUT takes the whole CV as GET returned it, extraction report included: the API stores the
// body as it is, and a save must not lose the unclassified text the user has yet to place.
// Its own name lets the route say what it accepts and change without touching other callers.
export const CvEditSchema = CvSchema;
export type CvEdit = z.infer<typeof CvEditSchema>;

export function emptyCv(): Cv {
  return {
    schemaVersion: 1,
    hero: emptyHero(),
    contact: emptyContact(),
    summary: emptySummary(),
    experience: emptyExperience(),
    education: emptyEducation(),
    skills: emptySkills(),
    projects: emptyProjects(),
    certifications: emptyCertifications(),
    languages: emptyLanguages(),
    hobbies: emptyHobbies(),
    testimonials: emptyTestimonials(),
    memberships: emptyMemberships(),
    awards: emptyAwards(),
    publications: emptyPublications(),
    patents: emptyPatents(),
    conferences: emptyConferences(),
    courses: emptyCourses(),
    references: emptyReferences(),
  };
}

export type CvFactValue = string | number | boolean;
export type CvFact = { section: SectionKey; path: string; value: CvFactValue };

// Headings are left behind by walking a list section's entries; ids are the editor's keys,
// not facts the CV states.
function entriesOf(cv: Cv, key: SectionKey): unknown {
  const section = cv[key];
  if ('items' in section) return section.items;
  if ('skillCategories' in section) return section.skillCategories;
  return section;
}

function leaves(value: unknown, path: string): [string, CvFactValue][] {
  if (Array.isArray(value)) return value.flatMap((entry, index) => leaves(entry, `${path}[${index}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, entry]) => (key === 'id' ? [] : leaves(entry, `${path}.${key}`)));
  }
  if (typeof value === 'string') return value.trim() ? [[path, value]] : [];
  if (typeof value === 'number' || typeof value === 'boolean') return [[path, value]];
  return [];
}

/**
 * Every stated value of the CV, one per leaf. A list section's entries are indexed on the
 * section itself (`experience[0].companyName`, `skills[1].skills[0]`), without `.items`, so a
 * path names the same fact whatever the section's heading or storage shape.
 */
export function cvFacts(cv: Cv): CvFact[] {
  return SECTION_KEYS.flatMap((section) => leaves(entriesOf(cv, section), section).map(([path, value]) => ({ section, path, value })));
}
