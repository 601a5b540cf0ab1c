import { emptyConferenceItem, type ConferenceItem } from '@r2w/cv-schema';
import { bulletsOf, readBody } from '../entry-body';
import { readHead } from '../entry-head';
import type { Entry } from '../entries';
import { SECTION_FIELDS } from '../field-labels';
import { roleEvidence } from '../roles';
import type { Parsed } from './parsed';
import { titled } from './titled';
import { compact } from './values';

const FIELDS = SECTION_FIELDS.conferences;

export function parseConferences(entries: readonly Entry[]): Parsed<ConferenceItem> {
  const unclassified: string[] = [];
  const items = entries.map((entry) => {
    const head = readHead(entry.head, { names: true });
    const body = readBody(entry.body, FIELDS);
    const named = titled(head);
    // "Speaker, PyCon 2023" as well as "PyCon 2023, Speaker".
    const swap = named.title !== undefined && named.subtitle !== undefined && roleEvidence(named.title) > roleEvidence(named.subtitle);
    const [eventName, role] = swap ? [named.subtitle, named.title] : [named.title, named.subtitle];
    const [description, ...more] = body.plain;
    unclassified.push(...named.rest, ...more, ...body.unknown);
    return compact({
      ...emptyConferenceItem(),
      eventName,
      role: role ?? body.fields.get('role')?.[0],
      date: head.dateRange?.start,
      location: named.location,
      description,
      topicsPresented: [...bulletsOf(body, 'topics'), ...bulletsOf(body, null), ...(body.fields.get('topics') ?? [])],
    });
  });
  return { items, unclassified };
}
