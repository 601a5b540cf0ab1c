import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { cvFacts, CvSchema, fromJsonResume, JSON_RESUME_SCHEMA_URL, toJsonResume, type Cv, type CvFact } from '../src';
import { fullCv } from './fixtures/full-cv';

const FIXTURE = path.resolve(__dirname, '../fixtures/jsonresume-sample.resume.json');
const sample = (): Record<string, any> => JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));

/** The facts of a JSON Resume document: no "" / [] / {} placeholders, no $schema or meta. */
function factsOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(factsOf).filter((entry) => !isEmpty(entry));
  if (typeof value === 'object' && value !== null) {
    const kept = Object.entries(value)
      .filter(([key]) => key !== '$schema' && key !== 'meta')
      .map(([key, entry]) => [key, factsOf(entry)] as const)
      .filter(([, entry]) => !isEmpty(entry));
    return Object.fromEntries(kept);
  }
  return value;
}

function isEmpty(value: unknown): boolean {
  if (value === '' || value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value as object).length === 0;
}

describe('fromJsonResume', () => {
  const cv = fromJsonResume(sample());

  it('gives a valid CV', () => {
    expect(CvSchema.parse(cv)).toEqual(cv);
  });

  it('maps basics to hero, contact and summary', () => {
    expect(cv.hero).toEqual({ fullName: 'Richard Hendriks', professionalTitle: 'Programmer' });
    expect(cv.contact).toEqual({
      email: 'richard.hendriks@mail.com',
      phone: '(912) 555-4321',
      location: { city: 'San Francisco', state: 'California', country: 'US', address: '2712 Broadway St', postalCode: 'CA 94115' },
      professionalLinks: [
        { platform: 'Website', url: 'http://richardhendricks.example.com' },
        { platform: 'Twitter', username: 'neutralthoughts' },
        { platform: 'SoundCloud', url: 'https://soundcloud.example.com/dandymusicnl', username: 'dandymusicnl' },
      ],
    });
    expect(cv.summary.summaryText).toMatch(/^Richard hails from Tulsa\./);
  });

  it('maps work to experience, keeping the document dates in dateRange.text', () => {
    expect(cv.experience.items).toEqual([
      {
        id: expect.any(String),
        jobTitle: 'CEO/President',
        companyName: 'Pied Piper',
        location: 'Palo Alto, CA',
        dateRange: { start: '2013-12', end: '2014-12', isCurrent: false, text: '2013-12-01 – 2014-12-01' },
        achievements: sample().work[0].highlights,
        companyDescription: 'Awesome compression company',
        url: 'http://piedpiper.example.com',
        summary: sample().work[0].summary,
      },
    ]);
  });

  it('maps volunteer work to volunteer memberships and the other sections field by field', () => {
    expect(cv.memberships.items[0]).toEqual({
      id: expect.any(String),
      organizationName: 'CoderDojo',
      membershipType: 'volunteer',
      startDate: '2012-01',
      endDate: '2013-01',
      description: 'Global movement of free coding clubs for young people.',
      position: 'Teacher',
      achievements: ["Awarded 'Teacher of the Month'"],
      url: 'http://coderdojo.example.com/',
      startDateText: '2012-01-01',
      endDateText: '2013-01-01',
    });
    expect(cv.education.items[0]).toMatchObject({ degree: 'Bachelor', fieldOfStudy: 'Information Technology', gpa: '4.0', relevantCoursework: ['DB1101 - Basic SQL', 'CS2011 - Java Introduction'] });
    expect(cv.awards.items[0]).toMatchObject({
      awardName: 'Digital Compression Pioneer Award',
      issuingOrganization: 'Techcrunch',
      dateReceived: '2014-11',
      dateReceivedText: '2014-11-01',
      description: 'There is no spoon.',
    });
    expect(cv.publications.items[0]).toMatchObject({ title: 'Video compression for 3d media', publication: 'Hooli', datePublished: '2014-10', datePublishedText: '2014-10-01' });
    expect(cv.skills.skillCategories[0]).toMatchObject({ categoryName: 'Web Development', level: 'Master', skills: ['HTML', 'CSS', 'Javascript'] });
    expect(cv.languages.items[0]).toMatchObject({ language: 'English', proficiency: 'Native speaker' });
    expect(cv.hobbies.items[0]).toMatchObject({ hobbyName: 'Wildlife', keywords: ['Ferrets', 'Unicorns'] });
    expect(cv.references.items[0]).toMatchObject({ name: 'Erlich Bachman', referenceText: expect.stringMatching(/^It is my pleasure/) });
    expect(cv.projects.items[0]).toMatchObject({
      title: 'Miss Direction',
      technologies: ['GoogleMaps', 'Chrome Extension', 'Javascript'],
      projectUrl: 'missdirection.example.com',
      dateRange: { start: '2016-08', end: '2016-08', isCurrent: false, text: '2016-08-24 – 2016-08-24' },
      roles: ['Team lead', 'Designer'],
      entity: 'Smoogle',
      type: 'application',
    });
  });

  it('gives every item its own id', () => {
    const ids = [...cv.experience.items, ...cv.projects.items, ...cv.skills.skillCategories, ...cv.hobbies.items].map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('reads an entry without endDate as still going on, and one without dates as undated', () => {
    const open = fromJsonResume({ work: [{ name: 'Hooli', startDate: '2015-02' }, { name: 'Raviga' }] });
    expect(open.experience.items[0]?.dateRange).toEqual({ start: '2015-02', end: null, isCurrent: true, text: '2015-02 –' });
    expect(open.experience.items[1]).toEqual({ id: expect.any(String), companyName: 'Raviga' });
  });

  it('accepts unknown keys and an empty document', () => {
    expect(() => fromJsonResume({ basics: { name: 'A', nickname: 'B' }, work: [{ name: 'C', team: 'D' }], custom: {} })).not.toThrow();
    expect(fromJsonResume({}).experience.items).toEqual([]);
  });

  it('refuses a malformed document with a ZodError naming the JSON Resume paths', () => {
    const doc = sample();
    doc.work = { name: 'Pied Piper' };
    doc.basics.profiles[1].url = 42;
    doc.skills[0].keywords = 'HTML';
    doc.education[0].startDate = 'x'.repeat(2_001);
    let error: unknown;
    try {
      fromJsonResume(doc);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(z.ZodError);
    expect((error as z.ZodError).issues.map(({ code, path }) => ({ code, path }))).toEqual([
      { code: 'invalid_type', path: ['basics', 'profiles', 1, 'url'] },
      { code: 'invalid_type', path: ['work'] },
      { code: 'too_big', path: ['education', 0, 'startDate'] },
      { code: 'invalid_type', path: ['skills', 0, 'keywords'] },
    ]);
  });

  it('refuses a document that is not an object', () => {
    expect(() => fromJsonResume([])).toThrow(z.ZodError);
    expect(() => fromJsonResume('resume')).toThrow(z.ZodError);
  });
});

describe('toJsonResume', () => {
  it('gives back the sample document: JSON Resume → CV → JSON Resume keeps every fact, days included', () => {
    const roundTrip = toJsonResume(fromJsonResume(sample()));
    expect(factsOf(roundTrip)).toEqual(factsOf(sample()));
    expect(roundTrip.work?.[0]).toMatchObject({ startDate: '2013-12-01', endDate: '2014-12-01' });
    expect(roundTrip.$schema).toBe(JSON_RESUME_SCHEMA_URL);
  });

  it('writes no blank values', () => {
    const written = JSON.stringify(toJsonResume(fromJsonResume(sample())));
    expect(written).not.toMatch(/:""|:\[\]|:\{\}|:null/);
  });

  it('writes an edited date, not the stale one the import kept as text', () => {
    const cv = fromJsonResume(sample());
    const work = cv.experience.items[0];
    const award = cv.awards.items[0];
    if (!work?.dateRange || !award) throw new Error('fixture changed');
    work.dateRange.start = '2013-11';
    award.dateReceived = '2015';
    const doc = toJsonResume(cv);
    expect(doc.work?.[0]).toMatchObject({ startDate: '2013-11', endDate: '2014-12-01' });
    expect(doc.awards?.[0]?.date).toBe('2015');
  });

  it('writes a start and end in the same month with their own days', () => {
    const doc = toJsonResume(fromJsonResume({ projects: [{ name: 'P', startDate: '2016-08-01', endDate: '2016-08-24' }] }));
    expect(doc.projects).toEqual([{ name: 'P', startDate: '2016-08-01', endDate: '2016-08-24' }]);
  });

  it('writes an ongoing entry without endDate', () => {
    const doc = toJsonResume(fullCv());
    expect(doc.work?.[0]).toMatchObject({ startDate: '2020-01' });
    expect(doc.work?.[0]).not.toHaveProperty('endDate');
  });

  it('writes only volunteer memberships as volunteer work', () => {
    expect(toJsonResume(fullCv()).volunteer).toEqual([
      {
        organization: 'Code Club',
        position: 'Mentor',
        url: 'https://codeclub.example.com',
        startDate: '2016-01',
        endDate: '2018-06',
        summary: 'Teaching kids to code',
        highlights: ['Ran 40 sessions'],
      },
    ]);
  });

  describe('CV → JSON Resume → CV', () => {
    // The CV facts JSON Resume has a place for. Of the memberships only the first, the volunteer one, has.
    const MAPPABLE = new RegExp(
      '^(' +
        [
          String.raw`hero\.(fullName|professionalTitle|profilePhotoUrl)`,
          String.raw`contact\.(email|phone|location\.\w+|professionalLinks\[\d+\]\.(platform|url|username))`,
          String.raw`summary\.summaryText`,
          String.raw`experience\[\d+\]\.(jobTitle|companyName|location|companyDescription|url|summary|achievements\[\d+\]|dateRange\.(start|end|isCurrent))`,
          String.raw`education\[\d+\]\.(degree|institution|gpa|relevantCoursework\[\d+\]|fieldOfStudy|url|dateRange\.(start|end|isCurrent))`,
          String.raw`skills\[\d+\]\.(categoryName|skills\[\d+\]|level)`,
          String.raw`projects\[\d+\]\.(title|description|technologies\[\d+\]|projectUrl|keyFeatures\[\d+\]|roles\[\d+\]|entity|type|dateRange\.(start|end|isCurrent))`,
          String.raw`certifications\[\d+\]\.(certificationName|issuingOrganization|issueDate|credentialUrl)`,
          String.raw`languages\[\d+\]\.(language|proficiency)`,
          String.raw`hobbies\[\d+\]\.(hobbyName|keywords\[\d+\])`,
          String.raw`memberships\[0\]\.(organizationName|membershipType|startDate|endDate|description|position|achievements\[\d+\]|url)`,
          String.raw`awards\[\d+\]\.(awardName|issuingOrganization|dateReceived|description)`,
          String.raw`publications\[\d+\]\.(title|publication|datePublished|url|abstract)`,
          String.raw`references\[\d+\]\.(name|referenceText)`,
        ].join('|') +
        ')$',
    );
    // How the source wrote a date is not a fact JSON Resume carries; the import writes its own.
    const AS_WRITTEN = /(\.text|Text)$/;
    const mappable = (cv: Cv) => cvFacts(cv).filter((fact) => MAPPABLE.test(fact.path));
    const factKey = (fact: CvFact) => `${fact.path}=${String(fact.value)}`;

    // JSON Resume has one list of bullets for a job: duties and results come back as one list, in order.
    const oneBulletList = (cv: Cv): Cv => ({
      ...cv,
      experience: {
        ...cv.experience,
        items: cv.experience.items.map(({ responsibilities, ...item }) => ({ ...item, achievements: [...(responsibilities ?? []), ...(item.achievements ?? [])] })),
      },
    });
    const original = oneBulletList(fullCv());
    const roundTrip = fromJsonResume(toJsonResume(fullCv()));

    it('keeps every mappable fact at the same path', () => {
      expect(mappable(roundTrip)).toEqual(mappable(original));
      expect(mappable(original).length).toBeGreaterThan(60);
    });

    it('invents nothing', () => {
      const originalFacts = new Set(cvFacts(original).map(factKey));
      const invented = cvFacts(roundTrip).filter((fact) => !AS_WRITTEN.test(fact.path) && !originalFacts.has(factKey(fact)));
      expect(invented).toEqual([]);
    });

    it("keeps a job's duties, as results", () => {
      expect(roundTrip.experience.items[0]?.achievements).toEqual(['Own the ledger', 'Mentor engineers', 'Cut settlement time by 40%']);
    });

    it('leaves out what JSON Resume has no place for', () => {
      expect(roundTrip.testimonials.items).toEqual([]);
      expect(roundTrip.patents.items).toEqual([]);
      expect(roundTrip.memberships.items.map((item) => item.organizationName)).toEqual(['Code Club']);
      expect(roundTrip.hero.summaryTagline).toBeUndefined();
    });
  });
});
