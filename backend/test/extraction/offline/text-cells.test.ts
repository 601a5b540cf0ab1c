import { splitList, splitParts } from '../../../src/extraction/extractors/offline/text';

// The text layer separates pieces of a row set far apart with a tab (TextLine.text): the
// parsers read it as a field break, like "|".
describe('tab-separated cells', () => {
  it('split a line into parts', () => {
    expect(splitParts('Dunamu Inc.\tSeoul, Korea')).toEqual(['Dunamu Inc.', 'Seoul, Korea']);
    expect(splitParts('Senior Engineer, Payments\tJan 2020 – Present')).toEqual(['Senior Engineer, Payments', 'Jan 2020 – Present']);
    expect(splitParts('BSc\tComputer Science\t2015 – 2019', false)).toEqual(['BSc', 'Computer Science', '2015 – 2019']);
  });

  it('split a list', () => {
    expect(splitList('HTML\tCSS\tPython\tMachine learning')).toEqual(['HTML', 'CSS', 'Python', 'Machine learning']);
    expect(splitList('Go, Rust\tSQL')).toEqual(['Go', 'Rust', 'SQL']);
  });
});
