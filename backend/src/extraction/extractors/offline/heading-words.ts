import type { SectionKey } from '@r2w/cv-schema';
import { fold } from './text';

// The headings CVs use for each section, in English, Spanish, French, German and Hebrew,
// written as people write them and compared after fold() (no accents, lower case). The
// CV-or-not gate counts them too: several of these standing alone on their lines is the
// strongest sign that a document is a CV.

export type HeadingKey = Exclude<SectionKey, 'hero'>;

const HEADINGS: Record<HeadingKey, readonly string[]> = {
  contact: [
    'contact', 'contacts', 'contact info', 'contact information', 'contact details', 'personal details', 'personal information', 'personal info', 'personal data', 'details', 'get in touch',
    'contacto', 'datos de contacto', 'datos personales', 'informacion de contacto', 'informacion personal',
    'coordonnees', 'informations personnelles', 'donnees personnelles', 'me contacter',
    'kontakt', 'kontaktdaten', 'persönliche daten', 'persönliche angaben', 'kontaktinformationen', 'angaben zur person',
    'פרטי קשר', 'פרטים אישיים', 'יצירת קשר',
  ],
  summary: [
    'summary', 'professional summary', 'career summary', 'executive summary', 'summary of qualifications', 'profile', 'professional profile', 'personal profile', 'career profile',
    'about', 'about me', 'objective', 'career objective', 'professional objective', 'overview', 'personal statement', 'introduction', 'bio',
    'resumen', 'resumen profesional', 'perfil', 'perfil profesional', 'perfil personal', 'sobre mi', 'acerca de mi', 'extracto', 'objetivo', 'objetivo profesional', 'presentacion',
    'profil', 'profil professionnel', 'resume', 'resume professionnel', 'a propos', 'a propos de moi', 'objectif', 'objectif professionnel', 'presentation',
    'zusammenfassung', 'uber mich', 'kurzprofil', 'berufsprofil', 'personliches profil', 'profil und ziele', 'berufliches profil',
    'תקציר', 'פרופיל', 'פרופיל מקצועי', 'אודות', 'על עצמי', 'תמצית', 'סיכום', 'סיכום מקצועי', 'קצת עליי', 'קצת עלי', 'מטרה', 'תקציר מקצועי',
  ],
  experience: [
    'experience', 'experiences', 'work experience', 'professional experience', 'employment', 'employment history', 'work history', 'career history', 'career', 'relevant experience',
    'professional background', 'positions', 'positions held', 'industry experience', 'professional history', 'research experience', 'teaching experience', 'work', 'career experience',
    'relevant work experience', 'selected experience', 'experience history', 'professional career', 'academic appointments', 'appointments', 'academic positions',
    'professional appointments', 'academic experience', 'clinical experience', 'employment experience',
    'experiencia', 'experiencia laboral', 'experiencia profesional', 'trayectoria profesional', 'trayectoria', 'historial laboral', 'empleo', 'experiencia relevante', 'experiencia docente',
    'experience professionnelle', 'experiences professionnelles', 'parcours professionnel', 'emplois', 'parcours', 'experience de travail',
    'berufserfahrung', 'berufliche erfahrung', 'berufliche laufbahn', 'beruflicher werdegang', 'werdegang', 'erfahrung', 'praxiserfahrung', 'berufspraxis', 'arbeitserfahrung', 'beruflicher hintergrund',
    'ניסיון', 'נסיון', 'ניסיון תעסוקתי', 'נסיון תעסוקתי', 'ניסיון מקצועי', 'נסיון מקצועי', 'תעסוקה', 'היסטוריה תעסוקתית', 'ניסיון עבודה', 'ניסיון בעבודה',
  ],
  education: [
    'education', 'academic background', 'academic qualifications', 'qualifications', 'educational background', 'academic history', 'academics', 'studies', 'education and training',
    'academic education', 'education history', 'academic record', 'degrees',
    'educacion', 'formacion', 'formacion academica', 'estudios', 'titulacion', 'educacion y formacion', 'formacion reglada', 'estudios academicos',
    'formation', 'formations', 'etudes', 'parcours academique', 'diplomes', 'formation academique', 'cursus', 'formation initiale', 'diplomes et formations',
    'ausbildung', 'bildung', 'bildungsweg', 'akademischer werdegang', 'studium', 'schulbildung', 'akademische ausbildung', 'schulische ausbildung', 'hochschulbildung', 'studium und ausbildung',
    'השכלה', 'לימודים', 'השכלה אקדמית', 'רקע אקדמי', 'השכלה והכשרה',
  ],
  skills: [
    'skills', 'technical skills', 'core skills', 'key skills', 'core competencies', 'competencies', 'competences', 'expertise', 'areas of expertise', 'technologies', 'tech stack',
    'tools', 'skills and tools', 'tools and technologies', 'technical proficiencies', 'abilities', 'strengths', 'hard skills', 'soft skills', 'skill set', 'skillset', 'it skills',
    'computer skills', 'technical expertise', 'professional skills', 'skills summary', 'technical competencies', 'key competencies', 'core strengths', 'software',
    'habilidades', 'competencias', 'aptitudes', 'conocimientos', 'habilidades tecnicas', 'competencias tecnicas', 'destrezas', 'tecnologias', 'herramientas', 'conocimientos tecnicos',
    'conocimientos informaticos', 'competencias clave',
    'competences techniques', 'savoir-faire', 'outils', 'connaissances', 'competences cles', 'competences informatiques', 'savoir faire', 'connaissances techniques',
    'kenntnisse', 'fahigkeiten', 'kompetenzen', 'fachkenntnisse', 'it-kenntnisse', 'technische kenntnisse', 'edv-kenntnisse', 'fertigkeiten', 'fachliche kompetenzen',
    'technische fahigkeiten', 'kenntnisse und fahigkeiten', 'besondere kenntnisse',
    'כישורים', 'מיומנויות', 'כישורים טכניים', 'יכולות', 'טכנולוגיות', 'כלים', 'ידע טכני', 'כישורים מקצועיים', 'מיומנויות טכניות', 'ידע מקצועי',
  ],
  projects: [
    'projects', 'personal projects', 'selected projects', 'key projects', 'side projects', 'academic projects', 'open source', 'open-source', 'open source projects',
    'open-source projects', 'portfolio', 'notable projects', 'project experience', 'relevant projects', 'research projects', 'case studies', 'selected work',
    'selected works', 'work samples',
    'proyectos', 'proyectos personales', 'proyectos destacados', 'proyectos relevantes',
    'projets', 'projets personnels', 'projets realises', 'projets significatifs',
    'projekte', 'ausgewahlte projekte', 'personliche projekte', 'projekterfahrung',
    'פרויקטים', 'פרוייקטים', 'פרויקטים נבחרים', 'פרויקטים אישיים',
  ],
  certifications: [
    'certifications', 'certification', 'certificates', 'licenses', 'licences', 'licenses and certifications', 'licences and certifications', 'certifications and licenses',
    'professional certifications', 'accreditations', 'credentials',
    'certificaciones', 'certificados', 'licencias y certificaciones',
    'certificats', 'habilitations',
    'zertifikate', 'zertifizierungen', 'zertifikate und lizenzen',
    'הסמכות', 'תעודות', 'תעודות והסמכות', 'הסמכות מקצועיות',
  ],
  languages: [
    'languages', 'language skills', 'language proficiency', 'spoken languages', 'language',
    'idiomas', 'lenguas',
    'langues', 'competences linguistiques', 'langues parlees', 'langues etrangeres',
    'sprachen', 'sprachkenntnisse', 'fremdsprachen', 'fremdsprachenkenntnisse',
    'שפות',
  ],
  hobbies: [
    'interests', 'hobbies', 'hobbies and interests', 'interests and hobbies', 'personal interests', 'outside interests', 'leisure', 'other interests',
    'outside work', 'outside of work', 'beyond work', 'life outside work',
    'intereses', 'aficiones', 'pasatiempos', 'aficiones e intereses', 'intereses personales',
    "centres d'interet", "centre d'interet", 'loisirs', 'interets', 'passions', "loisirs et centres d'interet",
    'hobbys', 'interessen', 'freizeit', 'freizeitaktivitaten', 'hobbys und interessen', 'personliche interessen',
    'תחביבים', 'תחומי עניין', 'תחביבים ותחומי עניין',
  ],
  testimonials: [
    'testimonials', 'recommendations', 'endorsements', 'what people say', 'kind words', 'what others say',
    'testimonios', 'recomendaciones',
    'temoignages', 'recommandations',
    'empfehlungen', 'stimmen',
  ],
  memberships: [
    'volunteering', 'volunteer experience', 'volunteer work', 'volunteer', 'community service', 'community involvement', 'memberships', 'professional memberships',
    'affiliations', 'professional affiliations', 'associations', 'organizations', 'leadership and volunteering', 'volunteer and leadership', 'volunteering and memberships',
    'community', 'extracurricular activities', 'activities', 'civic engagement',
    'voluntariado', 'membresias', 'asociaciones', 'afiliaciones', 'trabajo voluntario', 'actividades de voluntariado', 'voluntariados',
    'benevolat', 'engagements', 'vie associative', 'adhesions', 'engagement associatif', 'activites associatives', 'engagement benevole',
    'ehrenamt', 'ehrenamtliches engagement', 'mitgliedschaften', 'engagement', 'soziales engagement', 'ehrenamtliche tatigkeiten', 'ehrenamtliche tatigkeit',
    'התנדבות', 'חברות בארגונים', 'פעילות התנדבותית', 'פעילות חברתית', 'התנדבות ופעילות חברתית',
  ],
  awards: [
    'awards', 'honors', 'honours', 'awards and honors', 'honors and awards', 'awards and honours', 'honours and awards', 'achievements', 'distinctions', 'prizes', 'scholarships',
    'awards and recognition', 'recognition', 'fellowships', 'awards and achievements', 'key achievements', 'accomplishments', 'grants', 'awards and scholarships',
    'premios', 'reconocimientos', 'distinciones', 'logros', 'premios y reconocimientos', 'becas', 'premios y distinciones', 'becas y premios',
    'prix', 'prix et distinctions', 'recompenses', 'bourses', 'distinctions et prix',
    'auszeichnungen', 'preise', 'ehrungen', 'stipendien', 'preise und auszeichnungen', 'auszeichnungen und preise', 'erfolge',
    'פרסים', 'הישגים', 'פרסים והוקרות', 'הצטיינות', 'מלגות', 'פרסים ומלגות', 'פרסים והישגים', 'הוקרות',
  ],
  publications: [
    'publications', 'selected publications', 'papers', 'research papers', 'journal articles', 'articles', 'peer-reviewed publications', 'peer reviewed publications',
    'publications and presentations', 'research publications', 'conference papers', 'journal publications',
    'publicaciones', 'articulos', 'publicaciones cientificas', 'publicaciones seleccionadas',
    'articles scientifiques', 'publications scientifiques', 'publications selectionnees',
    'publikationen', 'veroffentlichungen', 'schriften', 'ausgewahlte publikationen', 'wissenschaftliche publikationen',
    'פרסומים', 'מאמרים', 'פרסומים מדעיים', 'פרסומים נבחרים',
  ],
  patents: [
    'patents', 'patents and inventions', 'inventions', 'patent', 'granted patents', 'issued patents',
    'patentes', 'brevets', 'patente', 'erfindungen', 'פטנטים', 'פטנטים והמצאות',
  ],
  conferences: [
    'conferences', 'talks', 'presentations', 'speaking', 'speaking engagements', 'conference talks', 'conference presentations', 'talks and presentations',
    'public speaking', 'invited talks', 'conferences and talks', 'talks and conferences', 'selected talks',
    'conferencias', 'ponencias', 'charlas', 'congresos', 'presentaciones', 'conferencias y ponencias', 'charlas y conferencias',
    'conferences et interventions', 'interventions', 'communications', 'colloques', 'conferences donnees',
    'vortrage', 'konferenzen', 'konferenzbeitrage', 'prasentationen', 'tagungen', 'vortrage und konferenzen',
    'כנסים', 'הרצאות', 'כנסים והרצאות', 'הרצאות וכנסים',
  ],
  courses: [
    'courses', 'relevant courses', 'professional development', 'continuing education', 'online courses', 'trainings', 'training', 'courses and training',
    'training and courses', 'additional training', 'further education', 'professional training', 'coursework',
    'cursos', 'cursos y formacion complementaria', 'formacion complementaria', 'capacitacion', 'cursos realizados', 'formacion continua', 'cursos y certificaciones',
    'cours', 'formations complementaires', 'formation continue', 'formation complementaire', 'cours en ligne',
    'kurse', 'weiterbildung', 'weiterbildungen', 'fortbildungen', 'schulungen', 'lehrgange', 'fort- und weiterbildung', 'fort- und weiterbildungen',
    'קורסים', 'השתלמויות', 'קורסים והשתלמויות', 'הכשרות', 'הכשרות מקצועיות',
  ],
  references: [
    'references', 'referees', 'professional references', 'references available', 'references available upon request',
    'referencias', 'referencias profesionales',
    'references professionnelles',
    'referenzen',
    'ממליצים', 'המלצות',
  ],
};

// Words on a CV's first lines that name the document, not a section of it.
const DOCUMENT_TITLES = new Set(['curriculum vitae', 'cv', 'resume', 'resume / cv', 'lebenslauf', 'hoja de vida', 'קורות חיים', 'tabellarischer lebenslauf']);

// A qualifier and a section's core word: "Clinical Skills", "Teaching Experience" (English
// and German put the core word last), "Experiencia docente", "Projets clés" (Spanish, French
// and Hebrew put it first). "Languages" is not among them: "Programming Languages" is a
// skills label; and "Skills in Python" is no heading.
const CORE_LAST = new Map<string, HeadingKey>([
  ['experience', 'experience'], ['education', 'education'], ['skills', 'skills'], ['projects', 'projects'], ['publications', 'publications'],
  ['awards', 'awards'], ['certifications', 'certifications'], ['courses', 'courses'], ['references', 'references'], ['talks', 'conferences'],
  ['patents', 'patents'], ['interests', 'hobbies'], ['hobbies', 'hobbies'], ['erfahrung', 'experience'], ['kenntnisse', 'skills'], ['projekte', 'projects'],
  ['publikationen', 'publications'],
]);
const CORE_FIRST = new Map<string, HeadingKey>([
  ['experiencia', 'experience'], ['habilidades', 'skills'], ['competencias', 'skills'], ['competences', 'skills'], ['proyectos', 'projects'], ['projets', 'projects'],
  ['publicaciones', 'publications'], ['premios', 'awards'], ['cursos', 'courses'], ['ניסיון', 'experience'], ['כישורים', 'skills'], ['פרויקטים', 'projects'],
  ['פרסומים', 'publications'], ['קורסים', 'courses'],
]);

// "Awards & Honors", "Skills / Tools", "Education and Certifications": the first named section
// wins, except that training yields to a more specific neighbour ("Training & Certifications").
const JOINERS = /\s*(?:&|\+|\/|,|\band\b|\by\b|\bet\b|\bund\b)\s*/u;

const BY_PHRASE = new Map<string, HeadingKey>();
// Letter-spaced headings lose their word breaks: "W O R K  E X P E R I E N C E".
const BY_SQUASHED_PHRASE = new Map<string, HeadingKey>();
for (const [key, phrases] of Object.entries(HEADINGS) as [HeadingKey, readonly string[]][]) {
  for (const phrase of phrases) {
    const folded = fold(phrase);
    if (!BY_PHRASE.has(folded)) BY_PHRASE.set(folded, key);
    if (!BY_SQUASHED_PHRASE.has(folded.replace(/ /g, ''))) BY_SQUASHED_PHRASE.set(folded.replace(/ /g, ''), key);
  }
}

// Headings carry decoration: numbering ("2. Experience", "II. Education"), rules and marks
// ("— SKILLS —", "## Skills"), a trailing colon, or letter spacing ("E X P E R I E N C E").
function headingText(text: string): string {
  return fold(text)
    .replace(/^(?:\d{1,2}|[ivx]{1,4})[.)]\s+/u, '')
    .replace(/^[^\p{L}]+|[^\p{L})]+$/gu, '')
    .replace(/\s*\((?:selected|selection|seleccion|auswahl|נבחרים)\)$/u, '')
    .replace(/^(?:my|mis|mes|meine)\s+/u, '');
}

/** The section a heading's words name, or null. Only the whole line counts: "Skills in Python" is no heading. */
export function sectionOfHeading(text: string): HeadingKey | null {
  // "People: Patient education" is a label with its value, whatever its words.
  if (text.length > 60 || /[:：]\s*\S/u.test(text)) return null;
  const folded = headingText(text);
  const exact = BY_PHRASE.get(folded);
  if (exact) return exact;
  if (/^(?:\p{L} +)+\p{L}$/u.test(folded)) return BY_SQUASHED_PHRASE.get(folded.replace(/ /g, '')) ?? null;
  const parts = folded.split(JOINERS).filter(Boolean);
  if (parts.length < 2) return coreWordSection(folded);
  const whole = BY_PHRASE.get(parts.join(' and '));
  if (whole) return whole;
  const keys = parts.map((part) => BY_PHRASE.get(part) ?? coreWordSection(part)).filter((key): key is HeadingKey => key !== null);
  return keys.find((key) => key !== 'courses') ?? keys[0] ?? null;
}

function coreWordSection(folded: string): HeadingKey | null {
  const words = folded.split(' ');
  if (words.length < 2 || words.length > 3) return null;
  return CORE_LAST.get(words.at(-1)!) ?? CORE_FIRST.get(words[0]!) ?? null;
}

export function isDocumentTitle(text: string): boolean {
  return DOCUMENT_TITLES.has(headingText(text));
}
