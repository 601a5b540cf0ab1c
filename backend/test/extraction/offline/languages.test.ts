import { isLanguageName, languageAndLevel } from '../../../src/extraction/extractors/offline/language-names';
import { extractOffline } from '../../../src/extraction/extractors/offline/offline-extractor';
import { documentOf, heading, name, type LineSpec } from './document';

const read = (specs: LineSpec[]) => extractOffline(documentOf(specs)).cv;
const top: LineSpec[] = [name('Ana Ruiz'), 'Data Analyst', 'ana@example.com'];

describe('language names', () => {
  it.each([
    'Spanish',
    'Spanisch',
    'espagnol',
    'español',
    'Deutsch',
    'Englisch',
    'inglés',
    'français',
    'עברית',
    'ספרדית',
    '中文',
    'Hindi',
    'Catalan',
    'العربية',
    'الإنجليزية',
    'الفرنسية',
    'Английский',
    'русский',
    '英語',
    '日本語',
    '한국어',
    '영어',
  ])('knows %j for a language', (text) => {
    expect(isLanguageName(text)).toBe(true);
  });

  it.each(['Python', 'Go', 'Java', 'Ruby', 'R', 'Rust', 'SQL', 'Kotlin', 'Excel'])('does not take the skill %j for a language', (text) => {
    expect(isLanguageName(text)).toBe(false);
  });

  it.each([
    ['Fluent in Spanish', { language: 'Spanish', level: 'Fluent' }],
    ['courant en anglais', { language: 'anglais', level: 'courant' }],
    ['verhandlungssicher in Englisch', { language: 'Englisch', level: 'verhandlungssicher' }],
    ['Native English', { language: 'English', level: 'Native' }],
    ['Deutsch Muttersprache', { language: 'Deutsch', level: 'Muttersprache' }],
    ['Spanish - C1', { language: 'Spanish', level: 'C1' }],
    ['Hebrew', { language: 'Hebrew' }],
  ])('reads %j as a language and its level', (text, expected) => {
    expect(languageAndLevel(text)).toEqual(expected);
  });

  it('names no language in a skill', () => {
    expect(languageAndLevel('Python programming')).toBeNull();
    expect(languageAndLevel('Data visualisation')).toBeNull();
  });
});

describe('languages in a CV', () => {
  it.each([
    [
      'Languages: English (native), Spanish (fluent)',
      [
        { language: 'English', proficiency: 'native', nativeLanguage: true },
        { language: 'Spanish', proficiency: 'fluent' },
      ],
    ],
    ['Language: Fluent in Spanish', [{ language: 'Spanish', proficiency: 'Fluent' }]],
    [
      'Sprachen: Deutsch (Muttersprache), Englisch (C1)',
      [
        { language: 'Deutsch', proficiency: 'Muttersprache', nativeLanguage: true },
        { language: 'Englisch', proficiency: 'C1' },
      ],
    ],
    [
      'Idiomas: Español (nativo), Inglés (B2)',
      [
        { language: 'Español', proficiency: 'nativo', nativeLanguage: true },
        { language: 'Inglés', proficiency: 'B2' },
      ],
    ],
    [
      'English (native), French (B2)',
      [
        { language: 'English', proficiency: 'native', nativeLanguage: true },
        { language: 'French', proficiency: 'B2' },
      ],
    ],
  ])('files %j in a skills section under languages, not skills', (line, languages) => {
    const cv = read([...top, heading('Skills'), line, 'Programming: Python, SQL, R', heading('Experience'), 'Analyst, Banco Sur']);
    expect(cv.languages.items.map(({ id: _id, ...item }) => item)).toEqual(languages);
    expect(cv.skills.skillCategories.map((category) => category.categoryName)).toEqual(['Programming']);
  });

  it.each([
    ['Fluent in Spanish', { language: 'Spanish', proficiency: 'Fluent' }],
    ['English: native', { language: 'English', proficiency: 'native', nativeLanguage: true }],
    ['Deutsch (Muttersprache)', { language: 'Deutsch', proficiency: 'Muttersprache', nativeLanguage: true }],
    ['Spanish - C1', { language: 'Spanish', proficiency: 'C1' }],
    ['Spanish (fluent)', { language: 'Spanish', proficiency: 'fluent' }],
  ])('reads %j in a languages section', (line, item) => {
    const cv = read([...top, heading('Languages'), line, heading('Skills'), 'Python, SQL']);
    expect(cv.languages.items.map(({ id: _id, ...rest }) => rest)).toEqual([item]);
  });
});

describe('a language stacked over its level', () => {
  it('takes the level from the line under the language', () => {
    const { languages } = read([...top, heading('Languages'), ['English', { bold: true }], 'Native', ['Español', { bold: true }], 'Lengua materna', ['Korean', { bold: true }], 'C1']);
    expect(languages.items.map((item) => [item.language, item.proficiency ?? null])).toEqual([
      ['English', 'Native'],
      ['Español', 'Lengua materna'],
      ['Korean', 'C1'],
    ]);
  });
});
