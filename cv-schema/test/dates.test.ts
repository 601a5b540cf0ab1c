import { dateRangeSchema, normalizeDate, parseDate, parseDateRange } from '../src';

describe('normalizeDate', () => {
  it.each([
    // English month names and abbreviations
    ['Jan 2020', '2020-01'],
    ['January 2020', '2020-01'],
    ['jan. 2020', '2020-01'],
    ['Sept. 2018', '2018-09'],
    ['Sep 2018', '2018-09'],
    ['DECEMBER 2019', '2019-12'],
    ['May, 2021', '2021-05'],
    ['Jan2020', '2020-01'],
    ["Jan '20", '2020-01'],
    ['Mar ’98', '1998-03'],
    ['15 January 2020', '2020-01'],
    ['January 15, 2020', '2020-01'],
    ['15th of March 2019', '2019-03'],
    // numeric forms
    ['01/2020', '2020-01'],
    ['1/2020', '2020-01'],
    ['03.2019', '2019-03'],
    ['11-2017', '2017-11'],
    ['2020-01', '2020-01'],
    ['2020.01', '2020-01'],
    ['2020/1', '2020-01'],
    ['2013-12-01', '2013-12'],
    ['15.03.2019', '2019-03'],
    ['15/03/2019', '2019-03'],
    ['03/15/2019', '2019-03'],
    ['2019', '2019'],
    ['  2019 ', '2019'],
    // Spanish
    ['enero 2020', '2020-01'],
    ['enero de 2020', '2020-01'],
    ['Ene. 2020', '2020-01'],
    ['15 de agosto de 2017', '2017-08'],
    ['septiembre 2016', '2016-09'],
    ['setiembre 2016', '2016-09'],
    ['Dic 2019', '2019-12'],
    ['abril 2015', '2015-04'],
    // French
    ['janvier 2020', '2020-01'],
    ['janv. 2020', '2020-01'],
    ['février 2019', '2019-02'],
    ['févr. 2019', '2019-02'],
    ['fevrier 2019', '2019-02'],
    ['août 2018', '2018-08'],
    ['juillet 2017', '2017-07'],
    ['juin 2017', '2017-06'],
    ['1er décembre 2016', '2016-12'],
    ['avr. 2014', '2014-04'],
    // German
    ['März 2020', '2020-03'],
    ['Mär 2020', '2020-03'],
    ['Maerz 2020', '2020-03'],
    ['Mrz. 2020', '2020-03'],
    ['Jänner 2020', '2020-01'],
    ['Oktober 2018', '2018-10'],
    ['Okt. 2018', '2018-10'],
    ['Dezember 2019', '2019-12'],
    ['15. Mai 2021', '2021-05'],
    ['im Juni 2016', '2016-06'],
    // Hebrew
    ['ינואר 2020', '2020-01'],
    ['פברואר 2019', '2019-02'],
    ['מרץ 2018', '2018-03'],
    ['מאי 2017', '2017-05'],
    ['במאי 2017', '2017-05'],
    ['בינואר 2020', '2020-01'],
    ['ספט׳ 2018', '2018-09'],
    ["דצמ' 2019", '2019-12'],
    ['אוגוסט 2016', '2016-08'],
    // Chinese, Japanese, Korean
    ['2019年3月', '2019-03'],
    ['2019年12月15日', '2019-12'],
    ['2019 年 3 月', '2019-03'],
    ['2019년 3월', '2019-03'],
    ['2019年', '2019'],
    // seasons, semesters, quarters and halves: the year, since the month would be a guess
    ['Summer 2019', '2019'],
    ['Fall 2013', '2013'],
    ['autumn 2020', '2020'],
    ["Spring '19", '2019'],
    ['Q3 2020', '2020'],
    ['3Q 2020', '2020'],
    ['H1 2021', '2021'],
    ['2021 H2', '2021'],
    ['Winter semester 2019', '2019'],
    ['Wintersemester 2019', '2019'],
    ['SoSe 2020', '2020'],
    ['WS 2018', '2018'],
    ['Été 2017', '2017'],
    ["semestre d'automne 2016", '2016'],
    ['verano de 2018', '2018'],
    ['Sommer 2015', '2015'],
    ['קיץ 2020', '2020'],
  ])('%s → %s', (text, expected) => {
    expect(normalizeDate(text)).toBe(expected);
  });

  it.each([
    // not dates, or not dates we can read without guessing: kept as written
    ['Summer'],
    ['Q3'],
    ['Summer 1850'],
    ['Q5 2020'],
    ['03/04/2019'], // April 3rd in Europe, March 4th in the US
    ['jui 2020'], // juin or juillet
    ['13/2020'],
    ['2020-13'],
    ['1850'],
    ['Jan'],
    ['next year'],
    ['Mar del Plata 2019'],
  ])('keeps %s as written', (text) => {
    expect(normalizeDate(text)).toBe(text);
    expect(parseDate(text)).toBeNull();
  });

  it('trims what it keeps as written, and gives "" for blank text', () => {
    expect(normalizeDate('  Summer of love ')).toBe('Summer of love');
    expect(normalizeDate('   ')).toBe('');
    expect(parseDate('')).toBeNull();
  });
});

describe('parseDateRange', () => {
  const range = (start: string | null, end: string | null, isCurrent: boolean) => ({ start, end, isCurrent });

  it.each([
    // English
    ['Jan 2020 – Present', range('2020-01', null, true)],
    ['Jan 2020 - present', range('2020-01', null, true)],
    ['Jan 2020-Present', range('2020-01', null, true)],
    ['Oct 2012 — Current', range('2012-10', null, true)],
    ['Nov 2019 – now', range('2019-11', null, true)],
    ['2019 to today', range('2019', null, true)],
    ['2019 to date', range('2019', null, true)],
    ['since 2021', range('2021', null, true)],
    ['Since March 2021', range('2021-03', null, true)],
    ['2018-2020', range('2018', '2020', false)],
    ['2018 – 2020', range('2018', '2020', false)],
    ['2018—2020', range('2018', '2020', false)],
    ['03/2017 - 12/2019', range('2017-03', '2019-12', false)],
    ['03/2017-12/2019', range('2017-03', '2019-12', false)],
    ['2015 to 2017', range('2015', '2017', false)],
    ['from 2015 until 2017', range('2015', '2017', false)],
    ['Jan 2020 to Mar 2021', range('2020-01', '2021-03', false)],
    ['Sept. 2018 – Jun. 2020', range('2018-09', '2020-06', false)],
    ['2013-12-01 – 2014-12-01', range('2013-12', '2014-12', false)],
    ['2013-12-01-2014-12-01', range('2013-12', '2014-12', false)],
    ['2020-01 ~ 2020-06', range('2020-01', '2020-06', false)],
    ['2015–17', range('2015', '2017', false)],
    ['2019-20', range('2019', '2020', false)],
    ['1998 - 03', range('1998', '2003', false)],
    // one date is a start, and says nothing about an end
    ['2020-01', range('2020-01', null, false)],
    ['March 2019', range('2019-03', null, false)],
    ['2013-12-01 –', range('2013-12', null, false)],
    // Spanish
    ['enero 2020 - actualidad', range('2020-01', null, true)],
    ['Ene 2020 – Presente', range('2020-01', null, true)],
    ['2019 - hoy', range('2019', null, true)],
    ['2018 – hasta la actualidad', range('2018', null, true)],
    ['desde 2019', range('2019', null, true)],
    ['desde 2015 hasta 2017', range('2015', '2017', false)],
    ['de 2015 a 2017', range('2015', '2017', false)],
    ['marzo de 2016 - junio de 2018', range('2016-03', '2018-06', false)],
    // French
    ["janvier 2019 – aujourd'hui", range('2019-01', null, true)],
    ['janvier 2019 – Aujourd’hui', range('2019-01', null, true)],
    ['2017 – Actuel', range('2017', null, true)],
    ['depuis mars 2020', range('2020-03', null, true)],
    ['2015 à 2017', range('2015', '2017', false)],
    ['du 2015 au 2017', range('2015', '2017', false)],
    ['févr. 2016 – août 2018', range('2016-02', '2018-08', false)],
    // German
    ['2016 – heute', range('2016', null, true)],
    ['März 2018 – bis heute', range('2018-03', null, true)],
    ['2018 – jetzt', range('2018', null, true)],
    ['seit März 2020', range('2020-03', null, true)],
    ['von 2015 bis 2017', range('2015', '2017', false)],
    ['03.2015 - 12.2019', range('2015-03', '2019-12', false)],
    // Hebrew
    ['ינואר 2020 – היום', range('2020-01', null, true)],
    ['2018 - הווה', range('2018', null, true)],
    ['2019 – כיום', range('2019', null, true)],
    ['2018 עד היום', range('2018', null, true)],
    ['מאז 2019', range('2019', null, true)],
    ['היום - 2018', range('2018', null, true)],
    ['2015 עד 2017', range('2015', '2017', false)],
    ['מ-2015 עד 2017', range('2015', '2017', false)],
    ['מרץ 2016 – יוני 2018', range('2016-03', '2018-06', false)],
    // Arabic, Italian, Portuguese, and the other languages' rarer "present"
    ['2021 – الآن', range('2021', null, true)],
    ['2019 - حتى الآن', range('2019', null, true)],
    ['2020 – حالياً', range('2020', null, true)],
    ['2017 – 2019', range('2017', '2019', false)],
    ['2018 – oggi', range('2018', null, true)],
    ['2018 – atualmente', range('2018', null, true)],
    ['2016 – à présent', range('2016', null, true)],
    ['2016 – bis dato', range('2016', null, true)],
    ['2019 – עכשיו', range('2019', null, true)],
    ['2019年4月 – 在職中', range('2019-04', null, true)],
    // a marker alone: current, start unknown
    ['Present', range(null, null, true)],
    ['heute', range(null, null, true)],
    // every dash Unicode has, the minus sign and a soft hyphen separate two dates
    ['2019\u20102021', range('2019', '2021', false)],
    ['Jan 2019\u2011Mar 2020', range('2019-01', '2020-03', false)],
    ['2019 \u2012 2021', range('2019', '2021', false)],
    ['2019\u20152021', range('2019', '2021', false)],
    ['03/2017 \u2212 12/2019', range('2017-03', '2019-12', false)],
    ['2019\ufe582021', range('2019', '2021', false)],
    ['2019\ufe632021', range('2019', '2021', false)],
    ['2019\uff0d2021', range('2019', '2021', false)],
    ['2019\u00ad2021', range('2019', '2021', false)],
    ['2013-12-01\u20102014-12-01', range('2013-12', '2014-12', false)],
    ['Jan 2020 \u2010 Present', range('2020-01', null, true)],
    ['2019 -- 2021', range('2019', '2021', false)],
    // seasons
    ['Summer 2019 – Fall 2020', range('2019', '2020', false)],
    ['Fall 2013 \u2010 Spring 2014', range('2013', '2014', false)],
    ['Summer 2019 – Present', range('2019', null, true)],
    // an academic year: the slash separates only two years that follow each other
    ['2019/20', range('2019', '2020', false)],
    ['2019/2020', range('2019', '2020', false)],
    ['WS 2019/20', range('2019', '2020', false)],
    ['Winter semester 2019/20', range('2019', '2020', false)],
    ['2019/2021', range('2019/2021', null, false)],
    // Chinese, Japanese, Korean
    ['2019年3月至今', range('2019-03', null, true)],
    ['2019年3月 - 2021年6月', range('2019-03', '2021-06', false)],
    ['2019.03～2020.12', range('2019-03', '2020-12', false)],
    ['2018年4月〜2020年3月', range('2018-04', '2020-03', false)],
    ['2020.01 – 现在', range('2020-01', null, true)],
    ['2019년 3월 – 현재', range('2019-03', null, true)],
    // unreadable parts kept as written
    ['Summer of love – Fall 2020', range('Summer of love', '2020', false)],
  ])('%s', (text, expected) => {
    expect(parseDateRange(text)).toEqual({ ...expected, text: text.trim() });
  });

  it('keeps the text exactly as written, apart from surrounding space', () => {
    expect(parseDateRange('  Jan 2020 –  Present ').text).toBe('Jan 2020 –  Present');
  });

  it('does not take a word that merely contains a marker for one', () => {
    expect(parseDateRange('November 2019')).toEqual({ start: '2019-11', end: null, isCurrent: false, text: 'November 2019' });
    expect(parseDateRange('2019 – Unknown')).toEqual({ start: '2019', end: 'Unknown', isCurrent: false, text: '2019 – Unknown' });
  });

  it('gives nulls for blank text', () => {
    expect(parseDateRange('  ')).toEqual({ start: null, end: null, isCurrent: false, text: null });
  });

  it('gives what dateRangeSchema accepts', () => {
    expect(dateRangeSchema.parse(parseDateRange('Jan 2020 – Present'))).toEqual(parseDateRange('Jan 2020 – Present'));
  });
});
