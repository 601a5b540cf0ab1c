import { asianArabicOrganisationEvidence, asianArabicRoleEvidence, isAsianArabicDegree, isAsianArabicSchool } from './role-words-asian-arabic';
import { fold } from './text';

// Whether a piece of an entry's head names a role ("Senior Data Engineer") or an
// organisation ("Acme GmbH", "Universidad de Sevilla"). Each word list is evidence, not a
// verdict: the parsers weigh it with styling and order.

const ROLE_WORDS = [
  // English
  'engineer',
  'developer',
  'programmer',
  'manager',
  'director',
  'analyst',
  'designer',
  'consultant',
  'intern',
  'lead',
  'head',
  'scientist',
  'researcher',
  'specialist',
  'coordinator',
  'assistant',
  'architect',
  'officer',
  'administrator',
  'teacher',
  'lecturer',
  'professor',
  'nurse',
  'accountant',
  'associate',
  'president',
  'vice',
  'founder',
  'co-founder',
  'cofounder',
  'owner',
  'partner',
  'editor',
  'writer',
  'technician',
  'advisor',
  'representative',
  'executive',
  'supervisor',
  'trainee',
  'apprentice',
  'student',
  'fellow',
  'postdoc',
  'postdoctoral',
  'tutor',
  'instructor',
  'cto',
  'ceo',
  'cfo',
  'coo',
  'vp',
  'sre',
  'devops',
  'qa',
  'tester',
  'recruiter',
  'strategist',
  'marketer',
  'agent',
  'clerk',
  'chef',
  'mentor',
  'volunteer',
  'member',
  'chair',
  'treasurer',
  'secretary',
  'speaker',
  'panelist',
  'organizer',
  'organiser',
  'keynote',
  'moderator',
  'product owner',
  'scrum master',
  'principal',
  'staff',
  'senior',
  'junior',
  // Spanish
  'ingeniero',
  'ingeniera',
  'desarrollador',
  'desarrolladora',
  'programador',
  'programadora',
  'gerente',
  'jefe',
  'jefa',
  'directora',
  'analista',
  'disenador',
  'disenadora',
  'consultor',
  'consultora',
  'becario',
  'becaria',
  'practicas',
  'responsable',
  'coordinador',
  'coordinadora',
  'investigador',
  'investigadora',
  'profesor',
  'profesora',
  'tecnico',
  'tecnica',
  'asistente',
  'arquitecto',
  'arquitecta',
  'cientifico',
  'cientifica',
  'fundador',
  'fundadora',
  'socio',
  'socia',
  'voluntario',
  'voluntaria',
  'miembro',
  'ponente',
  'presidente',
  'presidenta',
  'tesorero',
  'secretario',
  'secretaria',
  // French
  'ingenieur',
  'ingenieure',
  'developpeur',
  'developpeuse',
  'chef',
  'cheffe',
  'directeur',
  'directrice',
  'chargee',
  'charge',
  'consultante',
  'stagiaire',
  'analyste',
  'chercheur',
  'chercheuse',
  'enseignant',
  'enseignante',
  'technicien',
  'technicienne',
  'architecte',
  'concepteur',
  'conceptrice',
  'fondateur',
  'fondatrice',
  'associe',
  'associee',
  'benevole',
  'membre',
  'intervenant',
  'intervenante',
  'conferencier',
  'conferenciere',
  'tresorier',
  'secretaire',
  'alternant',
  'alternante',
  // German
  'entwickler',
  'entwicklerin',
  'ingenieur',
  'ingenieurin',
  'leiter',
  'leiterin',
  'berater',
  'beraterin',
  'werkstudent',
  'werkstudentin',
  'praktikant',
  'praktikantin',
  'referent',
  'referentin',
  'mitarbeiter',
  'mitarbeiterin',
  'wissenschaftler',
  'wissenschaftlerin',
  'architektin',
  'gestalter',
  'gestalterin',
  'grunder',
  'grunderin',
  'geschaftsfuhrer',
  'geschaftsfuhrerin',
  'sachbearbeiter',
  'sachbearbeiterin',
  'teamleiter',
  'teamleiterin',
  'mitglied',
  'vorstand',
  'sprecher',
  'sprecherin',
  'dozent',
  'dozentin',
  'lehrer',
  'lehrerin',
  'ehrenamtlich',
  'auszubildender',
  'kassenwart',
  // Hebrew
  'מהנדס',
  'מהנדסת',
  'מפתח',
  'מפתחת',
  'מנהל',
  'מנהלת',
  'ראש',
  'אנליסט',
  'אנליסטית',
  'יועץ',
  'יועצת',
  'מתכנת',
  'מתכנתת',
  'חוקר',
  'חוקרת',
  'מעצב',
  'מעצבת',
  'ארכיטקט',
  'מדען',
  'מדענית',
  'מרצה',
  'מדריך',
  'מדריכה',
  'מייסד',
  'מייסדת',
  'סטודנט',
  'סטודנטית',
  'מתנדב',
  'מתנדבת',
  'חבר',
  'חברה',
  'רכז',
  'רכזת',
  'סגן',
  'סמנכ"ל',
  'מנכ"ל',
  'טכנאי',
  'דובר',
  'דוברת',
].map(fold);

// German and Dutch glue roles into compounds: "Softwareentwickler", "Projektleiterin".
const ROLE_SUFFIXES = [
  'entwickler',
  'entwicklerin',
  'ingenieur',
  'ingenieurin',
  'leiter',
  'leiterin',
  'berater',
  'beraterin',
  'manager',
  'managerin',
  'referent',
  'referentin',
  'wissenschaftler',
  'wissenschaftlerin',
  'architekt',
  'architektin',
  'designer',
  'designerin',
  'analyst',
  'analystin',
];

const ORGANISATION_WORDS = [
  'inc',
  'inc.',
  'ltd',
  'ltd.',
  'llc',
  'llp',
  'plc',
  'gmbh',
  'ag',
  'kg',
  'sa',
  's.a.',
  'sas',
  'sarl',
  's.l.',
  'sl',
  'srl',
  'bv',
  'nv',
  'corp',
  'corp.',
  'corporation',
  'company',
  'co.',
  'group',
  'groupe',
  'grupo',
  'gruppe',
  'technologies',
  'technology',
  'labs',
  'lab',
  'solutions',
  'systems',
  'software',
  'consulting',
  'partners',
  'bank',
  'banco',
  'banque',
  'studio',
  'studios',
  'agency',
  'agencia',
  'agence',
  'agentur',
  'foundation',
  'fundacion',
  'fondation',
  'stiftung',
  'association',
  'asociacion',
  'verein',
  'institute',
  'instituto',
  'institut',
  'university',
  'universidad',
  'universite',
  'universitat',
  'college',
  'school',
  'escuela',
  'ecole',
  'hochschule',
  'hospital',
  'clinic',
  'clinica',
  'klinik',
  'ministry',
  'ministerio',
  'ministere',
  'ministerium',
  'council',
  'society',
  'sociedad',
  'societe',
  'gesellschaft',
  'network',
  'networks',
  'health',
  'media',
  'capital',
  'ventures',
  'analytics',
  'digital',
  'services',
  'servicios',
  'international',
  'global',
  'center',
  'centre',
  'centro',
  'zentrum',
  'museum',
  'museo',
  'musee',
  'press',
  'publishing',
  'editorial',
  'journal',
  'review',
  'magazine',
  'times',
  'news',
  'academy',
  'academia',
  'academie',
  'akademie',
  'conference',
  'summit',
  'meetup',
  'congress',
  'congreso',
  'kongress',
  'forum',
  'club',
  'בע"מ',
  'בעמ',
  'אוניברסיטת',
  'אוניברסיטה',
  'מכללת',
  'מכללה',
  'הטכניון',
  'טכניון',
  'בנק',
  'חברת',
  'קבוצת',
  'מכון',
  'עמותת',
  'עמותה',
  'משרד',
  'בית',
].map(fold);

// Degree names and abbreviations in the five languages.
const DEGREE_NAMES =
  String.raw`b\.?\s?sc|m\.?\s?sc|b\.?\s?a|m\.?\s?a|b\.?\s?f\.?\s?a|m\.?\s?f\.?\s?a|bba|b\.?\s?ed|m\.?\s?ed|b\.?\s?com|m\.?\s?com|b\.?\s?tech|m\.?\s?tech|b\.?\s?arch|m\.?\s?arch|b\.?\s?eng|m\.?\s?eng|b\.?\s?s|m\.?\s?s|ph\.?\s?d|ed\.?\s?d|j\.?\s?d|m\.?\s?p\.?\s?h|mba|mpa|mpp|msw|m\.?\s?phil|d\.?\s?phil|llb|ll\.?\s?m|md|bachelor|master|masters|doctor|doctorate|associate|diploma|certificate|hnd|gcse|a-levels?|` +
  String.raw`licenciatura|licenciado|licenciada|grado|maestria|doctorado|ingenieria|ingeniero|tecnico superior|bachillerato|` +
  String.raw`licence|maitrise|doctorat|diplome|dut|bts|classe preparatoire|baccalaureat|bac|ingenieur|` +
  String.raw`diplom|magister|promotion|abitur|staatsexamen|ausbildung|` +
  String.raw`תואר|בוגר|מוסמך|דוקטור|הנדסאי|תעודת`;

const DEGREE = new RegExp(String.raw`(?:^|[\s(])(?:${DEGREE_NAMES})(?=$|[\s.,)\-'’])`, 'iu');

// A degree named whole at the start of a piece, before its field with no "in" between:
// "MBA Finance", "BSc (Hons) Computer Science", "Bachelor of Science Accountancy". Only the
// usual subjects of "Bachelor/Master of …" count, so that the degree's own words end where
// the field begins.
const DEGREE_OF = String.raw`(?:applied |fine |liberal )?(?:arts|sciences?|engineering|laws?|education|technology|philosophy|commerce|music|architecture|nursing|medicine|business administration|public (?:health|administration|policy)|social work)`;
const WHOLE_DEGREE = new RegExp(String.raw`^(?:${DEGREE_NAMES})\.?(?:'s)?(?:\s*\([^()]*\))?(?:\s+of\s+${DEGREE_OF})?(?:\s*\([^()]*\))?$`, 'iu');

const INSTITUTION =
  /\b(?:university|universidad|universite|universitat|college|school|escuela|ecole|hochschule|fachhochschule|institute|instituto|institut|academy|academia|polytechnic|politecnica|politecnico|polytechnique|lycee|gymnasium|conservatory|conservatorio|seminary|tu|eth|epfl|mit)\b|אוניברסיט|מכלל|טכניון|מכון/iu;

export const isDegree = (text: string) => DEGREE.test(fold(text)) || isAsianArabicDegree(text);
export const isInstitution = (text: string) => INSTITUTION.test(fold(text)) || isAsianArabicSchool(text);

/** Nothing but a degree's name: "Máster", "Bachelor of Science", "M.Sc. (Hons)". */
export const isWholeDegree = (text: string) => WHOLE_DEGREE.test(fold(text));

/** "MBA Finance" as degree and field: the longest run of leading words that is a degree and nothing else, when a capitalised field follows. */
export function leadingDegree(text: string): { degree: string; field: string } | null {
  const words = text.split(' ');
  for (let count = words.length - 1; count >= 1; count -= 1) {
    const degree = words.slice(0, count).join(' ');
    const field = words.slice(count).join(' ');
    if (WHOLE_DEGREE.test(fold(degree))) return /^\p{Lu}/u.test(field) && !isDegree(field) && !isInstitution(field) ? { degree, field } : null;
  }
  return null;
}

const words = (text: string) =>
  fold(text)
    .split(/[\s,()/]+/)
    .filter(Boolean);

export function roleEvidence(text: string): number {
  const tokens = words(text);
  let evidence = 0;
  if (tokens.some((token) => ROLE_WORDS.includes(token))) evidence += 2;
  else if (tokens.some((token) => ROLE_SUFFIXES.some((suffix) => token.length > suffix.length + 2 && token.endsWith(suffix)))) evidence += 2;
  // Hebrew roles take the construct state and prefixes: "מהנדסת תוכנה", "ומנהל".
  else if (tokens.some((token) => /^[\u05d0-\u05ea]/.test(token) && ROLE_WORDS.some((role) => /^[\u05d0-\u05ea]/.test(role) && token.startsWith(role)))) evidence += 1;
  else evidence += asianArabicRoleEvidence(text);
  return evidence;
}

export function organisationEvidence(text: string): number {
  const tokens = words(text);
  let evidence = 0;
  if (tokens.some((token) => ORGANISATION_WORDS.includes(token))) evidence += 2;
  else evidence += asianArabicOrganisationEvidence(text);
  // Brand-like names: one or two capitalised words with no role word ("Stripe", "Google Cloud").
  if (tokens.length <= 2 && roleEvidence(text) === 0 && /^\p{Lu}/u.test(text)) evidence += 0.5;
  return evidence;
}

/**
 * "Charge Nurse, Cardiac Unit, Bayou Medical Center" and "Research Assistant, PL Lab,
 * University of Michigan": in a run of pieces that opens with a role, the organisation
 * starts at the first piece that names one and runs while the pieces do. Null when no
 * piece after the first names an organisation.
 */
export function splitAtOrganisation(pieces: readonly string[]): { role: string[]; organisation: string[]; after: string[] } | null {
  if (pieces.length < 3 || roleEvidence(pieces[0]!) === 0) return null;
  const start = pieces.findIndex((piece, index) => index >= 1 && organisationEvidence(piece) >= 2);
  if (start === -1) return null;
  let end = start + 1;
  while (end < pieces.length && organisationEvidence(pieces[end]!) >= 2) end += 1;
  return { role: pieces.slice(0, start), organisation: pieces.slice(start, end), after: pieces.slice(end) };
}
