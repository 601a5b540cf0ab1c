import { emptyMembershipItem, type MembershipItem } from '@r2w/cv-schema';
import { bulletsOf, plainAndLinks, readBody } from '../entry-body';
import { findDates } from '../date-spans';
import { readHead } from '../entry-head';
import type { Entry } from '../entries';
import { SECTION_FIELDS } from '../field-labels';
import { organisationEvidence, roleEvidence } from '../roles';
import { fold } from '../text';
import type { Parsed } from './parsed';
import { titled } from './titled';
import { compact } from './values';

const FIELDS = SECTION_FIELDS.memberships;

// Grades of membership, as societies name them: "Member", "Senior Member", "Fellow (FRSE)", "Mitglied".
const MEMBERSHIP_GRADE =
  /^(?:(?:full|senior|associate|student|life|honorary|chartered|corresponding|ordentliches|außerordentliches)\s+)?(?:member|fellow|miembro|socio|socia|membre|adherent|adherente|mitglied|חבר|חברה)(?:\s*\(.*\))?$/u;

/** Memberships and volunteering; `volunteer` marks entries found under a volunteering heading. */
export function parseMemberships(entries: readonly Entry[], volunteer: boolean): Parsed<MembershipItem> {
  const unclassified: string[] = [];
  const items = entries.map((entry) => {
    const head = readHead(entry.head, { names: true });
    const body = readBody(entry.body, FIELDS);
    const named = titled(head);
    // "Mentor, Code Club" as well as "Code Club, Mentor".
    const swap =
      named.title !== undefined && named.subtitle !== undefined && roleEvidence(named.title) - organisationEvidence(named.title) > roleEvidence(named.subtitle) - organisationEvidence(named.subtitle);
    const [organizationName, position] = swap ? [named.subtitle, named.title] : [named.title, named.subtitle];
    // "Mentor · Board member": a type written after the position; a grade alone is the type.
    const grade = position !== undefined && MEMBERSHIP_GRADE.test(fold(position)) && named.rest.length === 0;
    const [type, ...rest] = grade ? [position] : named.rest;
    const { urls, text } = plainAndLinks(body);
    const [description, ...more] = text;
    unclassified.push(...rest, ...more, ...body.unknown, ...bulletsOf(body, null));
    const [start, end] = findDates(head.dateRange?.text ?? '');
    return compact({
      ...emptyMembershipItem(),
      organizationName,
      position: grade ? undefined : (position ?? body.fields.get('role')?.[0]),
      membershipType: volunteer ? 'volunteer' : type,
      startDate: start?.date,
      startDateText: start?.text,
      endDate: end?.date,
      endDateText: end?.text,
      description,
      url: urls[0] ?? body.fields.get('website')?.[0],
      activities: bulletsOf(body, 'activities'),
      achievements: [...bulletsOf(body, 'achievements'), ...bulletsOf(body, 'highlights')],
    });
  });
  return { items, unclassified };
}
