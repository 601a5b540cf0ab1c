import { emptyCv, type Cv } from '@r2w/cv-schema';
import { SITE_LANGUAGES, TEMPLATES } from '../src';
import { cvLanguage } from '../src/cv-language';
import { firstElement, headingTexts, parseHtml } from './support/html';
import { fullCv } from './support/full-cv';
import { homePage } from './support/site';

// A few lines of a CV in each site language: a heading it wrote, a summary, a job.
const WRITTEN: Record<(typeof SITE_LANGUAGES)[number], { heading: string; summary: string; job: string; duty: string }> = {
  en: {
    heading: 'Work history',
    summary: 'Engineer with ten years of experience building payment systems for banks.',
    job: 'Senior engineer',
    duty: 'Led the team that rebuilt the ledger and cut settlement time by half.',
  },
  es: {
    heading: 'Trayectoria',
    summary: 'Ingeniera con diez años de experiencia en sistemas de pago para bancos.',
    job: 'Ingeniera sénior',
    duty: 'Dirigí el equipo que reconstruyó el libro mayor y redujo a la mitad el tiempo de liquidación.',
  },
  fr: {
    heading: 'Parcours',
    summary: 'Ingénieure avec dix ans d’expérience dans les systèmes de paiement pour les banques.',
    job: 'Ingénieure principale',
    duty: 'J’ai dirigé l’équipe qui a reconstruit le grand livre et divisé par deux le délai de règlement.',
  },
  de: {
    heading: 'Werdegang',
    summary: 'Ingenieurin mit zehn Jahren Erfahrung in Zahlungssystemen für Banken.',
    job: 'Leitende Ingenieurin',
    duty: 'Leitete das Team, das das Hauptbuch neu aufbaute und die Abwicklungszeit halbierte.',
  },
  he: {
    heading: 'ניסיון תעסוקתי',
    summary: 'מהנדסת עם עשר שנות ניסיון בבניית מערכות תשלומים לבנקים.',
    job: 'מהנדסת בכירה',
    duty: 'הובלתי את הצוות שבנה מחדש את ספר החשבונות וקיצר בחצי את זמן הסליקה.',
  },
  ar: { heading: 'الخبرة العملية', summary: 'مهندسة بخبرة عشر سنوات في بناء أنظمة الدفع للبنوك.', job: 'مهندسة أولى', duty: 'قدت الفريق الذي أعاد بناء دفتر الأستاذ وخفض وقت التسوية إلى النصف.' },
};

function cvIn(language: (typeof SITE_LANGUAGES)[number]): Cv {
  const { heading, summary, job, duty } = WRITTEN[language];
  const cv = emptyCv();
  cv.hero.fullName = 'Dana Levi';
  cv.contact.email = 'dana@example.com';
  cv.summary.summaryText = summary;
  cv.experience = { sectionTitle: heading, items: [{ id: 'job-1', jobTitle: job, companyName: 'Acme Pay', responsibilities: [duty], technologies: ['TypeScript', 'PostgreSQL'] }] };
  return cv;
}

describe('the CV’s language', () => {
  it.each(SITE_LANGUAGES)('is read from a CV written in %s', (language) => {
    expect(cvLanguage(cvIn(language))).toBe(language);
  });

  it('is unknown for a CV with too little text to tell', () => {
    expect(cvLanguage(emptyCv())).toBeNull();
  });

  it('is English for the English fixture, whose addresses do not count', () => {
    expect(cvLanguage(fullCv())).toBe('en');
  });
});

describe.each(TEMPLATES.map((template) => template.id))('template %s', (templateId) => {
  const root = (html: string) => firstElement(parseHtml(html), 'html').attribs;

  it('starts a Hebrew CV’s site in Hebrew, right to left, with Hebrew headings', () => {
    const html = homePage(cvIn('he'), templateId, {}, cvLanguage(cvIn('he')));
    expect(root(html)).toMatchObject({ lang: 'he', dir: 'rtl' });
    expect(headingTexts(parseHtml(html), 2)).toEqual(expect.arrayContaining(['אודות', 'ניסיון תעסוקתי']));
  });

  it('starts a Spanish CV’s site in Spanish', () => {
    expect(root(homePage(cvIn('es'), templateId, {}, 'es'))).toMatchObject({ lang: 'es', dir: 'ltr' });
  });

  it('keeps the language the owner chose over the CV’s', () => {
    expect(root(homePage(cvIn('he'), templateId, { language: 'en' }, 'he'))).toMatchObject({ lang: 'en', dir: 'ltr' });
  });

  it('is in English when the CV says too little to tell', () => {
    expect(root(homePage(cvIn('he'), templateId, {}, null))).toMatchObject({ lang: 'en', dir: 'ltr' });
  });
});
