import { emptyExperienceItem, type ExperienceItem } from '@r2w/cv-schema';
import { bulletsOf, first, readBody } from '../entry-body';
import { readHead, type HeadPart } from '../entry-head';
import type { Entry } from '../entries';
import { SECTION_FIELDS } from '../field-labels';
import { organisationEvidence, roleEvidence, splitAtOrganisation } from '../roles';
import { splitList } from '../text';
import { countIn, compact, teamSizeIn } from './values';
import { looksLikePlace, type Parsed } from './parsed';

const FIELDS = SECTION_FIELDS.experience;

// "Engineer at Acme", "Ingénieure chez Acme", "Entwickler bei Acme", "Ingeniera en Acme", "Engineer @ Acme".
const AT = /^(.+?)\s+(?:at|@|chez|bei|en)\s+(.+)$/u;

// A sentence about the job opens with what the person did ("Led…", "Responsible for…",
// "Verantwortlich für…"); one about the employer does not.
const ABOUT_THE_ROLE = /^(?:\p{L}+ed|responsible|in charge|led|built|ran|owned|leading|managing|responsable|encargad[oa]|a cargo|charg[ée]|verantwortlich|zuständig|אחראי|אחראית|ניהלתי|הובלתי)\b/iu;

/** Plain lines under a job: what the employer is, then what the job was. */
function describe(plain: readonly string[]): [string | undefined, string | undefined] {
  const [first, second] = plain;
  if (first === undefined || second !== undefined) return [first, second];
  return ABOUT_THE_ROLE.test(first) ? [undefined, first] : [first, undefined];
}

const joined = (parts: readonly HeadPart[]) => parts.map((part) => part.text).join(', ');

/** Three or more pieces on one line: see splitAtOrganisation. */
function longHead(parts: readonly HeadPart[]): { role: string; organisation: string; rest: HeadPart[] } | null {
  if (parts.some((part) => part.line !== parts[0]?.line)) return null;
  const split = splitAtOrganisation(parts.map((part) => part.text));
  if (!split) return null;
  const { role, organisation } = split;
  return { role: joined(parts.slice(0, role.length)), organisation: joined(parts.slice(role.length, role.length + organisation.length)), rest: parts.slice(role.length + organisation.length) };
}

/** Role and organisation among the head's pieces: words, type style and order decide. */
function roleAndOrganisation(parts: readonly HeadPart[]): { role?: string; organisation?: string; rest: HeadPart[] } {
  const long = longHead(parts);
  if (long) return long;
  const [a, b, ...rest] = parts;
  if (!a) return { rest: [] };
  const at = AT.exec(a.text);
  if (at?.[1] && at[2] && roleEvidence(at[1]) > 0) return { role: at[1], organisation: at[2], rest: parts.slice(1) };
  if (!b) return roleEvidence(a.text) >= organisationEvidence(a.text) ? { role: a.text, rest } : { organisation: a.text, rest };
  const score = (role: HeadPart, organisation: HeadPart) =>
    roleEvidence(role.text) + organisationEvidence(organisation.text) - organisationEvidence(role.text) - roleEvidence(organisation.text) + (organisation.italic && !role.italic ? 1 : 0);
  // A CV usually leads with the role; the opposite order must be clearly better to win.
  return score(b, a) > score(a, b) + 0.5 ? { role: b.text, organisation: a.text, rest } : { role: a.text, organisation: b.text, rest };
}

export function parseExperience(entries: readonly Entry[]): Parsed<ExperienceItem> {
  const unclassified: string[] = [];
  const items = entries.map((entry) => {
    const head = readHead(entry.head);
    const body = readBody(entry.body, FIELDS);
    const { role, organisation, rest } = roleAndOrganisation(head.parts);
    let location = head.location ?? undefined;
    for (const part of rest) {
      if (location === undefined && looksLikePlace(part.text)) location = part.text;
      else unclassified.push(part.text);
    }
    // Bullets are duties unless the CV files them under an achievements label: "Delivered
    // web applications" and "Cut costs by 20%" are written the same way either way.
    const responsibilities = [...bulletsOf(body, 'responsibilities'), ...bulletsOf(body, null)];
    const achievements = bulletsOf(body, 'achievements');
    const [companyDescription, summary] = describe(body.plain);
    unclassified.push(...body.plain.slice(2), ...body.unknown);
    const teamSize = countIn(first(body, 'teamSize')) ?? teamSizeIn([role ?? '', summary ?? '', ...responsibilities, ...achievements]);
    return compact({
      ...emptyExperienceItem(),
      jobTitle: role,
      companyName: organisation,
      location,
      dateRange: head.dateRange,
      responsibilities,
      achievements,
      technologies: (body.fields.get('technologies') ?? []).flatMap(splitList),
      companyDescription,
      summary,
      teamSize,
      reportsTo: first(body, 'reportsTo'),
      keyProjects: bulletsOf(body, 'keyProjects'),
      url: first(body, 'website'),
    });
  });
  return { items, unclassified };
}
