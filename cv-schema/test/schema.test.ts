import { z } from 'zod';
import {
  CvEditSchema,
  CvSchema,
  emptyAwardItem,
  emptyCertificationItem,
  emptyConferenceItem,
  emptyCourseItem,
  emptyCv,
  emptyEducationItem,
  emptyExperienceItem,
  emptyHobbyItem,
  emptyLanguageItem,
  emptyMembershipItem,
  emptyPatentItem,
  emptyProjectItem,
  emptyPublicationItem,
  emptyReferenceItem,
  emptySkillCategory,
  emptyTestimonialItem,
  experienceItemSchema,
  MAX_LIST_ITEMS,
  MAX_LONG_TEXT,
  MAX_SHORT_TEXT,
  SECTION_KEYS,
  SECTION_SCHEMAS,
  type Cv,
} from '../src';
import { fullCv } from './fixtures/full-cv';

const DOCUMENTED_ORDER = [
  'hero',
  'contact',
  'summary',
  'experience',
  'education',
  'skills',
  'projects',
  'certifications',
  'languages',
  'hobbies',
  'testimonials',
  'memberships',
  'awards',
  'publications',
  'patents',
  'conferences',
  'courses',
  'references',
];

/** The issues of a parse that must fail, as comparable plain objects. */
function issuesOf(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected the parse to fail');
  return result.error.issues.map(({ code, path, message, ...rest }) => ({ code, path, message, keys: 'keys' in rest ? rest.keys : undefined }));
}

function withCv(change: (cv: Record<string, any>) => void): unknown {
  const cv: Record<string, any> = fullCv();
  change(cv);
  return cv;
}

describe('CvSchema', () => {
  it('accepts a CV with all 18 sections filled and returns it unchanged', () => {
    expect(CvSchema.parse(fullCv())).toEqual(fullCv());
  });

  it('accepts emptyCv(), which has every section and English headings', () => {
    const cv = emptyCv();
    expect(CvSchema.parse(cv)).toEqual(cv);
    expect(Object.keys(cv)).toEqual(['schemaVersion', ...DOCUMENTED_ORDER]);
    expect(cv.experience).toEqual({ sectionTitle: 'Experience', items: [] });
    expect(cv.skills).toEqual({ sectionTitle: 'Skills', skillCategories: [] });
    expect(cv.references.sectionTitle).toBe('References');
    expect(cv.hero).toEqual({});
  });

  it('gives a new CV object on each call, so one CV edited does not change another', () => {
    const first = emptyCv();
    first.experience.items.push(emptyExperienceItem());
    expect(emptyCv().experience.items).toEqual([]);
  });

  it('lists the sections in the documented order', () => {
    expect(SECTION_KEYS).toEqual(DOCUMENTED_ORDER);
    expect(Object.keys(SECTION_SCHEMAS)).toEqual(DOCUMENTED_ORDER);
  });

  it('accepts null for absent facts', () => {
    const cv = withCv((c) => {
      c.hero.fullName = null;
      c.experience.items[0].dateRange = null;
      c.experience.items[0].teamSize = null;
    });
    expect(CvSchema.safeParse(cv).success).toBe(true);
  });

  it('refuses an unknown key inside an item, naming the item and the key', () => {
    const cv = withCv((c) => {
      c.experience.items[1].salary = '100k';
    });
    expect(issuesOf(CvSchema, cv)).toEqual([{ code: 'unrecognized_keys', path: ['experience', 'items', 1], message: 'Unrecognized key: "salary"', keys: ['salary'] }]);
  });

  it('refuses an unknown key in a nested object and at the top level', () => {
    const cv = withCv((c) => {
      c.contact.location.planet = 'Earth';
      c.experiance = {};
    });
    expect(issuesOf(CvSchema, cv).map(({ path, keys }) => ({ path, keys }))).toEqual([
      { path: ['contact', 'location'], keys: ['planet'] },
      { path: [], keys: ['experiance'] },
    ]);
  });

  it('refuses wrong types with their paths', () => {
    const cv = withCv((c) => {
      c.experience.items[0].teamSize = '8';
      c.skills.skillCategories[1].skills = 'PostgreSQL';
      c.languages.items[0].nativeLanguage = 'yes';
      c.education.items[0].dateRange.isCurrent = 'no';
    });
    expect(issuesOf(CvSchema, cv).map(({ code, path }) => ({ code, path }))).toEqual([
      { code: 'invalid_type', path: ['experience', 'items', 0, 'teamSize'] },
      { code: 'invalid_type', path: ['education', 'items', 0, 'dateRange', 'isCurrent'] },
      { code: 'invalid_type', path: ['skills', 'skillCategories', 1, 'skills'] },
      { code: 'invalid_type', path: ['languages', 'items', 0, 'nativeLanguage'] },
    ]);
  });

  it('refuses a missing section, a missing heading and another schema version', () => {
    const cv = withCv((c) => {
      delete c.projects;
      delete c.awards.sectionTitle;
      c.schemaVersion = 2;
    });
    expect(issuesOf(CvSchema, cv).map(({ code, path }) => ({ code, path }))).toEqual([
      { code: 'invalid_value', path: ['schemaVersion'] },
      { code: 'invalid_type', path: ['projects'] },
      { code: 'invalid_type', path: ['awards', 'sectionTitle'] },
    ]);
  });

  it('refuses fractional and negative counts', () => {
    const cv = withCv((c) => {
      c.experience.items[0].teamSize = 2.5;
      c.publications.items[0].citations = -1;
      c.summary.yearsOfExperience = 101;
    });
    expect(issuesOf(CvSchema, cv).map(({ path }) => path)).toEqual([
      ['summary', 'yearsOfExperience'],
      ['experience', 'items', 0, 'teamSize'],
      ['publications', 'items', 0, 'citations'],
    ]);
  });

  describe('size bounds', () => {
    it('takes long text up to the limit and refuses one character more', () => {
      const atLimit = withCv((c) => {
        c.summary.summaryText = 'x'.repeat(MAX_LONG_TEXT);
      });
      expect(CvSchema.safeParse(atLimit).success).toBe(true);
      const over = withCv((c) => {
        c.summary.summaryText = 'x'.repeat(MAX_LONG_TEXT + 1);
      });
      expect(issuesOf(CvSchema, over)).toEqual([{ code: 'too_big', path: ['summary', 'summaryText'], message: `Too big: expected string to have <=${MAX_LONG_TEXT} characters`, keys: undefined }]);
    });

    it('refuses short fields, list entries and headings over 2,000 characters', () => {
      const tooLong = 'x'.repeat(MAX_SHORT_TEXT + 1);
      const cv = withCv((c) => {
        c.hero.fullName = tooLong;
        c.experience.items[0].technologies[1] = tooLong;
        c.projects.sectionTitle = tooLong;
      });
      expect(issuesOf(CvSchema, cv).map(({ code, path }) => ({ code, path }))).toEqual([
        { code: 'too_big', path: ['hero', 'fullName'] },
        { code: 'too_big', path: ['experience', 'items', 0, 'technologies', 1] },
        { code: 'too_big', path: ['projects', 'sectionTitle'] },
      ]);
    });

    it('refuses lists over 500 entries', () => {
      const cv = withCv((c) => {
        c.courses.items = Array.from({ length: MAX_LIST_ITEMS + 1 }, (_, i) => ({ id: `c${i}` }));
        c.summary.keySpecializations = Array.from({ length: MAX_LIST_ITEMS + 1 }, () => 'x');
      });
      expect(issuesOf(CvSchema, cv).map(({ code, path }) => ({ code, path }))).toEqual([
        { code: 'too_big', path: ['summary', 'keySpecializations'] },
        { code: 'too_big', path: ['courses', 'items'] },
      ]);
    });
  });

  it('refuses an item without an id and two items with the same id', () => {
    const cv = withCv((c) => {
      delete c.education.items[0].id;
      c.experience.items[1].id = 'exp-1';
      c.skills.skillCategories[1].id = 'skill-1';
    });
    expect(issuesOf(CvSchema, cv).map(({ code, path, message }) => ({ code, path, message }))).toEqual([
      { code: 'custom', path: ['experience', 'items', 1, 'id'], message: 'Duplicate id "exp-1"' },
      { code: 'invalid_type', path: ['education', 'items', 0, 'id'], message: 'Invalid input: expected string, received undefined' },
      { code: 'custom', path: ['skills', 'skillCategories', 1, 'id'], message: 'Duplicate id "skill-1"' },
    ]);
  });

  const WEB_ADDRESS = 'Enter a web address, such as https://example.com';
  const EMAIL = 'Enter an e-mail address, such as name@example.com';
  const PHONE = 'Enter a phone number: digits, spaces, + ( ) - and an optional extension';

  it('refuses script URLs, however they are disguised, and keeps ordinary ones', () => {
    const cv = withCv((c) => {
      c.hero.profilePhotoUrl = 'javascript:alert(1)';
      c.contact.professionalLinks[1].url = ' java\tscript:alert(1)';
      c.projects.items[0].demoUrl = 'VBScript:msgbox';
      c.projects.items[0].projectUrl = 'ledger.example.com';
    });
    expect(issuesOf(CvSchema, cv).map(({ path, message }) => ({ path, message }))).toEqual([
      { path: ['hero', 'profilePhotoUrl'], message: WEB_ADDRESS },
      { path: ['contact', 'professionalLinks', 1, 'url'], message: WEB_ADDRESS },
      { path: ['projects', 'items', 0, 'demoUrl'], message: WEB_ADDRESS },
    ]);
  });

  describe('e-mails, web addresses and phone numbers', () => {
    const contactWith = (contact: Record<string, unknown>) => CvSchema.safeParse({ ...fullCv(), contact: { ...fullCv().contact, ...contact } });
    const messagesAt = (contact: Record<string, unknown>) => {
      const result = contactWith(contact);
      return result.success ? [] : result.error.issues.map(({ path, message }) => `${path.join('.')}: ${message}`);
    };

    it.each(['dana@example.com', 'first.last+cv@mail.example.co.il', " o'neil@example.ie ", 'DANA@EXAMPLE.COM'])('takes the e-mail %j', (email) => {
      expect(messagesAt({ email })).toEqual([]);
    });

    it.each(['dana@postbox', 'dana', 'dana@', '@example.com', 'dana @example.com', 'dana@example..com', 'mailto:dana@example.com'])('refuses the e-mail %j at its field', (email) => {
      expect(messagesAt({ email })).toEqual([`contact.email: ${EMAIL}`]);
    });

    it.each([
      '(912) 555-4321',
      '+972 50 000 0000',
      '+49 (0)30 123-456',
      '050-1234567',
      '+1 555 0100 ext. 12',
      '030 / 1234567',
      '+33 6 12 34 56 78',
      '0044 20 7946 0958',
      '+7\u2011912\u2011345\u20116789',
    ])('takes the phone number %j', (phone) => {
      expect(messagesAt({ phone })).toEqual([]);
    });

    it.each(['call me', '1234', '+1 (555) 0100 0100 0100 0100', 'Tel: 555 0100', '555-0100 or 555-0101', '+44 20 7946 0958a'])('refuses the phone number %j at its field', (phone) => {
      expect(messagesAt({ phone })).toEqual([`contact.phone: ${PHONE}`]);
    });

    it.each(['https://dana.dev', 'http://example.com/a?b=c#d', 'github.com/dana', 'www.dana.dev', 'dana.example.com:8080/cv', 'https://bücher.example/über', 'münchen.de'])(
      'takes the web address %j',
      (url) => {
        expect(messagesAt({ professionalLinks: [{ platform: 'Site', url }] })).toEqual([]);
      },
    );

    it.each(['dana dot dev', 'N/A', 'https://', 'ftp://files.example.com', 'data:image/png;base64,AAAA', 'mailto:dana@example.com', 'localhost', 'https://exa mple.com'])(
      'refuses the web address %j at its field',
      (url) => {
        expect(messagesAt({ professionalLinks: [{ platform: 'Site', url }] })).toEqual([`contact.professionalLinks.0.url: ${WEB_ADDRESS}`]);
      },
    );

    it('takes blank values as not stated', () => {
      expect(messagesAt({ email: '', phone: ' ', professionalLinks: [{ platform: 'Site', url: '' }] })).toEqual([]);
      expect(messagesAt({ email: null, phone: undefined })).toEqual([]);
    });

    it("checks a reference's e-mail and phone the same way", () => {
      const cv = withCv((c) => {
        c.references.items[0].email = 'noa@postbox';
        c.references.items[0].phone = 'ask me';
      });
      expect(issuesOf(CvSchema, cv).map(({ path, message }) => ({ path, message }))).toEqual([
        { path: ['references', 'items', 0, 'email'], message: EMAIL },
        { path: ['references', 'items', 0, 'phone'], message: PHONE },
      ]);
    });
  });

  describe('extraction report', () => {
    it('is optional', () => {
      const { extraction: _report, ...withoutReport } = fullCv();
      expect(CvSchema.parse(withoutReport)).toEqual(withoutReport);
    });

    it('refuses a confidence outside 0..1, an unknown source and an unknown section', () => {
      const cv = withCv((c) => {
        c.extraction.sections.skills.confidence = 1.2;
        c.extraction.sections.hero.source = 'guess';
        c.extraction.sections.hobby = { confidence: 0.5, source: 'llm' };
        c.extraction.rejectedValues = -1;
      });
      expect(issuesOf(CvSchema, cv).map(({ code, path, keys }) => ({ code, path, keys }))).toEqual([
        { code: 'invalid_value', path: ['extraction', 'sections', 'hero', 'source'], keys: undefined },
        { code: 'too_big', path: ['extraction', 'sections', 'skills', 'confidence'], keys: undefined },
        { code: 'unrecognized_keys', path: ['extraction', 'sections'], keys: ['hobby'] },
        { code: 'too_small', path: ['extraction', 'rejectedValues'], keys: undefined },
      ]);
    });
  });

  describe('CvEditSchema', () => {
    it('takes the whole CV as GET returns it, extraction report included', () => {
      expect(CvEditSchema.parse(fullCv())).toEqual(fullCv());
    });

    it('refuses a bad body with the paths that failed', () => {
      const cv = withCv((c) => {
        c.extraction.rejectedValues = 'many';
        c.hero.fullName = 42;
      });
      expect(issuesOf(CvEditSchema, cv).map(({ path }) => path)).toEqual([
        ['hero', 'fullName'],
        ['extraction', 'rejectedValues'],
      ]);
    });
  });
});

describe('item defaults', () => {
  const defaults = {
    experience: emptyExperienceItem,
    education: emptyEducationItem,
    skills: emptySkillCategory,
    projects: emptyProjectItem,
    certifications: emptyCertificationItem,
    languages: emptyLanguageItem,
    hobbies: emptyHobbyItem,
    testimonials: emptyTestimonialItem,
    memberships: emptyMembershipItem,
    awards: emptyAwardItem,
    publications: emptyPublicationItem,
    patents: emptyPatentItem,
    conferences: emptyConferenceItem,
    courses: emptyCourseItem,
    references: emptyReferenceItem,
  } satisfies Record<Exclude<keyof Cv, 'schemaVersion' | 'hero' | 'contact' | 'summary' | 'extraction' | 'jsonResumeMeta'>, () => { id: string }>;

  it.each(Object.entries(defaults))('%s: a new id on every call, and nothing else invented', (_, makeItem) => {
    const ids = new Set(Array.from({ length: 50 }, () => makeItem().id));
    expect(ids.size).toBe(50);
    const item = makeItem();
    expect(Object.keys(item)).toEqual(['id']);
    expect(item.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('gives items the section schema accepts', () => {
    const cv = emptyCv();
    cv.experience.items.push(emptyExperienceItem(), emptyExperienceItem());
    cv.skills.skillCategories.push(emptySkillCategory());
    expect(CvSchema.safeParse(cv).success).toBe(true);
    expect(experienceItemSchema.safeParse(emptyExperienceItem()).success).toBe(true);
  });
});
