import { emptyAwardItem, type AwardItem } from '@r2w/cv-schema';
import { first, readBody } from '../entry-body';
import { readHead } from '../entry-head';
import type { Entry } from '../entries';
import { SECTION_FIELDS } from '../field-labels';
import type { Parsed } from './parsed';
import { titled } from './titled';
import { compact } from './values';

const FIELDS = SECTION_FIELDS.awards;

export function parseAwards(entries: readonly Entry[]): Parsed<AwardItem> {
  const unclassified: string[] = [];
  const items = entries.map((entry) => {
    const head = readHead(entry.head, { names: true });
    const body = readBody(entry.body, FIELDS);
    const { title, subtitle, rest } = titled(head, { givenBy: true });
    const [description, ...more] = [...body.plain, ...body.bullets.map((bullet) => bullet.text)];
    unclassified.push(...rest, ...more, ...body.unknown);
    return compact({
      ...emptyAwardItem(),
      awardName: title,
      issuingOrganization: subtitle,
      dateReceived: head.dateRange?.start,
      dateReceivedText: head.dateRange?.text,
      description,
      category: first(body, 'category'),
      significance: first(body, 'significance'),
    });
  });
  return { items, unclassified };
}
