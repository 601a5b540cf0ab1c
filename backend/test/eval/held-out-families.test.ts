import { emptyCv } from '@r2w/cv-schema';
import { loadFamily } from '../../eval/extraction/others';
import { LISTED_THEMES, THEME_NAMES, themePlan } from '../../eval/extraction/render-others/jsonresume';
import { datecolOdt, datecolReading } from '../../eval/extraction/render-others/libreoffice-datecol';
import { documentText } from '../../eval/extraction/render-others/libreoffice';
import { corpusCvs, newCvs } from '../../eval/extraction/render-others/source-cvs';

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
