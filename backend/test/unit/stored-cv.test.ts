import { CvSchema, emptyCv } from '@r2w/cv-schema';
import { readStoredCv } from '../../src/routes/cvs/stored-cv';

describe('readStoredCv', () => {
  it('reads a valid CV as it is', () => {
    const cv = { ...emptyCv(), hero: { fullName: 'Jane Doe' } };
    expect(readStoredCv(cv)).toEqual(cv);
  });

  it('moves a value saved before its rule existed to the text to place, after what was there', () => {
    const stored = {
      ...emptyCv(),
      hero: { fullName: 'Jane Doe' },
      contact: { email: 'jane@postbox', phone: '+44 20 7946 0000' },
      extraction: { unclassifiedText: ['Driving licence B'], sections: { hero: { confidence: 0.9, source: 'heuristic' } }, rejectedValues: 1 },
    };
    const cv = readStoredCv(stored);
    expect(CvSchema.safeParse(cv).success).toBe(true);
    expect(cv?.contact).toEqual({ email: null, phone: '+44 20 7946 0000' });
    expect(cv?.extraction).toEqual({ ...stored.extraction, unclassifiedText: ['Driving licence B', 'jane@postbox'] });
  });

  it('gives a CV without an extraction report one for the moved value', () => {
    const cv = readStoredCv({ ...emptyCv(), contact: { phone: 'ask me' } });
    expect(cv?.extraction).toEqual({ unclassifiedText: ['ask me'], sections: {}, rejectedValues: 0 });
  });

  it('reads no CV from what is not one', () => {
    for (const data of [null, 'cv', [], 42]) expect(readStoredCv(data)).toBeNull();
    expect(readStoredCv({ schemaVersion: 2 })).toBeNull();
  });
});
