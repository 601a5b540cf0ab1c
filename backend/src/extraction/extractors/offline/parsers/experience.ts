import { emptyExperienceItem, type ExperienceItem } from '@r2w/cv-schema';
import { bulletsOf, first, readBody } from '../entry-body';
import { readHead, type HeadPart } from '../entry-head';
import type { Entry } from '../entries';
import type { FieldLabel } from '../field-labels';
import { organisationEvidence, roleEvidence } from '../roles';
import { splitList } from '../text';
import { countIn, compact, teamSizeIn } from './values';
import { looksLikePlace, type Parsed } from './parsed';

const FIELDS: FieldLabel[] = ['technologies', 'achievements', 'keyProjects', 'responsibilities', 'teamSize', 'reportsTo', 'website'];

// "Engineer at Acme", "Ingénieure chez Acme", "Entwickler bei Acme", "Ingeniera en Acme", "Engineer @ Acme".
const AT = /^(.+?)\s+(?:at|@|chez|bei|en)\s+(.+)$/u;

// Results with numbers or outcome verbs read as achievements when the CV itself does not say.
const OUTCOME = /\d|%|\b(?:increas|reduc|improv|grew|grow|sav|won|achiev|boost|cut|doubl|tripl|launch|deliver|award|aument|reduj|mejor|logr|gan[eé]|augment|rédui|amélior|gagn|steiger|reduzier|verbesser|gewonn|הגדל|שיפר|הפחת|חסכ|זכי)/iu;

/** Role and organisation among the head's pieces: words, bold type and order decide. */
export function roleAndOrganisation(parts: readonly HeadPart[]): { role?: string; organisation?: string; rest: HeadPart[] } {
  const [a, b, ...rest] = parts;
  if (!a) return { rest: [] };
  const at = AT.exec(a.text);
  if (!b && at?.[1] && at[2] && roleEvidence(at[1]) > 0) return { role: at[1], organisation: at[2], rest };
  if (!b) return roleEvidence(a.text) >= organisationEvidence(a.text) ? { role: a.text, rest } : { organisation: a.text, rest };
  const score = (role: HeadPart, organisation: HeadPart) =>
    roleEvidence(role.text) + organisationEvidence(organisation.text) - organisationEvidence(role.text) - roleEvidence(organisation.text) + (organisation.italic && !role.italic ? 1 : 0);
  // A CV usually leads with the role; the opposite order must be clearly better to win.
  return score(b, a) > score(a, b) + 0.5 ? { role: b.text, organisation: a.text, rest } : { role: a.text, organisation: b.text, rest };
}

export function parseExperience(entries: readonly Entry[]): Parsed<ExperienceItem> {
  const unclassified: string[] = [];
  const labelledAchievements = entries.some((entry) => readBody(entry.body, FIELDS).bullets.some((bullet) => bullet.group === 'achievements'));
  const items = entries.map((entry) => {
    const head = readHead(entry.head);
    const body = readBody(entry.body, FIELDS);
    const { role, organisation, rest } = roleAndOrganisation(head.parts);
    let location = head.location ?? undefined;
    for (const part of rest) {
      if (location === undefined && looksLikePlace(part.text)) location = part.text;
      else unclassified.push(part.text);
    }
    const unlabelled = bulletsOf(body, null);
    const achievements = labelledAchievements ? [] : unlabelled.filter((bullet) => OUTCOME.test(bullet));
    const responsibilities = [...bulletsOf(body, 'responsibilities'), ...unlabelled.filter((bullet) => !achievements.includes(bullet))];
    // One sentence under a job says what the job was; a second one, the first said who the employer is.
    const [companyDescription, summary] = body.plain.length === 1 ? [undefined, body.plain[0]] : body.plain;
    unclassified.push(...body.plain.slice(2), ...body.unknown);
    const teamSize = countIn(first(body, 'teamSize')) ?? teamSizeIn([role ?? '', ...body.plain, ...responsibilities, ...achievements]);
    return compact({
      ...emptyExperienceItem(),
      jobTitle: role,
      companyName: organisation,
      location,
      dateRange: head.dateRange,
      responsibilities,
      achievements: [...bulletsOf(body, 'achievements'), ...achievements],
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
