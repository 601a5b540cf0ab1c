import { SourceText } from '../../src/extraction/source-check';

describe('the source check', () => {
  it('finds Chinese and Japanese text however the document wrapped or spaced it', () => {
    const source = new SourceText('ユーザーリサーチから UI設計まで一貫して担当し、モバイルアプリの継続率改善に取り組んできまし\nた。');
    expect(source.contains('ユーザーリサーチからUI設計まで一貫して担当し、モバイルアプリの継続率改善に取り組んできました。', 'summaryText')).toBe(true);
    expect(new SourceText('引入 Redis 缓存').contains('引入Redis缓存', 'responsibilities')).toBe(true);
  });

  it('still tells Western words apart by their spaces', () => {
    expect(new SourceText('data engineer').contains('dataengineer', 'jobTitle')).toBe(false);
  });
});
