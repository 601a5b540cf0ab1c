import type { HeadingKey } from './heading-words';
import { fold, labelled } from './text';

// The labels CVs put before a value ("Technologies: …", "GPA: 3.8", "Thesis: …") or over a
// group of bullets ("Key achievements"), in English, Spanish, French, German and Hebrew.

const FIELD_LABELS = {
  technologies: ['technologies', 'technology', 'tech', 'tech stack', 'stack', 'tools', 'tools used', 'environment', 'tecnologias', 'herramientas', 'stack tecnologico', 'outils', 'technologies utilisees', 'environnement technique', 'environnement', 'werkzeuge', 'technologien', 'tools und technologien', 'טכנולוגיות', 'כלים'],
  achievements: ['achievements', 'key achievements', 'accomplishments', 'results', 'highlights', 'logros', 'logros clave', 'resultados', 'realisations', 'realisations cles', 'resultats', 'erfolge', 'erreichte ziele', 'ergebnisse', 'הישגים', 'הישגים עיקריים'],
  keyProjects: ['key projects', 'projects', 'selected projects', 'proyectos clave', 'proyectos', 'projets cles', 'projets', 'schlusselprojekte', 'projekte', 'פרויקטים', 'פרויקטים מרכזיים'],
  responsibilities: ['responsibilities', 'duties', 'key responsibilities', 'responsabilidades', 'funciones', 'responsabilites', 'missions', 'aufgaben', 'verantwortlichkeiten', 'תחומי אחריות', 'אחריות'],
  teamSize: ['team size', 'team', 'equipo', 'tamano del equipo', 'equipe', 'taille de l\'equipe', 'teamgrosse', 'team grosse', 'גודל צוות', 'צוות'],
  reportsTo: ['reporting to', 'reports to', 'reporta a', 'rattache a', 'berichtet an', 'berichtend an', 'כפיפות', 'כפוף ל'],
  website: ['website', 'web', 'site', 'url', 'homepage', 'sitio web', 'pagina web', 'site web', 'webseite', 'אתר', 'אתר אינטרנט'],
  gpa: ['gpa', 'cgpa', 'grade point average', 'average', 'nota media', 'promedio', 'calificacion', 'moyenne', 'note', 'abschlussnote', 'note', 'durchschnitt', 'gesamtnote', 'ממוצע', 'ציון', 'ממוצע ציונים'],
  honors: ['honors', 'honours', 'distinction', 'distinctions', 'honores', 'matricula de honor', 'mention', 'mentions', 'auszeichnung', 'auszeichnungen', 'הצטיינות', 'הצטיינויות'],
  coursework: ['relevant coursework', 'coursework', 'courses', 'relevant courses', 'key courses', 'asignaturas relevantes', 'asignaturas', 'cursos relevantes', 'cours pertinents', 'cours', 'matieres', 'relevante kurse', 'schwerpunkte', 'kurse', 'קורסים רלוונטיים', 'קורסים'],
  activities: ['activities', 'extracurricular activities', 'actividades', 'activites', 'aktivitaten', 'פעילויות'],
  thesis: ['thesis', 'dissertation', 'master thesis', 'master\'s thesis', 'bachelor thesis', 'phd thesis', 'tesis', 'trabajo fin de master', 'trabajo fin de grado', 'tfm', 'tfg', 'these', 'memoire', 'abschlussarbeit', 'masterarbeit', 'bachelorarbeit', 'diplomarbeit', 'doktorarbeit', 'עבודת גמר', 'תזה', 'עבודת תזה'],
  advisor: ['advisor', 'adviser', 'supervisor', 'supervised by', 'director', 'directora', 'tutor', 'tutora', 'directeur', 'directrice', 'directeur de these', 'encadrant', 'betreuer', 'betreuerin', 'doktorvater', 'מנחה', 'מנחה אקדמי'],
  role: ['role', 'my role', 'position', 'rol', 'cargo', 'role', 'rolle', 'funktion', 'position', 'תפקיד'],
  roles: ['roles', 'roles', 'rollen', 'תפקידים'],
  organisation: ['organisation', 'organization', 'client', 'company', 'entity', 'organizacion', 'cliente', 'empresa', 'entidad', 'organisme', 'entreprise', 'organisation', 'kunde', 'firma', 'unternehmen', 'ארגון', 'לקוח', 'חברה'],
  type: ['type', 'project type', 'tipo', 'typ', 'art', 'סוג'],
  duration: ['duration', 'length', 'duracion', 'duree', 'dauer', 'zeitraum', 'משך', 'משך זמן'],
  keyFeatures: ['key features', 'features', 'caracteristicas', 'funcionalidades', 'fonctionnalites', 'fonctionnalites cles', 'funktionen', 'merkmale', 'תכונות', 'תכונות עיקריות', 'יכולות'],
  challenges: ['challenges', 'challenge', 'retos', 'desafios', 'defis', 'herausforderungen', 'אתגרים'],
  impact: ['impact', 'outcome', 'impacto', 'resultado', 'wirkung', 'השפעה'],
  code: ['code', 'source', 'source code', 'repository', 'repo', 'github', 'gitlab', 'codigo', 'codigo fuente', 'repositorio', 'code source', 'depot', 'quellcode', 'קוד', 'קוד מקור'],
  demo: ['demo', 'live', 'live demo', 'demostracion', 'demonstration', 'דמו'],
  video: ['video', 'vidéo', 'וידאו', 'סרטון'],
  image: ['image', 'screenshot', 'imagen', 'bild', 'תמונה'],
  credentialId: ['credential id', 'credential', 'certificate id', 'certificate number', 'license number', 'id', 'id de credencial', 'identificador', 'numero de certificado', 'identifiant', 'numero', 'zertifikatsnummer', 'nummer', 'מספר תעודה', 'מזהה'],
  expires: ['expires', 'expiration', 'expiry', 'valid until', 'expiration date', 'vence', 'caduca', 'valido hasta', 'expire', 'valable jusqu\'au', 'gultig bis', 'lauft ab', 'בתוקף עד', 'תוקף'],
  score: ['score', 'result', 'puntuacion', 'nota', 'resultat', 'punktzahl', 'ergebnis', 'ציון'],
  skills: ['skills', 'skills covered', 'habilidades', 'competencias', 'competences', 'kenntnisse', 'fahigkeiten', 'kompetenzen', 'מיומנויות', 'כישורים'],
  certificate: ['certificate', 'certificate url', 'certificado', 'certificat', 'zertifikat', 'תעודה'],
  grade: ['grade', 'mark', 'calificacion', 'nota', 'mention', 'note', 'ציון'],
  inventors: ['inventors', 'co-inventors', 'inventores', 'inventeurs', 'erfinder', 'ממציאים'],
  assignee: ['assignee', 'owner', 'titular', 'cesionario', 'titulaire', 'deposant', 'anmelder', 'inhaber', 'בעלים', 'מבקש'],
  topics: ['talks', 'topics', 'topics presented', 'presentations', 'charlas', 'ponencias', 'temas', 'interventions', 'sujets', 'vortrage', 'themen', 'הרצאות', 'נושאים'],
  yearsKnown: ['years known', 'known for', 'anos de relacion', 'connu depuis', 'bekannt seit', 'שנות היכרות'],
  category: ['category', 'categoria', 'categorie', 'kategorie', 'קטגוריה'],
  significance: ['significance', 'importance', 'relevancia', 'importancia', 'portee', 'bedeutung', 'חשיבות'],
  yearsOfExperience: ['years of experience', 'experience', 'anos de experiencia', 'annees d\'experience', 'berufserfahrung', 'jahre erfahrung', 'jahre berufserfahrung', 'שנות ניסיון'],
  specializations: ['specializations', 'specialisations', 'specialties', 'areas of focus', 'focus', 'especializaciones', 'especialidades', 'specialites', 'specialisations', 'domaines d\'expertise', 'spezialisierungen', 'schwerpunkte', 'fachgebiete', 'התמחויות', 'תחומי התמחות'],
  careerHighlights: ['career highlights', 'highlights', 'key highlights', 'hitos profesionales', 'logros destacados', 'points forts', 'faits marquants', 'karrierehohepunkte', 'highlights', 'הישגים בולטים', 'נקודות בולטות'],
  availability: ['availability', 'available', 'disponibilidad', 'disponibilite', 'verfugbarkeit', 'verfugbar ab', 'זמינות'],
  photo: ['photo', 'picture', 'foto', 'fotografia', 'photographie', 'bild', 'תמונה'],
  email: ['email', 'e-mail', 'mail', 'correo', 'correo electronico', 'courriel', 'adresse e-mail', 'e-mail-adresse', 'דוא"ל', 'דואל', 'אימייל', 'מייל', 'דואר אלקטרוני'],
  phone: ['phone', 'tel', 'tel.', 'telephone', 'mobile', 'cell', 'mob', 'telefono', 'movil', 'celular', 'tel', 'portable', 'telefon', 'handy', 'mobil', 'טלפון', 'נייד', 'טל'],
  location: ['location', 'address', 'based in', 'city', 'residence', 'ubicacion', 'direccion', 'residencia', 'ciudad', 'localisation', 'adresse', 'ville', 'lieu', 'wohnort', 'anschrift', 'standort', 'ort', 'מיקום', 'כתובת', 'מגורים', 'עיר'],
  citedBy: ['cited by', 'citations', 'citas', 'citado por', 'citations', 'cite par', 'zitiert von', 'zitationen', 'ציטוטים'],
  relationship: ['relationship', 'relation', 'relacion', 'beziehung', 'קשר'],
} as const;

export type FieldLabel = keyof typeof FIELD_LABELS;

/** The labelled fields each section's entries have. */
export const SECTION_FIELDS: Record<HeadingKey, readonly FieldLabel[]> = {
  contact: ['email', 'phone', 'location', 'availability', 'photo', 'website'],
  summary: ['specializations', 'careerHighlights', 'yearsOfExperience'],
  experience: ['technologies', 'achievements', 'keyProjects', 'responsibilities', 'teamSize', 'reportsTo', 'website'],
  education: ['gpa', 'thesis', 'advisor', 'honors', 'coursework', 'activities', 'website'],
  skills: [],
  projects: ['role', 'roles', 'organisation', 'type', 'duration', 'technologies', 'challenges', 'impact', 'code', 'demo', 'video', 'image', 'keyFeatures', 'achievements', 'teamSize', 'website'],
  certifications: ['credentialId', 'expires', 'score', 'skills', 'website', 'certificate'],
  languages: ['yearsOfExperience'],
  hobbies: ['achievements', 'skills', 'yearsOfExperience'],
  testimonials: [],
  memberships: ['activities', 'achievements', 'website', 'role'],
  awards: ['category', 'significance'],
  publications: ['citedBy'],
  patents: ['inventors', 'assignee', 'website'],
  conferences: ['topics', 'role'],
  courses: ['duration', 'grade', 'skills', 'certificate', 'website'],
  references: ['relationship', 'yearsKnown'],
};

const BY_WORDS = new Map<string, FieldLabel>();
const FOLDED = new Map<FieldLabel, Set<string>>();
for (const [field, words] of Object.entries(FIELD_LABELS) as [FieldLabel, readonly string[]][]) {
  FOLDED.set(field, new Set(words.map(fold)));
  for (const word of words) if (!BY_WORDS.has(fold(word))) BY_WORDS.set(fold(word), field);
}

// Within one section a label can mean only some fields: "Note" is a GPA in education and a
// score in certifications, "Projects" key projects in a job and nothing in a skill list.
export function fieldOfLabel(label: string, allowed: readonly FieldLabel[]): FieldLabel | null {
  const folded = fold(label).replace(/[:：.]+$/, '').trim();
  return allowed.find((field) => FOLDED.get(field)?.has(folded)) ?? null;
}

/** "Label: value" whose label names one of the allowed fields. */
export function labelledField(text: string, allowed: readonly FieldLabel[]): { field: FieldLabel; value: string } | null {
  const parts = labelled(text);
  if (!parts) return null;
  const field = fieldOfLabel(parts.label, allowed);
  return field ? { field, value: parts.value } : null;
}

/** Whether a label is any known field's label ("Technologies:"), as opposed to a title. */
export function isKnownLabel(label: string): boolean {
  return BY_WORDS.has(fold(label).replace(/[:：.]+$/, '').trim());
}
