import { emptyCv } from '@r2w/cv-schema';
import { documentText, flatOdt, libreofficeReading, recipeFor } from '../../eval/extraction/render-others/libreoffice';
import { fullReading, themeInput } from '../../eval/extraction/render-others/jsonresume';
import { PrintedText, printedTruth } from '../../eval/extraction/render-others/printed-truth';
import { withStatedFacts } from '../../eval/extraction/render-others/reading';

// The truth of a libreoffice-tabs or -table document holds the fields its layout prints, not
// every source value whose words happen to be on the page (a job's technologies in the skills).

function source() {
  const cv = emptyCv();
  cv.hero = { fullName: 'Daniel Okafor', professionalTitle: 'Senior Software Engineer' };
  cv.contact = { email: 'daniel@example.com', location: { city: 'London', country: 'United Kingdom' } };
  cv.experience.items = [
    {
      id: 'a',
      jobTitle: 'Senior Software Engineer',
      companyName: 'Ledgerline Payments',
      location: 'London',
      dateRange: { start: '2021-03', end: null, isCurrent: true, text: 'Mar 2021 – Present' },
      responsibilities: ['Lead a team of 6 engineers.'],
      achievements: ['Cut reconciliation from 9 hours to 20 minutes.'],
      technologies: ['Go', 'Kafka'],
      teamSize: 6,
    },
  ];
  cv.education.items = [
    {
      id: 'e',
      degree: 'BSc',
      fieldOfStudy: 'Computer Science',
      institution: 'University of Leeds',
      location: 'Leeds',
      dateRange: { start: '2010', end: '2013', isCurrent: false, text: '2010 – 2013' },
    },
  ];
  cv.skills.skillCategories = [{ id: 's', categoryName: 'Languages', skills: ['Go', 'Kafka', 'Leeds'] }];
  cv.languages.items = [{ id: 'l', language: 'English', proficiency: 'Native', nativeLanguage: true }];
  cv.memberships.items = [{ id: 'm', organizationName: 'Ledgerline Payments', startDate: '2021' }];
  return { name: 'daniel', lang: 'en', origin: 'test', cv };
}

describe.each(['tabs', 'table'] as const)('the libreoffice-%s reading', (layout) => {
  const printed = printedTruth(libreofficeReading(source().cv, layout), new PrintedText([documentText(flatOdt(source(), layout, recipeFor(source(), 0)))]));

  it('files a job’s bullets as its responsibilities, with no technologies though the skills print them', () => {
    const job = printed.truth.experience.items[0]!;
    expect(job.responsibilities).toEqual(['Lead a team of 6 engineers.', 'Cut reconciliation from 9 hours to 20 minutes.']);
    expect(job.achievements).toBeUndefined();
    expect(job.technologies).toBeUndefined();
    expect(job.teamSize).toBe(6);
  });

  it('keeps sections the layout does not print out, and a native language marked', () => {
    expect(printed.truth.memberships.items).toEqual([]);
    expect(printed.truth.languages.items).toEqual([{ id: 'l', language: 'English', proficiency: 'Native', nativeLanguage: true }]);
  });

  it('prints every field it reads', () => {
    expect(printed.dropped).toEqual([]);
  });
});

it('reads no place for a study in the table layout, where education is a grid without one', () => {
  expect(libreofficeReading(source().cv, 'table').education.items[0]?.location).toBeUndefined();
  expect(libreofficeReading(source().cv, 'tabs').education.items[0]?.location).toBe('Leeds');
});

describe('a JSON Resume reading given back the facts its text states', () => {
  const cv = source().cv;
  cv.summary = { summaryText: 'Engineer with 11 years of experience.', yearsOfExperience: 11 };
  const reading = withStatedFacts(fullReading(themeInput(cv)), cv);

  it('has the years, the team’s size and the native language that JSON Resume cannot carry', () => {
    expect(fullReading(themeInput(cv)).summary.yearsOfExperience).toBeUndefined();
    expect(reading.summary.yearsOfExperience).toBe(11);
    expect(reading.experience.items[0]?.teamSize).toBe(6);
    expect(reading.languages.items[0]?.nativeLanguage).toBe(true);
  });

  it('keeps a stated number only where the page prints it', () => {
    const { truth } = printedTruth(reading, new PrintedText(['Engineer with eleven years of experience.\nLead a team of 6 engineers.\nEnglish Native']));
    expect(truth.summary.yearsOfExperience).toBeUndefined();
    expect(truth.experience.items[0]?.teamSize).toBe(6);
  });
});
