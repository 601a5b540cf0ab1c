import type { HeadPart } from './entry-head';
import { looksLikePlace } from './parsers/parsed';
import { organisationEvidence, roleEvidence, splitAtOrganisation } from './roles';

// Which pieces of a job's opening lines are the role and the organisation. CVs write both
// orders ("Engineer / Acme", "Acme / Engineer", "Acme — Engineer", "Engineer @Acme"), so
// every reading of the first pieces is scored by what the words say (a role word, an
// organisation suffix, a brand-like name, a place), by style (an italic organisation), and
// by the order the section's other entries clearly use; the best-scored reading wins.

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

function asRole(part: HeadPart): number {
  return roleEvidence(part.text) - organisationEvidence(part.text) - (looksLikePlace(part.text) ? 2 : 0);
}

function asOrganisation(part: HeadPart, role: HeadPart): number {
  return organisationEvidence(part.text) - roleEvidence(part.text) - (looksLikePlace(part.text) ? 2 : 0) + (part.italic && !role.italic ? 1 : 0);
}

/**
 * How much better the role-first reading of the first two pieces is than the other one
 * (negative: organisation first). A town between them ("Acme / Madrid / Engineer") tells
 * nothing of the order: the piece after it is compared.
 */
export function orderMargin(parts: readonly HeadPart[]): number {
  const [a, ...later] = parts;
  const b = later.find((part) => !looksLikePlace(part.text)) ?? later[0];
  if (!a || !b || AT.test(a.text)) return 0;
  return asRole(a) + asOrganisation(b, a) - (asRole(b) + asOrganisation(a, b));
}

/** The order the section's entries clearly use, if most of those that are clear agree. */
export function sectionOrder(heads: readonly (readonly HeadPart[])[]): Order | null {
  const margins = heads.map(orderMargin).filter((margin) => Math.abs(margin) > 0.5);
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
export function roleAndOrganisation(parts: readonly HeadPart[], order: Order | null, loneRoles = false): RoleAndOrganisation {
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
  let best: { role: number; organisation: number; score: number } | null = null;
  considered.forEach((role, r) => {
    considered.forEach((organisation, o) => {
      if (r === o) return;
      // A piece passed over to reach the role or organisation costs, unless it is a place.
      const skipped = considered.filter((part, index) => index < Math.max(r, o) && index !== r && index !== o && !looksLikePlace(part.text)).length;
      const roleFirst = r < o;
      // A CV usually leads with the role; the section's own clear habit weighs more.
      const habit = order === null ? (roleFirst ? 0.5 : 0) : (order === 'role-first') === roleFirst ? 1 : 0;
      const score = asRole(role) + asOrganisation(organisation, role) - skipped + habit;
      if (!best || score > best.score + 1e-9) best = { role: r, organisation: o, score };
    });
  });
  const chosen = best as { role: number; organisation: number } | null;
  if (!chosen) return { rest: parts.slice(1) };
  return { role: parts[chosen.role]!.text, organisation: parts[chosen.organisation]!.text, rest: parts.filter((_, index) => index !== chosen.role && index !== chosen.organisation) };
}
