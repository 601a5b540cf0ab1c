import { withoutDates } from '../../../src/extraction/extractors/offline/date-spans';
import { dateRank } from '../../../src/extraction/extractors/offline/entry-head';
import { HyphenBreaks } from '../../../src/extraction/extractors/offline/hyphen-breaks';
import { endWithout, tidiesAway, tidy } from '../../../src/extraction/extractors/offline/text';

// An uploader chooses the shape of the text: one line may be a 100,000-character run or
// hold thousands of dates. Each input here is read in linear time; read in quadratic time,
// as it was, it would take from minutes to hours, far past jest's timeout.

describe('reading very long lines in linear time', () => {
  it('tidies the ends of a line with a 200,000-character run of separators inside', () => {
    const line = `x${' ,'.repeat(100_000)}y`;
    expect(tidy(line)).toBe(line);
    expect(tidy(`Acme${' ,'.repeat(100_000)}`)).toBe('Acme');
  });

  it('still tidies as before', () => {
    expect(tidy('Acme Inc. — ')).toBe('Acme Inc.');
    expect(tidy('(917) 555-0133')).toBe('(917) 555-0133');
    expect(tidy('Acme (')).toBe('Acme');
    expect(tidy('Acme)')).toBe('Acme');
    expect(tidy(', (Berlin')).toBe('Berlin');
    expect(tidiesAway(' – (')).toBe(true);
    expect(tidiesAway('()')).toBe(false);
    expect(tidiesAway(` ,${'x'}`, true)).toBe(false);
  });

  it('takes characters off the end one code point at a time', () => {
    expect(endWithout('ab𝐀𝐁', /\p{L}/u)).toBe(0);
    expect(endWithout('1, 2, ', /[\s,]/u)).toBe(4);
  });

  it('ranks the dates of a line holding 40,000 of them', () => {
    expect(dateRank(Array.from({ length: 40_000 }, () => '2019').join(' | '))).toBe(3);
    expect(dateRank(Array.from({ length: 40_000 }, () => 'Acme 2019').join(', '))).toBe(2);
  });

  it('cuts the 100,000 dates out of a line', () => {
    expect(withoutDates('Acme 2019, Beta Jan 2020 – Present, Gamma')).toBe('Acme  , Beta  , Gamma');
    const cut = withoutDates(Array.from({ length: 100_000 }, () => 'Acme 2019').join(', '));
    expect(cut).toBe(`Acme ${' , Acme '.repeat(99_999)} `);
  });

  it('finds the word broken at the hyphen that ends a 200,000-letter line', () => {
    const breaks = new HyphenBreaks({ lines: [], typeset: true });
    expect(breaks.join(`${'x'.repeat(200_000)} Uni-`, 'versity', undefined)).toBe(`${'x'.repeat(200_000)} University`);
    expect(breaks.join(`${'x'.repeat(200_000)}-`, 'yz', undefined)).toBe(`${'x'.repeat(200_000)}yz`);
  });
});
