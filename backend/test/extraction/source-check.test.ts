import { keepOnlySourcedValues, SourceText } from '../../src/extraction/source-check';

describe('the source check', () => {
  it('keeps an e-mail address and a link that a narrow column broke across two lines', () => {
    const text = 'Robert Harrington\nrj.harrington@outlook.co\nm\nlinkedin.com/in/rjharring\nton';
    const { cv, rejected } = keepOnlySourcedValues({ contact: { email: 'rj.harrington@outlook.com', professionalLinks: [{ url: 'linkedin.com/in/rjharrington' }] } }, text);
    expect(rejected).toEqual([]);
    expect(cv.contact.email).toBe('rj.harrington@outlook.com');
  });

  it('still drops an address the text does not hold', () => {
    const { rejected } = keepOnlySourcedValues({ contact: { email: 'someone@else.com' } }, 'Robert Harrington\nrj.harrington@outlook.com');
    expect(rejected).toEqual([{ path: 'contact.email', value: 'someone@else.com' }]);
  });

  it('finds Chinese and Japanese text however the document wrapped or spaced it', () => {
    const source = new SourceText('ユーザーリサーチから UI設計まで一貫して担当し、モバイルアプリの継続率改善に取り組んできまし\nた。');
    expect(source.contains('ユーザーリサーチからUI設計まで一貫して担当し、モバイルアプリの継続率改善に取り組んできました。', 'summaryText')).toBe(true);
    expect(new SourceText('引入 Redis 缓存').contains('引入Redis缓存', 'responsibilities')).toBe(true);
  });

  it('still tells Western words apart by their spaces', () => {
    expect(new SourceText('data engineer').contains('dataengineer', 'jobTitle')).toBe(false);
  });
});

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
