import { SAMPLE_CV } from '@r2w/portfolio-task';
import { describe, expect, it } from 'vitest';
import { needsReview, unsureSections } from '../lib/review';

const extraction = { unclassifiedText: [], sections: {}, rejectedValues: 0 };

describe('what the extraction leaves for a person to check', () => {
  it('is nothing for a CV without an extraction report (an import) or with only sure sections', () => {
    expect(needsReview({ ...SAMPLE_CV, extraction: undefined })).toBe(false);
    expect(needsReview({ ...SAMPLE_CV, extraction: { ...extraction, sections: { skills: { confidence: 0.9, source: 'llm' } } } })).toBe(false);
  });

  it('is the sections the extractor was unsure of, in the editor order', () => {
    const cv = { ...SAMPLE_CV, extraction: { ...extraction, sections: { skills: { confidence: 0.4, source: 'heuristic' as const }, hero: { confidence: 0.5, source: 'heuristic' as const } } } };
    expect(unsureSections(cv)).toEqual(['hero', 'skills']);
    expect(needsReview(cv)).toBe(true);
  });

  it('is text it could not place', () => {
    expect(needsReview({ ...SAMPLE_CV, extraction: { ...extraction, unclassifiedText: ['Volunteer, 2019'] } })).toBe(true);
  });
});
