import { readFileSync } from 'node:fs';
import path from 'node:path';
import { emptyCv, fromJsonResume, SECTION_KEYS, type Cv } from '@r2w/cv-schema';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { fullCv } from './support/full-cv';
import { TEMPLATES } from '../src';
import { formatDate } from '../src/templates/shared/dates';
import { allElements, firstElement, headingTexts, parseHtml, textOf } from './support/html';
import { homePage } from './support/site';

// A few values of every section of the fixture, as a visitor reads them.
const SAMPLES: Record<(typeof SECTION_KEYS)[number], string[]> = {
  hero: ['Dana Levi', 'Staff Engineer', 'Building calm systems'],
  contact: ['dana@example.com', '+972 50 000 0000', 'Tel Aviv, Center, Israel', 'GitHub', 'Open to offers'],
  summary: ['Engineer with ten years in payments.', '10 years of experience', 'Distributed systems', 'Led the ledger rewrite'],
  experience: ['Acme Pay', 'Jan 2020 – Present', 'Cut settlement time by 40%', 'Own the ledger', 'Beta Soft', '03/2015 - 12/2019', 'Ledger v2'],
  education: ['BSc, Computer Science', 'Tel Aviv University', 'Consensus under partitions', "Dean's list", 'Prof. Cohen'],
  skills: ['Languages', 'Expert', 'TypeScript', 'PostgreSQL'],
  projects: ['Ledger', 'Double-entry ledger service', 'Idempotent postings', 'Zero reconciliation errors', 'Lead, Reviewer', 'Feb 2021 – Aug 2021'],
  certifications: ['CKA', 'CNCF', 'May 2022', 'CKA-123', 'May 2025', '89%'],
  languages: ['Hebrew', 'Native', 'English', 'Fluent', 'TOEFL', '20 years'],
  hobbies: ['Climbing', 'Bouldering twice a week', 'V6', 'Bouldering'],
  testimonials: ['Dana makes teams better.', 'Noa Ben', 'CTO, Acme Pay', 'Manager', 'Jan 2023'],
  memberships: ['Code Club', 'Mentor', 'January 2016 – June 2018', 'Ran 40 sessions', 'ACM'],
  awards: ['Engineer of the Year', 'December 2022', 'For the ledger rewrite', 'One of 400 engineers'],
  publications: ['Ledgers at scale', 'ACM Queue', 'June 2021', 'Cited by 12', 'How we built it.'],
  patents: ['Idempotent posting method', 'US 1,234,567', 'Mar 2023', 'A method for postings'],
  conferences: ['QCon', 'Speaker', 'London', 'Apr 2022', 'Talk on ledgers'],
  courses: ['Distributed Systems', 'MIT OCW', 'Sep 2019', '12 weeks', 'Raft'],
  references: ['Noa Ben', 'Known for 4 years', 'Dana is the engineer I trust most.'],
};

const JSON_RESUME_SAMPLE = path.resolve(__dirname, '../../cv-schema/fixtures/jsonresume-sample.resume.json');

function nameOnly(): Cv {
  const cv = emptyCv();
  cv.hero.fullName = 'Dana Levi';
  return cv;
}

describe.each(TEMPLATES.map((template) => template.id))('template %s', (templateId) => {
  describe('with every section filled', () => {
    const document = parseHtml(homePage(fullCv(), templateId));
    const body = firstElement(document, 'body');
    const text = textOf(body);

    it('has one h1, the name, and an h2 for every section under its own title', () => {
      expect(headingTexts(body, 1)).toEqual(['Dana Levi']);
      const cv = fullCv();
      const listTitles = SECTION_KEYS.flatMap((key) => {
        const section = cv[key];
        return 'sectionTitle' in section ? [section.sectionTitle] : [];
      });
      expect(listTitles).toHaveLength(15);
      expect(headingTexts(body, 2).sort()).toEqual(['About', 'Contact', ...listTitles].sort());
      expect(headingTexts(body, 2)).toContain('Work');
    });

    it.each(SECTION_KEYS)('shows the %s section', (key) => {
      for (const value of SAMPLES[key]) expect(text).toContain(value);
    });

    it('links what has an address, with the DOI resolved', () => {
      const hrefs = allElements(body, 'a').map((link) => link.attribs.href);
      expect(hrefs).toEqual(
        expect.arrayContaining([
          'mailto:dana@example.com',
          'tel:+972500000000',
          'https://github.com/dana',
          'https://acme.example.com/',
          'https://github.com/dana/ledger',
          'https://cncf.example.com/cka-123',
          'https://doi.org/10.1145/0000000',
          'https://patents.example.com/1234567',
          'https://ocw.example.com/cert',
          'https://linkedin.example.com/in/noa',
        ]),
      );
    });

    it('describes the photo', () => {
      const photo = allElements(body, 'img').find((image) => image.attribs.src === 'https://dana.example.com/photo.jpg');
      expect(photo?.attribs.alt).toBe('Photo of Dana Levi');
    });

    it('has the landmarks, and a skip link to main as the first link', () => {
      expect(allElements(body, 'header')).toHaveLength(1);
      expect(allElements(body, 'main')).toHaveLength(1);
      expect(allElements(body, 'footer')).toHaveLength(1);
      expect(firstElement(body, 'main').attribs.id).toBe('main');
      expect(allElements(body, 'a')[0]?.attribs.href).toBe('#main');
    });

    it('keeps the street address and the referees’ contact details off the public page', () => {
      for (const privateValue of ['1 Rothschild Blvd', '6688101', 'noa@example.com', '+972 50 111 1111']) expect(text).not.toContain(privateValue);
    });

    it('is the same markup the SPA gets by rendering the template component itself', () => {
      const template = TEMPLATES.find((candidate) => candidate.id === templateId)!;
      // Rendered alone, React puts the photo's preload hint first; in the document it goes to <head>.
      const preview = renderToStaticMarkup(createElement(template.Component, { cv: fullCv() })).replace(/^(<link rel="preload"[^>]*>)+/, '');
      expect(preview).toMatch(/^<div class="site/);
      expect(homePage(fullCv(), templateId)).toContain(preview);
    });
  });

  describe('with only a name', () => {
    const document = parseHtml(homePage(nameOnly(), templateId));
    const body = firstElement(document, 'body');

    it('has no empty sections, headings, lists or navigation', () => {
      expect(headingTexts(body, 1)).toEqual(['Dana Levi']);
      expect(headingTexts(body, 2)).toEqual([]);
      expect(headingTexts(body, 3)).toEqual([]);
      for (const tag of ['section', 'nav', 'aside', 'ul', 'ol', 'img']) expect(allElements(body, tag)).toEqual([]);
    });
  });

  it('leaves out entries that the editor added but nobody filled', () => {
    const cv = nameOnly();
    cv.experience.items.push({ id: 'blank', responsibilities: ['  '], dateRange: { isCurrent: false } });
    cv.languages.items.push({ id: 'blank', nativeLanguage: false });
    cv.skills.skillCategories.push({ id: 'blank', skills: [] });
    expect(headingTexts(parseHtml(homePage(cv, templateId)), 2)).toEqual([]);
  });

  it('falls back to the default heading when the user blanked a section title', () => {
    const cv = fullCv();
    cv.experience.sectionTitle = '  ';
    expect(headingTexts(parseHtml(homePage(cv, templateId)), 2)).toContain('Experience');
  });

  it('hides the photo when the owner turns it off', () => {
    const html = homePage(fullCv(), templateId, { showPhoto: false });
    expect(html).not.toContain('https://dana.example.com/photo.jpg');
  });

  it('sets the language and direction, and words around the CV follow it', () => {
    const hebrew = parseHtml(homePage(fullCv(), templateId, { language: 'he' }));
    const html = firstElement(hebrew, 'html');
    expect(html.attribs).toMatchObject({ lang: 'he', dir: 'rtl' });
    expect(headingTexts(hebrew, 2)).toContain('אודות');
    expect(firstElement(parseHtml(homePage(fullCv(), templateId, { language: 'ar' })), 'html').attribs.dir).toBe('rtl');
    expect(firstElement(parseHtml(homePage(fullCv(), templateId, { language: 'fr' })), 'html').attribs).toMatchObject({ lang: 'fr', dir: 'ltr' });
    expect(firstElement(parseHtml(homePage(fullCv(), templateId, { language: 'he-il' })), 'html').attribs).toMatchObject({ lang: 'he-IL', dir: 'rtl' });
    for (const malformed of ['not a tag', 'en-a', 'x-private']) {
      expect(firstElement(parseHtml(homePage(fullCv(), templateId, { language: malformed })), 'html').attribs.lang).toBe('en');
    }
  });

  it("shows an imported JSON Resume's ISO dates and country code in the site's language", () => {
    const sample = JSON.parse(readFileSync(JSON_RESUME_SAMPLE, 'utf8'));
    delete sample.work[0].endDate;
    // The body's text: the stylesheet's unicode ranges (U+0100-02BA) look like dates.
    const text = textOf(firstElement(parseHtml(homePage(fromJsonResume(sample), templateId, { language: 'es' })), 'body'));
    expect(text).toContain(`${formatDate('2013-12', 'es')} – Actualidad`);
    expect(text).toContain('Estados Unidos');
    expect(text).not.toMatch(/\d{4}-\d{2}/);
  });
});

describe('the templates', () => {
  it('are six, each with its own id, name and description', () => {
    expect(TEMPLATES.map((template) => template.id)).toEqual(['minimal', 'modern', 'dark', 'academic', 'studio', 'editorial']);
    for (const template of TEMPLATES) {
      expect(template.name).toMatch(/\S/);
      expect(template.description.length).toBeGreaterThan(20);
    }
  });

  it('look different: each has its own layout CSS', () => {
    const stylesheets = new Set(TEMPLATES.map((template) => template.css));
    expect(stylesheets.size).toBe(TEMPLATES.length);
  });

  it('put publications before experience in the academic template only', () => {
    for (const template of TEMPLATES) {
      const titles = headingTexts(parseHtml(homePage(fullCv(), template.id)), 2);
      const publicationsFirst = titles.indexOf('Publications') < titles.indexOf('Work');
      expect(publicationsFirst).toBe(template.id === 'academic');
    }
  });

  it('put the projects right after the introduction in the studio template only', () => {
    for (const template of TEMPLATES) {
      const titles = headingTexts(parseHtml(homePage(fullCv(), template.id)), 2);
      expect(titles.indexOf('Projects') === titles.indexOf('About') + 1).toBe(template.id === 'studio');
    }
  });

  it('number the publication list and pick out the owner among the authors', () => {
    const document = parseHtml(homePage(fullCv(), 'academic'));
    const list = allElements(document, 'ol').find((element) => element.attribs.class?.includes('publications'));
    expect(list).toBeDefined();
    const strong = allElements(list!, 'strong').map(textOf);
    expect(strong).toEqual(['Dana Levi']);
  });

  it('pick out the owner among the authors whatever the case and accents', () => {
    const cv = fullCv();
    const publication = cv.publications.items[0]!;
    publication.authors = ['Ada Byron', 'dana lévi'];
    const list = allElements(parseHtml(homePage(cv, 'academic')), 'ol').find((element) => element.attribs.class?.includes('publications'));
    expect(allElements(list!, 'strong').map(textOf)).toEqual(['dana lévi']);
  });
});
