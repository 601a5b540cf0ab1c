import { parseLocation } from './contact-fields';
import type { HeadPart } from './entry-head';
import { looksLikePlace } from './parsers/parsed';
import { organisationEvidence, roleEvidence, splitAtOrganisation } from './roles';

// Which pieces of a job's opening lines are the role and the organisation. CVs write both
// orders ("Engineer / Acme", "Acme / Engineer", "Acme — Engineer", "Engineer @Acme"), so
// every reading of the first pieces is scored by what the words say (a role word, an
// organisation suffix, a brand-like name, a place), by how the section sets them (see
// sectionSetting; without a setting, an italic piece beside an upright one is the
// organisation), and by the order the section's other entries clearly use; the best-scored
// reading wins.

export type Order = 'role-first' | 'organisation-first';

export interface RoleAndOrganisation {
  role?: string;
  organisation?: string;
  rest: HeadPart[];
}

// "Engineer at Acme", "Ingénieure chez Acme", "Entwickler bei Acme", "Ingeniera en Acme", "Engineer @ Acme", "Engineer @Acme".
const AT = /^(.+?)(?:\s+(?:at|chez|bei|en)\s+|\s*(@)\s*)(.+)$/u;

// Only the first pieces hold the role and organisation; later ones are places and notes.
const CONSIDERED = 4;

const joined = (parts: readonly HeadPart[]) => parts.map((part) => part.text).join(', ');

/**
 * Which pieces stand for places. Any short capitalised name has a town's shape, but places
 * close a line ("Engineer, Maison Lumière Cosmétiques, Lyon"): a piece followed on its line by
 * another piece of that shape is a name, unless the two read as one place ("Lyon, France").
 */
function placeFlags(parts: readonly HeadPart[]): boolean[] {
  return parts.map((part, index) => {
    if (!looksLikePlace(part.text)) return false;
    const next = parts[index + 1];
    return next === undefined || next.line !== part.line || !looksLikePlace(next.text) || parseLocation(`${part.text}, ${next.text}`) !== null;
  });
}

function asRole(part: HeadPart, place: boolean): number {
  return roleEvidence(part.text) - organisationEvidence(part.text) - (place ? 2 : 0);
}

// How a section sets a job's role and organisation when they stand on lines of their own:
// which one's line carries the dates, which the place, which is bold or italic. Templates
// differ ("Acme ⇥ Boston" over "*Engineer* ⇥ 2019–2021"; "**Engineer** ⇥ 2019–2021" over
// "*Acme* ⇥ Boston"; "**Engineer** ⇥ Leeds" over "*Acme* ⇥ 2019–2021"), but one section's
// entries are set alike: the entries whose words tell role from organisation show how, and
// the piece set as their organisations were is the organisation where words tell nothing
// ("Comet Coffee" over "Barista").
export interface Setting {
  role: string;
  organisation: string;
}

const setting = (part: HeadPart) => [part.dated, part.placed, part.bold, part.italic].join();

/** The setting every entry whose words are clear shares, if they share one that tells the two apart. */
export function sectionSetting(heads: readonly (readonly HeadPart[])[]): Setting | null {
  const clear = heads.flatMap((parts) => {
    const [a, b] = parts;
    if (parts.length !== 2 || a!.line === b!.line) return [];
    const margin = orderMargin(parts, null, false);
    if (Math.abs(margin) <= 0.5) return [];
    const [role, organisation] = margin > 0 ? [a!, b!] : [b!, a!];
    return [{ role: setting(role), organisation: setting(organisation) }];
  });
  const [first] = clear;
  if (!first || first.role === first.organisation || clear.some((seen) => seen.role !== first.role || seen.organisation !== first.organisation)) return null;
  return first;
}

// Without a section's setting to go by, an italic organisation beside an upright role (moderncv's "Engineer, *Acme*").
function setAs(role: HeadPart, organisation: HeadPart, known: Setting | null): number {
  if (known && role.line !== organisation.line) return Number(setting(role) === known.role && setting(organisation) === known.organisation);
  return organisation.italic && !role.italic ? 1 : 0;
}

function asOrganisation(part: HeadPart, role: HeadPart, place: boolean, known: Setting | null, styled = true): number {
  return organisationEvidence(part.text) - roleEvidence(part.text) - (place ? 2 : 0) + (styled ? setAs(role, part, known) : 0);
}

/**
 * How much better the role-first reading of the first two pieces is than the other one
 * (negative: organisation first). A town between them ("Acme / Madrid / Engineer") tells
 * nothing of the order: the piece after it is compared.
 */
function orderMargin(parts: readonly HeadPart[], known: Setting | null, styled = true): number {
  const place = placeFlags(parts);
  const [a] = parts;
  const at = parts.findIndex((_, index) => index > 0 && !place[index]);
  const b = parts[at === -1 ? 1 : at];
  if (!a || !b || AT.test(a.text)) return 0;
  const [aPlace, bPlace] = [place[0]!, place[parts.indexOf(b)]!];
  return asRole(a, aPlace) + asOrganisation(b, a, bPlace, known, styled) - (asRole(b, bPlace) + asOrganisation(a, b, aPlace, known, styled));
}

/** The order the section's entries clearly use, if most of those that are clear agree. */
export function sectionOrder(heads: readonly (readonly HeadPart[])[], known: Setting | null): Order | null {
  const margins = heads.map((parts) => orderMargin(parts, known)).filter((margin) => Math.abs(margin) > 0.5);
  const roleFirst = margins.filter((margin) => margin > 0).length;
  const organisationFirst = margins.length - roleFirst;
  if (roleFirst === organisationFirst) return null;
  return roleFirst > organisationFirst ? 'role-first' : 'organisation-first';
}

/**
 * Whether the section's entries that name one thing name roles: a list of jobs printed
 * without employers ("Research Assistant", "Backend Intern", "Barista"). True when every
 * lone piece whose words are clear reads as a role, so that an unclear one ("Barista",
 * "Field Logistician", which look like brand names) is read as a role too.
 */
export function lonePiecesAreRoles(heads: readonly (readonly HeadPart[])[]): boolean {
  const margins = heads.filter((parts) => parts.length === 1).map(([part]) => roleEvidence(part!.text) - organisationEvidence(part!.text));
  const clear = margins.filter((margin) => Math.abs(margin) > 0.5);
  return clear.length > 0 && clear.every((margin) => margin > 0);
}

/** Three or more pieces on one line: see splitAtOrganisation. */
function longHead(parts: readonly HeadPart[]): RoleAndOrganisation | null {
  if (parts.some((part) => part.line !== parts[0]?.line)) return null;
  const split = splitAtOrganisation(parts.map((part) => part.text));
  if (!split) return null;
  const { role, organisation } = split;
  return { role: joined(parts.slice(0, role.length)), organisation: joined(parts.slice(role.length, role.length + organisation.length)), rest: parts.slice(role.length + organisation.length) };
}

/** Role and organisation among the head's pieces: words, type style, order and the section's habit decide. */
export function roleAndOrganisation(parts: readonly HeadPart[], order: Order | null, loneRoles = false, known: Setting | null = null): RoleAndOrganisation {
  const long = longHead(parts);
  if (long) return long;
  const [a] = parts;
  if (!a) return { rest: [] };
  const at = AT.exec(a.text);
  // The words "at", "en" also join a role's own words ("Head of Sales en Europe"): they part
  // role from organisation only after a role word. An "@" after a space (no e-mail then)
  // parts them whatever the role's words, which may be in a language no list knows.
  const atSign = at?.[2] !== undefined && /\s@/u.test(a.text);
  if (at?.[1] && at[3] && (atSign || roleEvidence(at[1]) > 0)) return { role: at[1], organisation: at[3], rest: parts.slice(1) };
  if (parts.length === 1) {
    const isRole = roleEvidence(a.text) >= organisationEvidence(a.text) || (loneRoles && organisationEvidence(a.text) < 2);
    return isRole ? { role: a.text, rest: [] } : { organisation: a.text, rest: [] };
  }
  const considered = parts.slice(0, CONSIDERED);
  const place = placeFlags(parts);
  let best: { role: number; organisation: number; score: number } | null = null;
  considered.forEach((role, r) => {
    considered.forEach((organisation, o) => {
      if (r === o) return;
      // A piece passed over to reach the role or organisation costs, unless it is a place.
      const skipped = considered.filter((part, index) => index < Math.max(r, o) && index !== r && index !== o && !place[index]).length;
      const roleFirst = r < o;
      // A CV usually leads with the role; the section's own clear habit weighs more.
      const habit = order === null ? (roleFirst ? 0.5 : 0) : (order === 'role-first') === roleFirst ? 1 : 0;
      const score = asRole(role, place[r]!) + asOrganisation(organisation, role, place[o]!, known) - skipped + habit;
      if (!best || score > best.score + 1e-9) best = { role: r, organisation: o, score };
    });
  });
  const chosen = best as { role: number; organisation: number } | null;
  if (!chosen) return { rest: parts.slice(1) };
  const [role, organisation] = [parts[chosen.role]!, parts[chosen.organisation]!];
  // On a line of its own, an organisation may be named in parts: "Programming Languages Lab,
  // University of Michigan" over the role. Its other parts that read as organisations join it.
  const named = parts.filter((part) => part === organisation || (role.line !== organisation.line && part.line === organisation.line && organisationEvidence(part.text) >= 2));
  return { role: role.text, organisation: joined(named), rest: parts.filter((part) => part !== role && !named.includes(part)) };
}
