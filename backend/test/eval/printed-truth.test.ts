import { emptyCv, type Cv } from '@r2w/cv-schema';
import { dateForms, PrintedText, printedTruth, urlForms } from '../../eval/extraction/render-others/printed-truth';

// The truth of a document laid out by others is what it prints: a value it leaves out must not
// count as missed, and a date is true as printed, not as the input wrote it.

function sourceCv(): Cv {
  const cv = emptyCv();
  cv.hero = { fullName: 'Olivia Brennan', professionalTitle: 'Brand Designer', profilePhotoUrl: 'https://example.com/me.jpg' };
  cv.contact = { email: 'olivia@example.com', professionalLinks: [{ platform: 'Behance', url: 'https://www.behance.net/olivia', username: 'olivia' }] };
  cv.experience.items = [
    {
      id: 'a',
      jobTitle: 'Senior Designer',
      companyName: 'Harbor & Hive',
      dateRange: { start: '2021-01', end: null, isCurrent: true, text: '2021-01 – ' },
      responsibilities: ['Led 12 identity projects.', 'Not printed by this theme.'],
    },
    { id: 'b', jobTitle: 'Designer', companyName: 'Lumen', dateRange: { start: '2016', end: '2016', isCurrent: false, text: '2016 – 2016' } },
  ];
  cv.awards.items = [{ id: 'c', awardName: 'First Place', dateReceived: '2022' }];
  return cv;
}

describe('printedTruth', () => {
  const page = new PrintedText([
    'O L I V I A   B R E N N A N\nBrand Designer\nolivia@example.com\nbehance.net/olivia\n',
    'Senior Designer, Harbor & Hive   Jan, 2021 - Present\n• Led 12 identity\nprojects.\nDesigner at Lumen  Jan 2016 – Jan 2016\nFirst Place — Awarded on: Jan 01, 2022',
  ]);
  const { truth, dropped } = printedTruth(sourceCv(), page);

  it('keeps the values the page prints, letter-spaced or broken over lines, and drops the others', () => {
    expect(truth.hero).toEqual({ fullName: 'Olivia Brennan', professionalTitle: 'Brand Designer' });
    expect(truth.experience.items[0]?.responsibilities).toEqual(['Led 12 identity projects.']);
    expect(dropped).toEqual(['hero.profilePhotoUrl', 'experience.items[0].responsibilities[1]']);
  });

  it('takes links and dates as printed', () => {
    // The platform and user name are on the page inside the link, as a reader sees them.
    expect(truth.contact.professionalLinks).toEqual([{ platform: 'Behance', url: 'behance.net/olivia', username: 'olivia' }]);
    expect(truth.experience.items[0]?.dateRange).toEqual({ start: '2021-01', end: null, isCurrent: true, text: 'Jan, 2021 - Present' });
    // A year printed as the layout's first of January is a month on the page.
    expect(truth.experience.items[1]?.dateRange).toEqual({ start: '2016-01', end: '2016-01', isCurrent: false, text: 'Jan 2016 – Jan 2016' });
    expect(truth.awards.items[0]?.dateReceived).toBe('2022-01');
  });

  it('keeps a range printed as the CV writes it, whatever its words and dashes', () => {
    const cv = sourceCv();
    cv.experience.items[1]!.dateRange = { start: '2017', end: null, isCurrent: false, text: 'Summer 2017' };
    cv.experience.items[0]!.dateRange = { start: '2018-06', end: '2022-01', isCurrent: false, text: 'Jun 2018 \u2012 Jan 2022' };
    const printed = printedTruth(cv, new PrintedText(['Designer, Lumen  Summer 2017\nSenior Designer  Jun 2018 \u2012 Jan 2022'])).truth;
    expect(printed.experience.items.map((item) => item.dateRange?.text)).toEqual(['Jun 2018 \u2012 Jan 2022', 'Summer 2017']);
  });

  it('takes an open range as printed with the word that ends it, not as the CV wrote it', () => {
    const cv = sourceCv();
    cv.experience.items[0]!.dateRange = { start: '2019', end: null, isCurrent: true, text: '2019 –' };
    const printed = printedTruth(cv, new PrintedText(['Senior Designer  2019 - Present\nDesigner at Lumen  Jan 2016 – Jan 2016'])).truth;
    expect(printed.experience.items[0]?.dateRange?.text).toBe('2019 - Present');
  });
});

describe('printedTruth of a flag', () => {
  it('keeps a native language marked with its printed level, and no entry for a flag alone', () => {
    const cv = emptyCv();
    cv.languages.items = [
      { id: 'es', language: 'Español', proficiency: 'Lengua materna', nativeLanguage: true },
      { id: 'eu', language: 'Euskera', proficiency: 'Nativo', nativeLanguage: true },
    ];
    const { truth } = printedTruth(cv, new PrintedText(['Idiomas\nEspañol: Lengua materna']));
    expect(truth.languages.items).toEqual([{ id: 'es', language: 'Español', proficiency: 'Lengua materna', nativeLanguage: true }]);
  });
});

describe('PrintedText', () => {
  it('asks for word boundaries in spaced scripts, not in Chinese or Japanese', () => {
    const page = new PrintedText(['Golang and Java\n负责订单中心的架构设计\n株式会社ミライワークスUIデザイナー']);
    expect(page.prints('Go')).toBe(false);
    expect(page.prints('Java')).toBe(true);
    expect(page.prints('订单中心')).toBe(true);
    expect(page.prints('株式会社ミライワークス')).toBe(true);
  });
});

describe('date and link forms', () => {
  it('lists the forms layouts print, most specific first', () => {
    expect(dateForms('2013-12')).toEqual(expect.arrayContaining(['2013-12-01', 'Dec 01, 2013', 'December 2013', 'Dec 2013', '12/2013', '2013']));
    expect(dateForms('2013-12').indexOf('Dec 2013')).toBeLessThan(dateForms('2013-12').indexOf('2013'));
    expect(dateForms('2016')).toEqual(expect.arrayContaining(['Jan 2016', '2016-01-01', '2016']));
    expect(urlForms('https://www.behance.net/olivia/')).toEqual(expect.arrayContaining(['https://www.behance.net/olivia/', 'behance.net/olivia']));
  });
});
