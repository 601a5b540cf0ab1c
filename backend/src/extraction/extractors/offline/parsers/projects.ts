import { emptyProjectItem, type ProjectItem } from '@r2w/cv-schema';
import { findUrl } from '../contact-fields';
import { findDateRanges } from '../date-spans';
import { bulletsOf, first, plainAndLinks, readBody } from '../entry-body';
import { readHead } from '../entry-head';
import type { Entry } from '../entries';
import { SECTION_FIELDS } from '../field-labels';
import { isProse, splitList, tidy, wordCount } from '../text';
import type { Parsed } from './parsed';
import { titled } from './titled';
import { compact, countIn, teamSizeIn } from './values';

const FIELDS = SECTION_FIELDS.projects;

const isCodeHost = (url: string) => /(?:github|gitlab|bitbucket)\./i.test(url);

// A project's keywords printed as tags ("Rust⇥WebAssembly", chips in a row under it): a row
// of two or more short names in cells of their own, no date, address or sentence among them.
function tagRow(text: string): string[] | null {
  const cells = text.split('\t').map(tidy);
  const isTag = (cell: string) => cell !== '' && wordCount(cell) <= 3 && !/[.!?:;,]$/u.test(cell) && !isProse(cell) && findDateRanges(cell).length === 0 && findUrl(cell) === null;
  return cells.length >= 2 && cells.every(isTag) ? cells : null;
}

export function parseProjects(entries: readonly Entry[]): Parsed<ProjectItem> {
  const unclassified: string[] = [];
  const items = entries.map((entry) => {
    const head = readHead(entry.head);
    const body = readBody(entry.body, FIELDS);
    const { title, subtitle, rest } = titled(head);
    const { urls, text: plain } = plainAndLinks(body);
    const bullets = bulletsOf(body, null);
    const tags = [...plain, ...bullets].flatMap((line) => tagRow(line) ?? []);
    const text = plain.filter((line) => tagRow(line) === null);
    const [description, ...more] = text;
    const code = first(body, 'code') ?? urls.find(isCodeHost);
    const projectUrl = urls.find((url) => url !== code) ?? first(body, 'website');
    unclassified.push(...[subtitle ?? [], ...rest].flat(), ...more, ...body.unknown);
    return compact({
      ...emptyProjectItem(),
      title,
      description,
      dateRange: head.dateRange,
      role: first(body, 'role'),
      roles: (body.fields.get('roles') ?? []).flatMap(splitList),
      entity: first(body, 'organisation'),
      type: first(body, 'type'),
      duration: first(body, 'duration'),
      technologies: [...(body.fields.get('technologies') ?? []).flatMap(splitList), ...tags],
      challenges: first(body, 'challenges'),
      impact: first(body, 'impact'),
      projectUrl,
      githubUrl: code,
      demoUrl: first(body, 'demo'),
      videoUrl: first(body, 'video'),
      imageUrl: first(body, 'image'),
      keyFeatures: [...bulletsOf(body, 'keyFeatures'), ...bullets.filter((line) => tagRow(line) === null)],
      achievements: [...bulletsOf(body, 'achievements'), ...bulletsOf(body, 'highlights')],
      teamSize: countIn(first(body, 'teamSize')) ?? teamSizeIn([description ?? '', ...body.bullets.map((bullet) => bullet.text)]),
    });
  });
  return { items, unclassified };
}
