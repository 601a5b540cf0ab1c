// The words a CV prints around its facts ("Technologies:", "since 2015"), in the CV's own
// language: a Spanish CV with English labels would not be a realistic Spanish CV.

export type Lang = 'en' | 'es' | 'fr' | 'de' | 'he';

const ENGLISH = {
  summary: 'Profile',
  contact: 'Contact',
  photo: 'Photo',
  availability: 'Availability',
  specializations: 'Specializations',
  careerHighlights: 'Career highlights',
  yearsOfExperience: 'Years of experience',
  technologies: 'Technologies',
  teamSize: 'Team size',
  reportsTo: 'Reporting to',
  keyAchievements: 'Key achievements',
  keyProjects: 'Key projects',
  website: 'Website',
  gpa: 'GPA',
  honors: 'Honors',
  coursework: 'Relevant coursework',
  activities: 'Activities',
  thesis: 'Thesis',
  advisor: 'Advisor',
  role: 'Role',
  roles: 'Roles',
  duration: 'Duration',
  keyFeatures: 'Key features',
  challenges: 'Challenges',
  impact: 'Impact',
  code: 'Code',
  demo: 'Demo',
  video: 'Video',
  image: 'Image',
  organisation: 'Organisation',
  type: 'Type',
  credentialId: 'Credential ID',
  expires: 'Expires',
  score: 'Score',
  skillsCovered: 'Skills',
  certificate: 'Certificate',
  grade: 'Grade',
  achievements: 'Achievements',
  relevantSkills: 'Skills',
  citedBy: 'Cited by',
  inventors: 'Inventors',
  assignee: 'Assignee',
  granted: 'granted',
  topics: 'Talks',
  yearsKnown: 'Years known',
  since: 'since',
  volunteering: 'Volunteering',
  category: 'Category',
  significance: 'Significance',
};

export type LabelKey = keyof typeof ENGLISH;

// Only the labels the corpus's CVs in that language print; a missing one is an error
// when rendering, never an English word slipped into a French CV.
const TRANSLATIONS: Record<Exclude<Lang, 'en'>, Partial<Record<LabelKey, string>>> = {
  es: {
    summary: 'Perfil profesional',
    contact: 'Contacto',
    technologies: 'Tecnologías',
    keyAchievements: 'Logros',
    coursework: 'Asignaturas relevantes',
    thesis: 'Trabajo fin de máster',
    credentialId: 'ID de credencial',
    since: 'desde',
    volunteering: 'Voluntariado',
    teamSize: 'Equipo',
    role: 'Rol',
    duration: 'Duración',
  },
  fr: {
    summary: 'Profil',
    contact: 'Contact',
    technologies: 'Outils',
    keyAchievements: 'Réalisations',
    availability: 'Disponibilité',
    activities: 'Activités',
    role: 'Rôle',
    since: 'depuis',
    volunteering: 'Bénévolat',
    grade: 'Mention',
    duration: 'Durée',
  },
  de: {
    summary: 'Profil',
    contact: 'Kontakt',
    technologies: 'Werkzeuge',
    keyAchievements: 'Erfolge',
    thesis: 'Abschlussarbeit',
    gpa: 'Abschlussnote',
    since: 'seit',
    volunteering: 'Ehrenamt',
    inventors: 'Erfinder',
    assignee: 'Anmelder',
    granted: 'erteilt',
    teamSize: 'Teamgröße',
    reportsTo: 'Berichtet an',
  },
  he: {
    summary: 'תקציר',
    contact: 'פרטי קשר',
    technologies: 'טכנולוגיות',
    keyAchievements: 'הישגים',
    since: 'מאז',
    volunteering: 'התנדבות',
    teamSize: 'גודל צוות',
    role: 'תפקיד',
  },
};

export type Labels = (key: LabelKey) => string;

export function labelsFor(lang: Lang): Labels {
  return (key) => {
    const label = lang === 'en' ? ENGLISH[key] : TRANSLATIONS[lang][key];
    if (label === undefined) throw new Error(`No "${key}" label in ${lang}: add it to labels.ts before a ${lang} CV uses that field`);
    return label;
  };
}

export const LANGS: readonly Lang[] = ['en', 'es', 'fr', 'de', 'he'];
