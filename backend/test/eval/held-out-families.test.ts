import { emptyCv } from '@r2w/cv-schema';
import { loadFamily } from '../../eval/extraction/others';
import { LISTED_THEMES, THEME_NAMES, themePlan } from '../../eval/extraction/render-others/jsonresume';
import { PRODUCERS } from '../../eval/extraction/render-others/html-producers';
import { datecolOdt, datecolReading } from '../../eval/extraction/render-others/libreoffice-datecol';
import { documentText } from '../../eval/extraction/render-others/libreoffice';
import { docxTexts, pdfTexts, PrintedText, printedTruth } from '../../eval/extraction/render-others/printed-truth';
import { corpusCvs, newCvs } from '../../eval/extraction/render-others/source-cvs';
import { givenReading, YAMLRESUME_FAMILIES, yamlResumeInput } from '../../eval/extraction/render-others/yamlresume';

// Families added as a held-out set must not change the documents of the families before them,
// and their truth must hold only what their layout prints.

describe('JSON Resume themes listed with their own CVs', () => {
  const cvs = [...corpusCvs(), ...newCvs()];

  it('leave the round robin of the earlier themes as it was: each committed document is still in its theme’s plan', () => {
    const plan = themePlan(cvs);
    for (const theme of THEME_NAMES.filter((name) => !(name in LISTED_THEMES))) {
      const committed = loadFamily(`jsonresume-${theme}`).map((document) => document.name);
      expect(committed.length).toBeGreaterThan(0);
      expect(plan.get(theme)?.map((cv) => cv.name)).toEqual(expect.arrayContaining(committed));
    }
  });

  it('render the CVs they list, each a theme pinned in themes/package.json', () => {
    const plan = themePlan(cvs);
    for (const [theme, names] of Object.entries(LISTED_THEMES)) {
      expect(THEME_NAMES).toContain(theme);
      expect(plan.get(theme)?.map((cv) => cv.name)).toEqual(names);
    }
  });
});

describe('libreoffice-datecol', () => {
  const source = () => {
    const cv = emptyCv();
    cv.hero = { fullName: 'Jonas Becker', professionalTitle: 'Ingenieur' };
    cv.contact = { email: 'jonas@example.de', phone: '+49 171 2345678', location: { city: 'Stuttgart' } };
    cv.experience.items = [
      {
        id: 'a',
        jobTitle: 'Konstrukteur',
        companyName: 'Neckar GmbH',
        dateRange: { start: '2020-03', end: null, isCurrent: true, text: 'seit 03/2020' },
        responsibilities: ['CAD-Konstruktion'],
        achievements: ['Gewicht um 14 % reduziert'],
        technologies: ['CATIA V5'],
      },
    ];
    cv.skills.skillCategories = [{ id: 's', categoryName: 'CAD', skills: ['CATIA V5'] }];
    cv.patents.items = [{ id: 'p', title: 'Getriebegehäuse', inventors: ['Jonas Becker'] }];
    return cv;
  };

  it('reads only the fields the layout prints, a job’s bullets all as responsibilities', () => {
    const reading = datecolReading(source());
    const job = reading.experience.items[0]!;
    expect(job.responsibilities).toEqual(['CAD-Konstruktion', 'Gewicht um 14 % reduziert']);
    expect(job.achievements).toBeUndefined();
    // Printed in the skills, but not as the job's technologies; the name is printed, but no patent is.
    expect(job.technologies).toBeUndefined();
    expect(reading.patents.items).toEqual([]);
  });

  it('writes dates, a tab, then the entry; bullets typed as dashes; headings in the CV’s language', () => {
    const text = documentText(datecolOdt({ name: 'jonas', lang: 'de', origin: 'test', cv: source() }));
    expect(text).toContain('seit 03/2020 Konstrukteur, Neckar GmbH');
    expect(text).toContain('– Gewicht um 14 % reduziert');
    expect(text).toContain('Berufserfahrung');
    expect(text).toContain('Telefon: +49 171 2345678');
  });
});

describe('yamlresume-* families', () => {
  const options = {
    countries: ['Germany'],
    degrees: ['Bachelor', 'Master', 'Doctor'],
    fluency: ['Elementary Proficiency', 'Full Professional Proficiency', 'Native or Bilingual Proficiency'],
    languages: ['English', 'German'],
    networks: ['GitHub', 'LinkedIn'],
  };
  const source = () => {
    const cv = emptyCv();
    cv.hero = { fullName: 'Jonas Becker', professionalTitle: 'Ingenieur' };
    cv.contact = { email: 'jonas@example.de', location: { city: 'Stuttgart', country: 'DE' }, professionalLinks: [{ platform: 'Xing', url: 'https://xing.com/jb' }] };
    cv.experience.items = [
      {
        id: 'a',
        jobTitle: 'Konstrukteur',
        companyName: 'Neckar GmbH',
        location: 'Stuttgart',
        dateRange: { start: '2020-03', end: null, isCurrent: true, text: 'seit 03/2020' },
        responsibilities: ['CAD-Konstruktion'],
        achievements: ['Gewicht um 14 % reduziert'],
      },
    ];
    cv.education.items = [{ id: 'e', degree: 'Master of Science', fieldOfStudy: 'Maschinenbau', institution: 'Universität Stuttgart' }];
    cv.languages.items = [
      { id: 'l1', language: 'Deutsch', proficiency: 'Muttersprache' },
      { id: 'l2', language: 'Klingonisch', proficiency: 'fließend' },
    ];
    return cv;
  };

  it('each lays out the CVs it lists, in its format, and no others', () => {
    const names = new Set([...corpusCvs(), ...newCvs()].map((cv) => cv.name));
    for (const family of YAMLRESUME_FAMILIES) {
      expect(family.cvs.every((name) => names.has(name))).toBe(true);
      const committed = loadFamily(family.family);
      expect(committed.map((document) => document.name).sort()).toEqual([...family.cvs].sort());
      expect(new Set(committed.map((document) => document.format))).toEqual(new Set([family.format]));
    }
  });

  it('give YAMLResume what a person would: bullets as a Markdown list, the nearest degree, language and fluency, known networks only', () => {
    const { content, given } = yamlResumeInput({ name: 'jonas', lang: 'de', origin: 'test', cv: source() }, options);
    expect(content.work).toEqual([{ name: 'Neckar GmbH', position: 'Konstrukteur', startDate: '2020-03', summary: '- CAD-Konstruktion\n- Gewicht um 14 % reduziert' }]);
    expect(content.education).toEqual([{ institution: 'Universität Stuttgart', area: 'Maschinenbau', degree: 'Master' }]);
    expect(content.languages).toEqual([{ language: 'German', fluency: 'Native or Bilingual Proficiency' }]);
    expect(content.profiles).toEqual([]);
    expect(content.location).toEqual({ city: 'Stuttgart', country: 'Germany' });
    // What the engine was not given is not in the truth: the job's location, the unknown language, the Xing link.
    expect(given.work?.[0]).not.toHaveProperty('location');
    expect(given.basics?.profiles).toEqual([]);
  });

  it('read the truth as the engine prints it: ranges, degrees and languages in the CV’s language', () => {
    const { given } = yamlResumeInput({ name: 'jonas', lang: 'de', origin: 'test', cv: source() }, options);
    const shown = {
      basics: {},
      work: [{ computed: { dateRange: 'März 2020–Heute' } }],
      education: [{ computed: {} }],
      languages: [{ computed: { language: 'Deutsch', fluency: 'Muttersprache oder zweisprachig' } }],
    };
    const reading = givenReading(given, shown, ['Master']);
    expect(reading.experience.items[0]?.dateRange).toEqual({ start: '2020-03', end: null, isCurrent: true, text: 'März 2020–Heute' });
    expect(reading.experience.items[0]?.responsibilities).toEqual(['CAD-Konstruktion', 'Gewicht um 14 % reduziert']);
    expect(reading.education.items[0]?.degree).toBe('Master');
    expect(reading.languages.items.map(({ language, proficiency }) => [language, proficiency])).toEqual([['Deutsch', 'Muttersprache oder zweisprachig']]);
  });
});

describe('families of other producers fed a theme’s HTML (typst-myst, reactpdf-html, pandoc-docx, wkhtmltopdf-sidebar)', () => {
  it('each lays out the CVs its plan names, in its format, and no others', () => {
    const names = new Set([...corpusCvs(), ...newCvs()].map((cv) => cv.name));
    for (const producer of PRODUCERS) {
      const planned = Object.values(producer.plan).flat();
      expect(planned.every((name) => names.has(name))).toBe(true);
      const committed = loadFamily(producer.family);
      expect(committed.map((document) => document.name).sort()).toEqual([...planned].sort());
      expect(new Set(committed.map((document) => document.format))).toEqual(new Set([producer.format]));
    }
  });

  // Read back by the same independent reader as when it was made (the Word file's XML, or
  // pdftotext), a committed truth keeps every value: it holds nothing the document does not print.
  it.each(['pandoc-docx', 'wkhtmltopdf-sidebar'])('%s: each truth holds only what its document prints', (family) => {
    for (const document of loadFamily(family)) {
      const printed = new PrintedText(document.format === 'docx' ? docxTexts(document.file) : pdfTexts(document.file));
      expect({ document: document.name, dropped: printedTruth(document.truth, printed).dropped }).toEqual({ document: document.name, dropped: [] });
    }
  });
});
