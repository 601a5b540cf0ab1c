import { fullCv } from './support/full-cv';
import { TEMPLATES } from '../src';
import { displayHeading, displayName } from '../src/templates/shared/display-case';
import { allElements, firstElement, headingTexts, parseHtml, textOf } from './support/html';
import { homePage } from './support/site';

describe('names in capitals', () => {
  it.each([
    ['JANE DOE', 'Jane Doe'],
    ["SEAN O'NEIL-SMITH", "Sean O'Neil-Smith"],
    ['HENRY FORD III', 'Henry Ford III'],
    ['ÉLODIE LEFÈVRE', 'Élodie Lefèvre'],
    ['Jane DOE', 'Jane DOE'],
    ['jane doe', 'jane doe'],
    ['דנה לוי', 'דנה לוי'],
    ['李小龍', '李小龍'],
  ])('%p is shown as %p', (written, shown) => {
    expect(displayName(written, 'en')).toBe(shown);
  });

  it('cases letters by the site’s language', () => {
    expect(displayName('İLKER ÇELİK', 'tr')).toBe('İlker Çelik');
  });
});

describe('headings in capitals', () => {
  it.each([
    ['WORK EXPERIENCE', 'Work experience'],
    ['IT SKILLS AND TOOLS', 'IT skills and tools'],
    ['KEY PROJECTS', 'Key projects'],
    ['HTML & CSS', 'HTML & CSS'],
    ['WEB3 PROJECTS', 'WEB3 projects'],
    ['FORMACIÓN Y CURSOS', 'Formación y cursos'],
    ['AWS CERTIFICATIONS', 'AWS certifications'],
    ['Work Experience', 'Work Experience'],
    ['ניסיון תעסוקתי', 'ניסיון תעסוקתי'],
  ])('%p is shown as %p', (written, shown) => {
    expect(displayHeading(written, 'en')).toBe(shown);
  });
});

describe.each(TEMPLATES.map((template) => template.id))('template %s', (templateId) => {
  const cv = fullCv();
  cv.hero.fullName = 'DANA LEVI';
  cv.experience.sectionTitle = 'WORK EXPERIENCE';
  cv.projects.sectionTitle = 'SIDE PROJECTS';
  cv.contact.email = 'dana.levi.longname@mail.example.com';
  const document = parseHtml(homePage(cv, templateId));

  it('shows the name and the CV’s headings in one case, and keeps the CV as written', () => {
    expect(headingTexts(document, 1)).toEqual(['Dana Levi']);
    expect(headingTexts(document, 2)).toEqual(expect.arrayContaining(['Work experience', 'Side projects', 'About', 'Education']));
    expect(headingTexts(document, 2).filter((heading) => heading.length > 3 && heading === heading.toUpperCase())).toEqual([]);
    expect(textOf(firstElement(document, 'title'))).toMatch(/^Dana Levi – /);
    expect(cv.hero.fullName).toBe('DANA LEVI');
  });

  it('lets an e-mail address wrap only at its seams', () => {
    const link = allElements(document, 'a').find((element) => element.attribs.href === 'mailto:dana.levi.longname@mail.example.com');
    expect(link).toBeDefined();
    const pieces = link!.children.map((child) => ('data' in child ? child.data : `<${(child as { name: string }).name}>`));
    expect(pieces).toEqual(['dana', '<wbr>', '.levi', '<wbr>', '.longname@', '<wbr>', 'mail', '<wbr>', '.example', '<wbr>', '.com']);
  });

  it('lets an address shown as itself wrap at its seams', () => {
    const link = allElements(document, 'a').find((element) => element.attribs.href === 'https://doi.org/10.1145/0000000');
    const pieces = link!.children.map((child) => ('data' in child ? child.data : `<${(child as { name: string }).name}>`));
    expect(pieces).toEqual(['doi', '<wbr>', '.org/', '<wbr>', '10', '<wbr>', '.1145/', '<wbr>', '0000000']);
  });
});
