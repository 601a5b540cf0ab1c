import { emptyCv, type Cv } from '@r2w/cv-schema';
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../lib/date-wording';

function withJob(dateRange: NonNullable<Cv['experience']['items'][number]['dateRange']>): Cv {
  const cv = emptyCv();
  cv.experience.items = [{ id: 'job', jobTitle: 'Engineer', dateRange }];
  cv.awards.items = [{ id: 'award', awardName: 'Prize', dateReceived: '2014-11', dateReceivedText: 'November 2014' }];
  return cv;
}

const job = { start: '2019-01', end: null, isCurrent: true, text: 'Jan 2019 – Present' };
const range = ['experience', 'items', 0, 'dateRange'] as const;
const award = ['awards', 'items', 0] as const;

describe('applyEdit', () => {
  it.each([
    ['end', '2023-06'],
    ['start', '2018-11'],
    ['isCurrent', undefined],
  ])('clears the wording of a range when its %s is edited', (part, value) => {
    const edited = applyEdit(withJob(job), [...range, part], value);
    expect(edited.experience.items[0]?.dateRange).toEqual({ ...job, [part]: value, text: undefined });
    expect(edited.experience.items[0]?.dateRange).not.toHaveProperty('text');
  });

  it('reads the dates from edited wording it can read', () => {
    const edited = applyEdit(withJob(job), [...range, 'text'], 'March 2018 – June 2020');
    expect(edited.experience.items[0]?.dateRange).toEqual({ start: '2018-03', end: '2020-06', text: 'March 2018 – June 2020' });
  });

  it('leaves the dates alone while the wording names none it can read', () => {
    for (const wording of ['Ma', 'Summer term', '']) {
      expect(applyEdit(withJob(job), [...range, 'text'], wording).experience.items[0]?.dateRange).toMatchObject({ start: '2019-01', isCurrent: true });
    }
  });

  it('clears the wording of a single date when the date is edited, and reads the date from edited wording', () => {
    expect(applyEdit(withJob(job), [...award, 'dateReceived'], '2015').awards.items[0]).toEqual({ id: 'award', awardName: 'Prize', dateReceived: '2015' });
    expect(applyEdit(withJob(job), [...award, 'dateReceivedText'], 'Dec 2016').awards.items[0]).toMatchObject({ dateReceived: '2016-12', dateReceivedText: 'Dec 2016' });
  });

  it('changes nothing else', () => {
    const cv = withJob(job);
    const edited = applyEdit(cv, ['experience', 'items', 0, 'jobTitle'], 'Lead');
    expect(edited.experience.items[0]).toEqual({ id: 'job', jobTitle: 'Lead', dateRange: job });
    expect(applyEdit(cv, ['references', 'items'], [{ id: 'r', referenceText: '2019' }]).references.items[0]).toEqual({ id: 'r', referenceText: '2019' });
  });
});
