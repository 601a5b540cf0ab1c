import { emptyCertificationItem, type CertificationItem } from '@r2w/cv-schema';
import { first, plainAndLinks, readBody } from '../entry-body';
import { readHead } from '../entry-head';
import type { Entry } from '../entries';
import { SECTION_FIELDS } from '../field-labels';
import { splitList } from '../text';
import type { Parsed } from './parsed';
import { titled } from './titled';
import { compact, dateOf } from './values';

const FIELDS = SECTION_FIELDS.certifications;

export function parseCertifications(entries: readonly Entry[]): Parsed<CertificationItem> {
  const unclassified: string[] = [];
  const items = entries.map((entry) => {
    const head = readHead(entry.head, { names: true });
    const body = readBody(entry.body, FIELDS);
    const { title, subtitle, rest } = titled(head, { givenBy: true });
    const { urls, text } = plainAndLinks(body);
    const [description, ...more] = text;
    unclassified.push(...rest, ...more, ...body.unknown, ...body.bullets.map((bullet) => bullet.text));
    const expires = dateOf(first(body, 'expires'));
    return compact({
      ...emptyCertificationItem(),
      certificationName: title,
      issuingOrganization: subtitle,
      issueDate: head.dateRange?.start,
      issueDateText: head.dateRange?.text,
      expirationDate: expires?.date,
      credentialId: first(body, 'credentialId'),
      credentialUrl: urls[0] ?? first(body, 'website') ?? first(body, 'certificate'),
      description,
      skills: (body.fields.get('skills') ?? []).flatMap(splitList),
      score: first(body, 'score'),
    });
  });
  return { items, unclassified };
}
