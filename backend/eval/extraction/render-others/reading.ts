import type { Cv } from '@r2w/cv-schema';

// Helpers for a family's "reading": the source CV as a careful reader files it from a layout
// whose generator is ours, so the truth holds only the fields the layout prints. A value printed
// elsewhere on the page (a job's technologies in the skills, a membership's year in a date
// column) must not make an unprinted field true.

/** The named fields of an item (and its id), the others left out. */
export function pick<T extends object, K extends keyof T>(item: T, keys: readonly K[]): Pick<T, K | ('id' & keyof T)> {
  return Object.fromEntries(['id', ...keys].filter((key) => key in item).map((key) => [key, item[key as K]])) as Pick<T, K | ('id' & keyof T)>;
}

type Job = Cv['experience']['items'][number];

/** A job's bullets, printed with no label, are all its responsibilities (the project's convention: only labelled bullets are achievements). */
export function unlabelledBullets(job: Job): Pick<Job, 'responsibilities'> {
  const bullets = [...(job.responsibilities ?? []), ...(job.achievements ?? [])];
  return bullets.length > 0 ? { responsibilities: bullets } : {};
}

/** A language as printed with its level; "native" is stated by the level, so a native language stays marked. */
export function printedLanguages(cv: Cv): Cv['languages']['items'] {
  return cv.languages.items.map((item) => pick(item, ['id', 'language', 'proficiency', 'nativeLanguage']));
}

const sameText = (a: string | null | undefined, b: string | null | undefined) => Boolean(a) && a?.trim().toLowerCase() === b?.trim().toLowerCase();

/**
 * A reading whose format has no field for them (JSON Resume) given back the facts its text
 * states, as the project's corpus files them: years of experience (from the summary), a team's
 * size (from a job's bullets), a native language (from its level). printed-truth.ts then keeps
 * a number only where the page prints it, and a flag with its language.
 */
export function withStatedFacts(reading: Cv, source: Cv): Cv {
  const job = (item: Job) => source.experience.items.find((candidate) => sameText(candidate.jobTitle, item.jobTitle) && sameText(candidate.companyName, item.companyName));
  const language = (item: Cv['languages']['items'][number]) => source.languages.items.find((candidate) => sameText(candidate.language, item.language));
  return {
    ...reading,
    summary: { ...reading.summary, yearsOfExperience: source.summary.yearsOfExperience },
    experience: { ...reading.experience, items: reading.experience.items.map((item) => ({ ...item, teamSize: job(item)?.teamSize })) },
    languages: { ...reading.languages, items: reading.languages.items.map((item) => ({ ...item, nativeLanguage: language(item)?.nativeLanguage })) },
  };
}
