import { extractOffline } from '../../../src/extraction/extractors/offline/offline-extractor';
import { documentOf, heading, name, type LineSpec } from './document';

const top: LineSpec[] = [name('Jane Doe'), 'jane@example.com'];
const skillsOf = (...lines: LineSpec[]) => {
  const { cv, unclassifiedText } = extractOffline(documentOf([...top, heading('Skills'), ...lines], 'docx'));
  return { skills: cv.skills.skillCategories.flatMap((category) => category.skills ?? []), unclassifiedText };
};

describe('skills written as a sentence', () => {
  it.each([
    ['Proficient in Python and R, with experience in machine learning and data visualization.', ['Python', 'R', 'machine learning', 'data visualization']],
    ['Strong knowledge of SQL, Tableau and Excel; familiar with Airflow and dbt', ['SQL', 'Tableau', 'Excel', 'Airflow', 'dbt']],
    ['Experiencia en Python, SQL y Power BI, con conocimientos de estadística.', ['Python', 'SQL', 'Power BI', 'estadística']],
    ['Maîtrise de Figma et Adobe XD, connaissances en HTML et CSS.', ['Figma', 'Adobe XD', 'HTML', 'CSS']],
    ['Sehr gute Kenntnisse in Java und Kotlin, Erfahrung mit Spring Boot und Kafka', ['Java', 'Kotlin', 'Spring Boot', 'Kafka']],
  ])('names its skills, not halves of phrases: %j', (line, expected) => {
    expect(skillsOf(line).skills).toEqual(expected);
  });

  it.each([
    ['Tools: Figma, Adobe XD and Illustrator.', ['Figma', 'Adobe XD', 'Illustrator']],
    ['Equipment: Pyxis and Omnicell.', ['Pyxis', 'Omnicell']],
    ['リサーチ: ユーザーインタビュー and ユーザビリティテスト.', ['ユーザーインタビュー', 'ユーザビリティテスト']],
  ])('reads a list closed by a full stop as a sentence: %j', (line, expected) => {
    expect(skillsOf(line).skills).toEqual(expected);
  });

  it('keeps the words that lead into a skill when they are part of its name', () => {
    expect(skillsOf('Skilled in deep learning, experience design and advanced statistics, with a background in research.').skills).toEqual([
      'deep learning',
      'experience design',
      'advanced statistics',
      'research',
    ]);
  });

  it('leaves a clause too long to be a skill as text', () => {
    const { skills, unclassifiedText } = skillsOf('Data: experienced with pandas and NumPy, including time-series forecasting for retail demand planning teams');
    expect(skills).toEqual(['pandas', 'NumPy']);
    expect(unclassifiedText).toEqual(['time-series forecasting for retail demand planning teams']);
  });

  it('still reads a plain list item by item', () => {
    expect(skillsOf('Python, SQL, Docker', 'Project management and stakeholder communication').skills).toEqual(['Python', 'SQL', 'Docker', 'Project management and stakeholder communication']);
  });
});

describe('skill categories named in a cell of their own', () => {
  it('reads the first cell of a two-cell row as the category of the list in the second', () => {
    const { cv } = extractOffline(documentOf([...top, heading('Skills'), 'Clinical\tTelemetry monitoring, IV therapy, Wound care', 'Design\t• Brand identity, Typography', 'Systems\tEpic'], 'docx'));
    expect(cv.skills.skillCategories.map(({ categoryName, skills }) => [categoryName, skills])).toEqual([
      ['Clinical', ['Telemetry monitoring', 'IV therapy', 'Wound care']],
      ['Design', ['Brand identity', 'Typography']],
      ['Systems', ['Epic']],
    ]);
  });
});
