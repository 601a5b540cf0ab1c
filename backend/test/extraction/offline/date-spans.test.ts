import { cut, findDateRange, findDateRanges, findDates } from '../../../src/extraction/extractors/offline/date-spans';

describe('findDateRange', () => {
  it.each([
    ['Senior Engineer, Acme   Jan 2019 – Present', { start: '2019-01', end: null, isCurrent: true, text: 'Jan 2019 – Present' }],
    ['Acme | 03/2019 - 12/2021 | Berlin', { start: '2019-03', end: '2021-12', isCurrent: false, text: '03/2019 - 12/2021' }],
    ['enero de 2020 - actualidad', { start: '2020-01', end: null, isCurrent: true, text: 'enero de 2020 - actualidad' }],
    ["Ingénieur (sept. 2015 – aujourd'hui)", { start: '2015-09', end: null, isCurrent: true, text: "sept. 2015 – aujourd'hui" }],
    ['Entwickler, 01.03.2018 bis heute', { start: '2018-03', end: null, isCurrent: true, text: '01.03.2018 bis heute' }],
    ['09/2018 – bis heute', { start: '2018-09', end: null, isCurrent: true, text: '09/2018 – bis heute' }],
    ['since 2021', { start: '2021', end: null, isCurrent: true, text: 'since 2021' }],
    ['2015–17', { start: '2015', end: '2017', isCurrent: false, text: '2015–17' }],
    ['2018 – היום', { start: '2018', end: null, isCurrent: true, text: '2018 – היום' }],
  ])('finds the range in %j', (line, range) => {
    expect(findDateRange(line)?.range).toEqual(range);
  });

  it('puts a range a PDF stored in visual order back in reading order', () => {
    expect(findDateRange('2021 – 2018')?.range).toEqual({ start: '2018', end: '2021', isCurrent: false, text: '2018 – 2021' });
  });

  it('does not read the last group of a phone number as a year', () => {
    expect(findDateRange('Call +1 415 555 2020')).toBeNull();
    expect(findDateRange('(713) 555-2019')).toBeNull();
  });

  it('reads a year after a single number ("40 Under 40 2008") but not inside amounts', () => {
    expect(findDates('40 Under 40 2008').map((date) => date.text)).toEqual(['2008']);
    expect(findDates('Raised $2019 and €2020 for the club')).toEqual([]);
  });

  it('finds every range on a line, the year inside a name included', () => {
    expect(findDateRanges('ISMB 2024 2024').map((found) => found.range.text)).toEqual(['2024', '2024']);
  });

  it('cuts the dates out and tidies what is left on either side', () => {
    const line = 'Acme GmbH | 2019 – 2021 | Berlin';
    expect(cut(line, findDateRange(line)!)).toEqual(['Acme GmbH', 'Berlin']);
  });
});
