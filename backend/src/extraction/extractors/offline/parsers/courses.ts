import { emptyCourseItem, type CourseItem } from '@r2w/cv-schema';
import { first, plainAndLinks, readBody } from '../entry-body';
import { readHead } from '../entry-head';
import type { Entry } from '../entries';
import { SECTION_FIELDS } from '../field-labels';
import { splitList } from '../text';
import type { Parsed } from './parsed';
import { titled } from './titled';
import { compact } from './values';

const FIELDS = SECTION_FIELDS.courses;

export function parseCourses(entries: readonly Entry[]): Parsed<CourseItem> {
  const unclassified: string[] = [];
  const items = entries.map((entry) => {
    const head = readHead(entry.head, { names: true });
    const body = readBody(entry.body, FIELDS);
    const { title, subtitle, rest } = titled(head, { givenBy: true });
    const { urls, text } = plainAndLinks(body);
    unclassified.push(...rest, ...text, ...body.unknown, ...body.bullets.map((bullet) => bullet.text));
    return compact({
      ...emptyCourseItem(),
      courseName: title,
      provider: subtitle,
      completionDate: head.dateRange?.start,
      duration: first(body, 'duration'),
      grade: first(body, 'grade'),
      skills: (body.fields.get('skills') ?? []).flatMap(splitList),
      certificateUrl: first(body, 'certificate') ?? first(body, 'website') ?? urls[0],
    });
  });
  return { items, unclassified };
}
