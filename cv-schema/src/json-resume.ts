import { z } from 'zod';
import { CvSchema, emptyCv, jsonResumeMetaSchema, type Cv } from './cv';
import { countryCode } from './countries';
import { normalizeDate, type DateRange } from './dates';
import type { ContactLocation } from './sections/contact';
import { createId, emailText, longText, longTextList, MAX_LIST_ITEMS, phoneText, shortText, shortTextList, urlText } from './fields';

export const JSON_RESUME_SCHEMA_URL = 'https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json';

// Documents come from other tools, so unknown keys pass; the types and the same size bounds
// as the CV still apply, so a bad document fails here with JSON Resume paths.
const entries = <Item extends z.ZodType>(item: Item) => z.array(item).max(MAX_LIST_ITEMS).nullish();

export const jsonResumeSchema = z.looseObject({
  $schema: shortText,
  basics: z
    .looseObject({
      name: shortText,
      label: shortText,
      image: urlText,
      email: emailText,
      phone: phoneText,
      url: urlText,
      summary: longText,
      location: z.looseObject({ address: shortText, postalCode: shortText, city: shortText, countryCode: shortText, region: shortText }).nullish(),
      profiles: entries(z.looseObject({ network: shortText, username: shortText, url: urlText })),
    })
    .nullish(),
  work: entries(
    z.looseObject({
      name: shortText,
      location: shortText,
      description: longText,
      position: shortText,
      url: urlText,
      startDate: shortText,
      endDate: shortText,
      summary: longText,
      highlights: longTextList,
    }),
  ),
  volunteer: entries(
    z.looseObject({
      organization: shortText,
      position: shortText,
      url: urlText,
      startDate: shortText,
      endDate: shortText,
      summary: longText,
      highlights: longTextList,
    }),
  ),
  education: entries(
    z.looseObject({
      institution: shortText,
      url: urlText,
      area: shortText,
      studyType: shortText,
      startDate: shortText,
      endDate: shortText,
      score: shortText,
      courses: shortTextList,
    }),
  ),
  awards: entries(z.looseObject({ title: shortText, date: shortText, awarder: shortText, summary: longText })),
  certificates: entries(z.looseObject({ name: shortText, date: shortText, url: urlText, issuer: shortText })),
  publications: entries(z.looseObject({ name: shortText, publisher: shortText, releaseDate: shortText, url: urlText, summary: longText })),
  skills: entries(z.looseObject({ name: shortText, level: shortText, keywords: shortTextList })),
  languages: entries(z.looseObject({ language: shortText, fluency: shortText })),
  interests: entries(z.looseObject({ name: shortText, keywords: shortTextList })),
  references: entries(z.looseObject({ name: shortText, reference: longText })),
  projects: entries(
    z.looseObject({
      name: shortText,
      description: longText,
      highlights: longTextList,
      keywords: shortTextList,
      startDate: shortText,
      endDate: shortText,
      url: urlText,
      roles: shortTextList,
      entity: shortText,
      type: shortText,
    }),
  ),
  meta: jsonResumeMetaSchema.nullish(),
});
export type JsonResume = z.infer<typeof jsonResumeSchema>;

type Maybe<T> = T | null | undefined;

function isBlank(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

// Absent facts are omitted rather than written as "" or []: JSON Resume documents use ""
// for "nothing" (the sample's image), and the CV must not record it as a stated value.
// The cast holds because only optional keys can be blank.
function compact<T extends object>(record: T): T {
  const kept = Object.entries(record)
    .map(([key, value]) => [key, Array.isArray(value) ? value.filter((entry) => !isBlank(entry)) : value] as const)
    .filter(([, value]) => !isBlank(value));
  return Object.fromEntries(kept) as T;
}

const normalized = (date: Maybe<string>) => (date ? normalizeDate(date) : undefined);

// JSON Resume dates are ISO with a day (2013-12-01); the CV keeps YYYY-MM in start/end and
// the document's own strings in `text`, "2013-12-01 – 2014-12-01", the range as written.
function rangeFromJson(startDate: Maybe<string>, endDate: Maybe<string>): DateRange | undefined {
  if (!startDate && !endDate) return undefined;
  return {
    start: normalized(startDate) ?? null,
    end: normalized(endDate) ?? null,
    // JSON Resume writes no endDate for what is still going on.
    isCurrent: Boolean(startDate) && !endDate,
    text: `${startDate ?? ''} – ${endDate ?? ''}`.trim(),
  };
}

const ISO_DATE = /(?<!\d)\d{4}(?:-\d{2}){0,2}(?!\d)/g;

// The date as the source wrote it when that still says the same as the normalised value, so an
// imported day survives export; after an edit of start/end the edited value wins over stale text.
function asWritten(value: Maybe<string>, written: Maybe<string>, pick: 'first' | 'last' = 'first'): string | undefined {
  if (!value) return undefined;
  const matching = (written?.match(ISO_DATE) ?? []).filter((date) => normalizeDate(date) === value);
  return (pick === 'first' ? matching[0] : matching.at(-1)) ?? value;
}

function rangeToJson(range: Maybe<DateRange>) {
  return { startDate: asWritten(range?.start, range?.text), endDate: asWritten(range?.end, range?.text, 'last') };
}

// JSON Resume wants an ISO 3166-1 code; the CV keeps the country as written ("Deutschland", "US").
// A country no language names is still the person's address, so it is written there rather than lost.
function locationToJson(location: Maybe<ContactLocation>) {
  const country = location?.country?.trim();
  const code = country ? countryCode(country) : null;
  const unnamed = country && !code ? country : undefined;
  return compact({
    address: [location?.address?.trim(), unnamed].filter(Boolean).join(', ') || undefined,
    postalCode: location?.postalCode,
    city: location?.city,
    countryCode: code ?? undefined,
    region: location?.state,
  });
}

const WEBSITE = 'Website';
const VOLUNTEER = 'volunteer';

/** Reads a JSON Resume v1.0.0 document (throws a ZodError with the document's paths when malformed). */
export function fromJsonResume(input: unknown): Cv {
  const doc = jsonResumeSchema.parse(input);
  const basics = doc.basics;
  const location = basics?.location;
  const cv = emptyCv();

  cv.hero = compact({ fullName: basics?.name, professionalTitle: basics?.label, profilePhotoUrl: basics?.image });
  cv.contact = compact({
    email: basics?.email,
    phone: basics?.phone,
    location: compact({
      city: location?.city,
      state: location?.region,
      country: location?.countryCode,
      address: location?.address,
      postalCode: location?.postalCode,
    }),
    professionalLinks: [
      compact({ platform: basics?.url ? WEBSITE : undefined, url: basics?.url }),
      ...(basics?.profiles ?? []).map((profile) => compact({ platform: profile.network, url: profile.url, username: profile.username })),
    ],
  });
  cv.summary = compact({ summaryText: basics?.summary });

  cv.experience.items = (doc.work ?? []).map((work) =>
    compact({
      id: createId(),
      jobTitle: work.position,
      companyName: work.name,
      location: work.location,
      dateRange: rangeFromJson(work.startDate, work.endDate),
      achievements: work.highlights,
      companyDescription: work.description,
      url: work.url,
      summary: work.summary,
    }),
  );
  cv.memberships.items = (doc.volunteer ?? []).map((volunteer) =>
    compact({
      id: createId(),
      organizationName: volunteer.organization,
      membershipType: VOLUNTEER,
      startDate: normalized(volunteer.startDate),
      endDate: normalized(volunteer.endDate),
      description: volunteer.summary,
      position: volunteer.position,
      achievements: volunteer.highlights,
      url: volunteer.url,
      startDateText: volunteer.startDate,
      endDateText: volunteer.endDate,
    }),
  );
  cv.education.items = (doc.education ?? []).map((education) =>
    compact({
      id: createId(),
      degree: education.studyType,
      institution: education.institution,
      dateRange: rangeFromJson(education.startDate, education.endDate),
      gpa: education.score,
      relevantCoursework: education.courses,
      fieldOfStudy: education.area,
      url: education.url,
    }),
  );
  cv.awards.items = (doc.awards ?? []).map((award) =>
    compact({
      id: createId(),
      awardName: award.title,
      issuingOrganization: award.awarder,
      dateReceived: normalized(award.date),
      description: award.summary,
      dateReceivedText: award.date,
    }),
  );
  cv.certifications.items = (doc.certificates ?? []).map((certificate) =>
    compact({
      id: createId(),
      certificationName: certificate.name,
      issuingOrganization: certificate.issuer,
      issueDate: normalized(certificate.date),
      credentialUrl: certificate.url,
      issueDateText: certificate.date,
    }),
  );
  cv.publications.items = (doc.publications ?? []).map((publication) =>
    compact({
      id: createId(),
      title: publication.name,
      publication: publication.publisher,
      datePublished: normalized(publication.releaseDate),
      url: publication.url,
      abstract: publication.summary,
      datePublishedText: publication.releaseDate,
    }),
  );
  cv.skills.skillCategories = (doc.skills ?? []).map((skill) => compact({ id: createId(), categoryName: skill.name, skills: skill.keywords, level: skill.level }));
  cv.languages.items = (doc.languages ?? []).map((language) => compact({ id: createId(), language: language.language, proficiency: language.fluency }));
  cv.hobbies.items = (doc.interests ?? []).map((interest) => compact({ id: createId(), hobbyName: interest.name, keywords: interest.keywords }));
  cv.references.items = (doc.references ?? []).map((reference) => compact({ id: createId(), name: reference.name, referenceText: reference.reference }));
  cv.projects.items = (doc.projects ?? []).map((project) =>
    compact({
      id: createId(),
      title: project.name,
      description: project.description,
      technologies: project.keywords,
      projectUrl: project.url,
      keyFeatures: project.highlights,
      dateRange: rangeFromJson(project.startDate, project.endDate),
      roles: project.roles,
      entity: project.entity,
      type: project.type,
    }),
  );
  const meta = doc.meta && compact({ canonical: doc.meta.canonical, version: doc.meta.version, lastModified: doc.meta.lastModified });
  if (meta && !isBlank(meta)) cv.jsonResumeMeta = meta;
  // The mapping adds a Website link to the profiles, so the CV's own bounds are checked once more.
  return CvSchema.parse(cv);
}

/** Writes the CV's JSON Resume facts; sections and fields JSON Resume has no place for are left out. */
export function toJsonResume(cv: Cv): JsonResume {
  const links = cv.contact.professionalLinks ?? [];
  const websiteIndex = links.findIndex((link) => link.platform?.trim().toLowerCase() === WEBSITE.toLowerCase() && link.url);
  const location = cv.contact.location;

  return compact({
    $schema: JSON_RESUME_SCHEMA_URL,
    basics: compact({
      name: cv.hero.fullName,
      label: cv.hero.professionalTitle,
      image: cv.hero.profilePhotoUrl,
      email: cv.contact.email,
      phone: cv.contact.phone,
      url: links[websiteIndex]?.url,
      summary: cv.summary.summaryText,
      location: locationToJson(location),
      profiles: links.filter((_, index) => index !== websiteIndex).map((link) => compact({ network: link.platform, username: link.username, url: link.url })),
    }),
    work: cv.experience.items.map((item) =>
      compact({
        name: item.companyName,
        location: item.location,
        description: item.companyDescription,
        position: item.jobTitle,
        url: item.url,
        ...rangeToJson(item.dateRange),
        summary: item.summary,
        // JSON Resume has one list of bullet points for a job; the CV files duties and results apart.
        highlights: [...(item.responsibilities ?? []), ...(item.achievements ?? [])],
      }),
    ),
    volunteer: cv.memberships.items
      .filter((item) => item.membershipType?.trim().toLowerCase() === VOLUNTEER)
      .map((item) =>
        compact({
          organization: item.organizationName,
          position: item.position,
          url: item.url,
          startDate: asWritten(item.startDate, item.startDateText),
          endDate: asWritten(item.endDate, item.endDateText),
          summary: item.description,
          highlights: item.achievements,
        }),
      ),
    education: cv.education.items.map((item) =>
      compact({
        institution: item.institution,
        url: item.url,
        area: item.fieldOfStudy,
        studyType: item.degree,
        ...rangeToJson(item.dateRange),
        score: item.gpa,
        courses: item.relevantCoursework,
      }),
    ),
    awards: cv.awards.items.map((item) =>
      compact({
        title: item.awardName,
        date: asWritten(item.dateReceived, item.dateReceivedText),
        awarder: item.issuingOrganization,
        summary: item.description,
      }),
    ),
    certificates: cv.certifications.items.map((item) =>
      compact({
        name: item.certificationName,
        date: asWritten(item.issueDate, item.issueDateText),
        url: item.credentialUrl,
        issuer: item.issuingOrganization,
      }),
    ),
    publications: cv.publications.items.map((item) =>
      compact({
        name: item.title,
        publisher: item.publication,
        releaseDate: asWritten(item.datePublished, item.datePublishedText),
        url: item.url,
        summary: item.abstract,
      }),
    ),
    skills: cv.skills.skillCategories.map((category) => compact({ name: category.categoryName, level: category.level, keywords: category.skills })),
    languages: cv.languages.items.map((item) => compact({ language: item.language, fluency: item.proficiency })),
    interests: cv.hobbies.items.map((item) => compact({ name: item.hobbyName, keywords: item.keywords })),
    references: cv.references.items.map((item) => compact({ name: item.name, reference: item.referenceText })),
    projects: cv.projects.items.map((item) =>
      compact({
        name: item.title,
        description: item.description,
        highlights: item.keyFeatures,
        keywords: item.technologies,
        ...rangeToJson(item.dateRange),
        // One address in JSON Resume: the project's own page, else its code, else its demo.
        url: [item.projectUrl, item.githubUrl, item.demoUrl].find((url) => url?.trim()),
        roles: item.roles,
        entity: item.entity,
        type: item.type,
      }),
    ),
    meta: compact({ ...cv.jsonResumeMeta }),
  });
}
