import { emptyExperienceItem, type ExperienceItem } from '@r2w/cv-schema';
import { bulletsOf, first, readBody } from '../entry-body';
import { readHead } from '../entry-head';
import type { Entry } from '../entries';
import { SECTION_FIELDS } from '../field-labels';
import { lonePiecesAreRoles, roleAndOrganisation, sectionOrder, sectionSetting } from '../role-organisation';
import { splitList } from '../text';
import { countIn, compact, teamSizeIn } from './values';
import { looksLikePlace, type Parsed } from './parsed';

const FIELDS = SECTION_FIELDS.experience;

// A sentence about the job opens with what the person did ("Led…", "Responsible for…",
// "Verantwortlich für…"); one about the employer does not.
const ABOUT_THE_ROLE = /^(?:\p{L}+ed|responsible|in charge|led|built|ran|owned|leading|managing|responsable|encargad[oa]|a cargo|charg[ée]|verantwortlich|zuständig|אחראי|אחראית|ניהלתי|הובלתי)\b/iu;

/** Plain lines under a job: what the employer is, then what the job was. */
function describe(plain: readonly string[]): [string | undefined, string | undefined] {
  const [first, second] = plain;
  if (first === undefined || second !== undefined) return [first, second];
  return ABOUT_THE_ROLE.test(first) ? [undefined, first] : [first, undefined];
}

export function parseExperience(entries: readonly Entry[]): Parsed<ExperienceItem> {
  const unclassified: string[] = [];
  const heads = entries.map((entry) => readHead(entry.head));
  const known = sectionSetting(heads.map((head) => head.parts));
  const order = sectionOrder(
    heads.map((head) => head.parts),
    known,
  );
  const loneRoles = lonePiecesAreRoles(heads.map((head) => head.parts));
  const items = entries.map((entry, index) => {
    const head = heads[index]!;
    const body = readBody(entry.body, FIELDS);
    const { role, organisation, rest } = roleAndOrganisation(head.parts, order, loneRoles, known);
    let location = head.location ?? undefined;
    for (const part of rest) {
      if (location === undefined && looksLikePlace(part.text)) location = part.text;
      else unclassified.push(part.text);
    }
    // Bullets are duties unless the CV files them under an achievements label: "Delivered
    // web applications" and "Cut costs by 20%" are written the same way either way.
    const responsibilities = [...bulletsOf(body, 'responsibilities'), ...bulletsOf(body, 'highlights'), ...bulletsOf(body, null)];
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
