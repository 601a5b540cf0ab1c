import { emptyCv, type Cv } from '@r2w/cv-schema';
import { compareCvs, normalizeValue, scores, scoredFacts } from '../../eval/extraction/metrics';

function truthCv(): Cv {
  const cv = emptyCv();
  cv.hero = { fullName: 'Ada Lovelace', professionalTitle: 'Engineer' };
  cv.contact = { email: 'ada@example.com' };
  cv.experience.items = [
    {
      id: 'a',
      jobTitle: 'Senior Engineer',
      companyName: 'Analytical Engines',
      dateRange: { start: '2021-03', end: null, isCurrent: true, text: 'Mar 2021 – Present' },
      responsibilities: ['Built the difference engine', 'Wrote the first program'],
      technologies: ['Go'],
    },
    { id: 'b', jobTitle: 'Engineer', companyName: 'Babbage & Co', technologies: ['Go'] },
  ];
  cv.skills.skillCategories = [{ id: 's', categoryName: 'Languages', skills: ['Go', 'Rust'] }];
  return cv;
}

const copy = (cv: Cv): Cv => structuredClone(cv);
// hero 2, contact 1, experience 2 titles + 2 companies + start + text + 2 bullets + 2 technologies, skills 1 name + 2 skills
const TRUTH_FACTS = 16;

describe('compareCvs', () => {
  it('scores a perfect extraction 1/1/1 overall and in every section it fills', () => {
    const result = compareCvs(truthCv(), copy(truthCv()));
    expect(result.overall).toEqual({ truth: TRUTH_FACTS, extracted: TRUTH_FACTS, matched: TRUTH_FACTS });
    expect(scores(result.overall)).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(result.bySection.experience).toEqual({ truth: 10, extracted: 10, matched: 10 });
    expect(result.missed).toEqual([]);
    expect(result.extra).toEqual([]);
  });

  it('lowers recall only when a fact is missing', () => {
    const extracted = copy(truthCv());
    extracted.experience.items[0]!.responsibilities = ['Built the difference engine'];
    const result = compareCvs(truthCv(), extracted);
    const { precision, recall } = scores(result.overall);
    expect(precision).toBe(1);
    expect(recall).toBeCloseTo((TRUTH_FACTS - 1) / TRUTH_FACTS, 10);
    expect(result.missed.map((fact) => [fact.field, fact.value])).toEqual([['experience.responsibilities', 'Wrote the first program']]);
    expect(result.bySection.experience).toEqual({ truth: 10, extracted: 9, matched: 9 });
  });

  it('lowers precision only when a fact is invented', () => {
    const extracted = copy(truthCv());
    extracted.contact.availability = 'Available immediately';
    const result = compareCvs(truthCv(), extracted);
    const { precision, recall } = scores(result.overall);
    expect(recall).toBe(1);
    expect(precision).toBeCloseTo(TRUTH_FACTS / (TRUTH_FACTS + 1), 10);
    expect(result.extra.map((fact) => [fact.section, fact.field, fact.value])).toEqual([['contact', 'contact.availability', 'Available immediately']]);
    expect(result.bySection.contact).toEqual({ truth: 1, extracted: 2, matched: 1 });
  });

  it('counts repeated values as a multiset', () => {
    // The truth states "Go" twice under experience.technologies (two jobs).
    const once = copy(truthCv());
    once.experience.items[1]!.technologies = [];
    expect(compareCvs(truthCv(), once).bySection.experience).toEqual({ truth: 10, extracted: 9, matched: 9 });

    const thrice = copy(truthCv());
    thrice.experience.items[1]!.technologies = ['Go', 'Go'];
    expect(compareCvs(truthCv(), thrice).bySection.experience).toEqual({ truth: 10, extracted: 11, matched: 10 });
  });

  it('ignores the order of items and of list values', () => {
    const extracted = copy(truthCv());
    extracted.experience.items.reverse();
    extracted.experience.items[1]!.responsibilities!.reverse();
    extracted.skills.skillCategories[0]!.skills!.reverse();
    expect(scores(compareCvs(truthCv(), extracted).overall)).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it('counts a value filed under the wrong field as one miss and one extra', () => {
    const extracted = copy(truthCv());
    extracted.experience.items[1] = { id: 'b', jobTitle: 'Babbage & Co', companyName: 'Engineer', technologies: ['Go'] };
    const result = compareCvs(truthCv(), extracted);
    expect(result.overall).toEqual({ truth: TRUTH_FACTS, extracted: TRUTH_FACTS, matched: TRUTH_FACTS - 2 });
    expect(result.missed.map((fact) => fact.field).sort()).toEqual(['experience.companyName', 'experience.jobTitle']);
    expect(result.extra.map((fact) => fact.field).sort()).toEqual(['experience.companyName', 'experience.jobTitle']);
  });

  it('scores an empty truth against an empty extraction as nothing missed and nothing invented', () => {
    const result = compareCvs(emptyCv(), emptyCv());
    expect(result.overall).toEqual({ truth: 0, extracted: 0, matched: 0 });
    expect(scores(result.overall)).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it('scores an empty extraction as recall 0 and an extraction from an empty truth as precision 0', () => {
    const missedAll = compareCvs(truthCv(), emptyCv());
    expect(missedAll.overall).toEqual({ truth: TRUTH_FACTS, extracted: 0, matched: 0 });
    expect(scores(missedAll.overall)).toEqual({ precision: 1, recall: 0, f1: 0 });
    expect(missedAll.missed).toHaveLength(TRUTH_FACTS);

    const inventedAll = compareCvs(emptyCv(), truthCv());
    expect(scores(inventedAll.overall)).toEqual({ precision: 0, recall: 1, f1: 0 });
    expect(inventedAll.extra).toHaveLength(TRUTH_FACTS);
  });

  it('compares values after normalising case, whitespace, quotes and dashes', () => {
    const extracted = copy(truthCv());
    extracted.hero.fullName = '  ADA   lovelace ';
    extracted.experience.items[0]!.dateRange!.text = 'Mar 2021 - present';
    extracted.experience.items[1]!.companyName = 'Babbage &\u00a0Co';
    const truth = truthCv();
    truth.experience.items[0]!.responsibilities = ['Wrote the “first” program'];
    extracted.experience.items[0]!.responsibilities = ['wrote the "first" program'];
    expect(scores(compareCvs(truth, extracted).overall)).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it('compares dates in their normalised form', () => {
    const truth = truthCv();
    truth.certifications.items = [{ id: 'c', certificationName: 'CKAD', issueDate: '2021-03' }];
    const extracted = copy(truth);
    extracted.certifications.items[0]!.issueDate = 'March 2021';
    extracted.experience.items[0]!.dateRange!.start = 'Mar 2021';
    expect(scores(compareCvs(truth, extracted).overall).f1).toBe(1);

    extracted.certifications.items[0]!.issueDate = '2021';
    expect(compareCvs(truth, extracted).missed.map((fact) => fact.value)).toEqual(['2021-03']);
  });

  it('does not score ids, section titles, isCurrent or the as-written twins of single dates', () => {
    const extracted = copy(truthCv());
    extracted.experience.sectionTitle = 'Work history';
    extracted.experience.items[0]!.id = 'other';
    extracted.experience.items[0]!.dateRange!.isCurrent = false;
    extracted.awards.items = [{ id: 'x', dateReceivedText: 'June 2020' }];
    expect(scores(compareCvs(truthCv(), extracted).overall)).toEqual({ precision: 1, recall: 1, f1: 1 });
  });
});

describe('scoredFacts', () => {
  it('keys facts by section and field path without list indices', () => {
    const fields = scoredFacts(truthCv()).map((fact) => fact.field);
    expect(fields).toContain('experience.dateRange.start');
    expect(fields).toContain('skills.skills');
    expect(fields).not.toContain('experience.dateRange.end');
    expect(fields.filter((field) => field === 'experience.responsibilities')).toHaveLength(2);
  });
});

describe('normalizeValue', () => {
  it.each([
    ['Ａｄａ', 'ada'],
    ['Mar 2021 — Present', 'mar 2021 - present'],
    ['l’équipe', "l'équipe"],
    ['a\u200bb \n c', 'ab c'],
  ])('%j → %j', (raw, normalised) => {
    expect(normalizeValue(raw)).toBe(normalised);
  });
});
