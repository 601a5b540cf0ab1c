import { SourceText } from '../../src/extraction/source-check';

describe('SourceText', () => {
  const source = new SourceText('Methods for large single-\ncell atlases\nlinkedin.com/in/jane-\ndoe\nbe-\nhance.net/janedoe');

  it('reads a word or an address broken after a hyphen at a line end as one, with its hyphen or without', () => {
    expect(source.contains('single-cell atlases', 'title')).toBe(true);
    expect(source.contains('linkedin.com/in/jane-doe', 'url')).toBe(true);
    expect(source.contains('behance.net/janedoe', 'url')).toBe(true);
  });

  it('still refuses what the text does not say', () => {
    expect(source.contains('single cell atlases', 'title')).toBe(false);
    expect(source.contains('linkedin.com/in/janedoe2', 'url')).toBe(false);
  });
});
