import { extractOffline } from '../../../src/extraction/extractors/offline/offline-extractor';
import { documentOf, heading, name, type LineSpec } from './document';

const top: LineSpec[] = [name('Jane Doe'), 'jane@example.com'];
const categoriesOf = (...lines: LineSpec[]) =>
  extractOffline(documentOf([...top, heading('Skills'), ...lines], 'docx')).cv.skills.skillCategories.map(({ categoryName, level, skills }) => ({ categoryName, level, skills }));

describe('a skill category with its level and keywords', () => {
  it.each([
    ['Tools: Advanced, Keywords: Git, Docker, Linux', { categoryName: 'Tools', level: 'Advanced', skills: ['Git', 'Docker', 'Linux'] }],
    ['Methods: Advanced\tKeywords: Bayesian models, Phylogenetics', { categoryName: 'Methods', level: 'Advanced', skills: ['Bayesian models', 'Phylogenetics'] }],
    ['CAD: Erfahren, Schlüsselwörter: CATIA V5, Siemens NX', { categoryName: 'CAD', level: 'Erfahren', skills: ['CATIA V5', 'Siemens NX'] }],
    ['Acquisition : Avancé, Mots-clés : SEA, SEO', { categoryName: 'Acquisition', level: 'Avancé', skills: ['SEA', 'SEO'] }],
    ['编程语言：高级，关键字：Java、Go、Python', { categoryName: '编程语言', level: '高级', skills: ['Java', 'Go', 'Python'] }],
  ])('reads the label as the category, the level as its level, the keywords as its skills: %j', (line, expected) => {
    expect(categoriesOf(line)).toEqual([expected]);
  });

  it('takes no skill for a level when a second label ends a list', () => {
    expect(categoriesOf('Languages: Go, Java, Tools: Docker')[0]?.level).toBeUndefined();
  });

  it('takes no first skill for a level when a second category follows it', () => {
    const categories = categoriesOf('Languages: Python, Frameworks: Django, Flask');
    expect(categories.every((category) => category.level === undefined)).toBe(true);
    expect(categories.flatMap((category) => category.skills)).toContain('Python');
  });
});
