import { cvFacts, emptyCv } from '../src';
import { fullCv } from './fixtures/full-cv';

describe('cvFacts', () => {
  it('has no facts for an empty CV', () => {
    expect(cvFacts(emptyCv())).toEqual([]);
  });

  it('lists every stated leaf with a stable path, skipping ids, headings and blank strings', () => {
    const cv = emptyCv();
    cv.hero = { fullName: 'Dana Levi', professionalTitle: '  ', summaryTagline: null };
    cv.contact = { location: { city: 'Tel Aviv' }, professionalLinks: [{ platform: 'GitHub', url: 'https://github.com/dana' }] };
    cv.experience = {
      sectionTitle: 'Where I worked',
      items: [
        { id: 'a', companyName: 'Acme' },
        {
          id: 'b',
          companyName: 'Beta',
          teamSize: 0,
          responsibilities: ['Build', '', 'Ship'],
          dateRange: { start: '2020-01', end: null, isCurrent: true, text: 'Jan 2020 – Present' },
        },
      ],
    };
    cv.skills.skillCategories = [{ id: 's', categoryName: 'Languages', skills: ['Go', 'Rust'] }];
    cv.languages.items = [{ id: 'l', language: 'Hebrew', nativeLanguage: false }];

    expect(cvFacts(cv)).toEqual([
      { section: 'hero', path: 'hero.fullName', value: 'Dana Levi' },
      { section: 'contact', path: 'contact.location.city', value: 'Tel Aviv' },
      { section: 'contact', path: 'contact.professionalLinks[0].platform', value: 'GitHub' },
      { section: 'contact', path: 'contact.professionalLinks[0].url', value: 'https://github.com/dana' },
      { section: 'experience', path: 'experience[0].companyName', value: 'Acme' },
      { section: 'experience', path: 'experience[1].companyName', value: 'Beta' },
      { section: 'experience', path: 'experience[1].teamSize', value: 0 },
      { section: 'experience', path: 'experience[1].responsibilities[0]', value: 'Build' },
      { section: 'experience', path: 'experience[1].responsibilities[2]', value: 'Ship' },
      { section: 'experience', path: 'experience[1].dateRange.start', value: '2020-01' },
      { section: 'experience', path: 'experience[1].dateRange.isCurrent', value: true },
      { section: 'experience', path: 'experience[1].dateRange.text', value: 'Jan 2020 – Present' },
      { section: 'skills', path: 'skills[0].categoryName', value: 'Languages' },
      { section: 'skills', path: 'skills[0].skills[0]', value: 'Go' },
      { section: 'skills', path: 'skills[0].skills[1]', value: 'Rust' },
      { section: 'languages', path: 'languages[0].language', value: 'Hebrew' },
      { section: 'languages', path: 'languages[0].nativeLanguage', value: false },
    ]);
  });

  it('covers all 18 sections of a full CV and leaves out the extraction report', () => {
    const facts = cvFacts(fullCv());
    expect(new Set(facts.map((fact) => fact.section)).size).toBe(18);
    expect(facts.some((fact) => fact.path.startsWith('extraction') || fact.value === 'Driving licence B')).toBe(false);
    expect(facts.some((fact) => /(^|\.)(id|sectionTitle)$/.test(fact.path) || /\.items\[/.test(fact.path))).toBe(false);
    expect(facts).toContainEqual({ section: 'memberships', path: 'memberships[1].organizationName', value: 'ACM' });
    expect(facts).toContainEqual({ section: 'projects', path: 'projects[0].roles[1]', value: 'Reviewer' });
  });
});
