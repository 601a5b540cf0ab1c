import { isDocumentTitle, sectionOfHeading } from '../../../src/extraction/extractors/offline/heading-words';

describe('sectionOfHeading', () => {
  it.each([
    ['Work Experience', 'experience'],
    ['Professional Experience', 'experience'],
    ['Employment History', 'experience'],
    ['Experiencia laboral', 'experience'],
    ['Expérience professionnelle', 'experience'],
    ['Berufserfahrung', 'experience'],
    ['ניסיון תעסוקתי', 'experience'],
    ['Education', 'education'],
    ['Formación', 'education'],
    ['Formation', 'education'],
    ['Ausbildung', 'education'],
    ['השכלה', 'education'],
    ['Skills', 'skills'],
    ['Habilidades', 'skills'],
    ['Compétences', 'skills'],
    ['Kenntnisse', 'skills'],
    ['Toolbox', 'skills'],
    ['Toolkit', 'skills'],
    ['כישורים', 'skills'],
    ['Languages', 'languages'],
    ['Idiomas', 'languages'],
    ['Langues', 'languages'],
    ['Sprachen', 'languages'],
    ['שפות', 'languages'],
    ['Publications', 'publications'],
    ['Patents', 'patents'],
    ['Conferences', 'conferences'],
    ['Talks', 'conferences'],
    ['Certifications', 'certifications'],
    ['Honors', 'awards'],
    ['Volunteering', 'memberships'],
    ['Hobbies', 'hobbies'],
    ['Centres d’intérêt', 'hobbies'],
    ['References', 'references'],
    ['Courses', 'courses'],
    ['Projects', 'projects'],
    ['Testimonials', 'testimonials'],
    ['About Me', 'summary'],
    ['Contact', 'contact'],
    ['工作经历', 'experience'],
    ['教育背景', 'education'],
    ['荣誉', 'awards'],
    ['榮譽', 'awards'],
    ['職務経歴', 'experience'],
    ['自己PR', 'summary'],
    ['学歴', 'education'],
    ['الخبرة المهنية', 'experience'],
    ['المهارات', 'skills'],
    ['اللغات', 'languages'],
  ])('%s → %s', (text, key) => {
    expect(sectionOfHeading(text)).toBe(key);
  });

  it.each([
    ['EXPERIENCE', 'experience'],
    ['Work Experience:', 'experience'],
    ['2. Education', 'education'],
    ['## Skills', 'skills'],
    ['— PROJECTS —', 'projects'],
    ['E X P E R I E N C E', 'experience'],
    ['W O R K  E X P E R I E N C E', 'experience'],
    // Letter-spaced runs joined without their word space.
    ['WORKEXPERIENCE', 'experience'],
    ['TechnicalSkills', 'skills'],
    ['Awards & Honors', 'awards'],
    ['Training & Certifications', 'certifications'],
    ['Clinical Skills', 'skills'],
    ['Experiencia docente', 'experience'],
    ['Selected Publications', 'publications'],
    // The count of entries a web résumé prints beside the heading (kept in its Word copy).
    ['Work Experience(3)', 'experience'],
    ['Publications (12)', 'publications'],
  ])('reads the decorated or qualified heading %j', (text, key) => {
    expect(sectionOfHeading(text)).toBe(key);
  });

  it.each([
    ['Project', 'projects'],
    ['Publication', 'publications'],
    ['Award', 'awards'],
    ['Reference', 'references'],
    ['Projekt', 'projects'],
    ['Publikation', 'publications'],
    ['Habilidad', 'skills'],
    ['Hobby', 'hobbies'],
  ])('reads the singular (or plural) %j as its section', (text, key) => {
    expect(sectionOfHeading(text)).toBe(key);
  });

  it.each([
    ['Selected Honors', 'awards'],
    ['Relevant Coursework', 'courses'],
    ['Technical Toolbox', 'skills'],
    ['Sélection de productions', 'projects'],
    ['Selección de proyectos', 'projects'],
    ['Liste des publications', 'publications'],
    ['Professional Affiliations', 'memberships'],
    ['Invited Presentations', 'conferences'],
    ['Research Grants', 'awards'],
    ['Ausgewählte Projekte', 'projects'],
  ])('reads the core word under a qualifier in %j', (text, key) => {
    expect(sectionOfHeading(text)).toBe(key);
  });

  it.each(['Skills in Python and Go', 'People: Patient education, Precepting', 'Programming Languages', 'Senior Software Engineer', 'Acme Corp'])('%j names no section', (text) => {
    expect(sectionOfHeading(text)).toBeNull();
  });

  it('knows the words that title a whole document', () => {
    expect(isDocumentTitle('CURRICULUM VITAE')).toBe(true);
    expect(isDocumentTitle('Lebenslauf')).toBe(true);
    for (const title of ['Currículum', 'Résumé', 'السيرة الذاتية', '職務経歴書', '履歴書', '个人简历', '이력서']) expect(isDocumentTitle(title)).toBe(true);
    expect(isDocumentTitle('Experience')).toBe(false);
  });
});

describe('a name and its giver or school, written with commas', () => {
  it.each(['Digital Compression Pioneer Award , Techcrunch', 'Information Technology, Bachelor, University of Oklahoma'])('is no heading: %s', (text) => {
    expect(sectionOfHeading(text)).toBeNull();
  });

  it.each([
    ['Skills, Languages', 'skills'],
    ['Honors, Selected Awards', 'awards'],
  ])('while two sections named together still are: %s', (text, key) => {
    expect(sectionOfHeading(text)).toBe(key);
  });
});
