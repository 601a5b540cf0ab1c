import { emptyPatentItem, type PatentItem } from '@r2w/cv-schema';
import { first, plainAndLinks, readBody } from '../entry-body';
import { readHead } from '../entry-head';
import type { Entry } from '../entries';
import { SECTION_FIELDS } from '../field-labels';
import { splitList } from '../text';
import type { Parsed } from './parsed';
import { compact } from './values';

const FIELDS = SECTION_FIELDS.patents;

// "US 10,123,456 B2", "U.S. Patent No. 9,876,543", "EP 3 456 789 A1", "WO 2020/123456", "DE 10 2019 123 456".
const PATENT_NUMBER = /\b(?:U\.?S\.?|EP|WO|DE|GB|JP|CN|IL|FR|ES|CA|KR|AU|IN)\s*(?:Pat(?:ent)?\.?\s*)?(?:No\.?\s*)?(?:\d[\d,./ ]{4,}\d)(?:\s*[ABCU]\d?)?\b/u;
// The word a CV puts before the grant date: "granted 2021-03-02", "erteilt", "concedida", "délivré".
const GRANTED = /^(?:granted|issued|erteilt|concedida|concedido|otorgada|otorgado|delivre|délivré|accordé|הוענק|ניתן)$/iu;

export function parsePatents(entries: readonly Entry[]): Parsed<PatentItem> {
  const unclassified: string[] = [];
  const items = entries.map((entry) => {
    // The number first: "US 2020/0123456 A1" must not lose its year to the date finder.
    let patentNumber: string | undefined;
    const lines = entry.head.map((line) => {
      const number = patentNumber === undefined ? PATENT_NUMBER.exec(line.text) : null;
      if (!number) return line;
      patentNumber = number[0].trim();
      return { ...line, text: line.text.replace(number[0], ' | ') };
    });
    const head = readHead(lines);
    const body = readBody(entry.body, FIELDS);
    const [title, ...rest] = head.parts.map((part) => part.text).filter((text) => !GRANTED.test(text));
    const { urls, text } = plainAndLinks(body);
    const [description, ...more] = text;
    unclassified.push(...rest, ...more, ...body.unknown, ...body.bullets.map((bullet) => bullet.text));
    return compact({
      ...emptyPatentItem(),
      title,
      patentNumber,
      dateGranted: head.dateRange?.start,
      description,
      inventors: (body.fields.get('inventors') ?? []).flatMap(splitList),
      assignee: first(body, 'assignee'),
      url: urls[0] ?? first(body, 'website'),
    });
  });
  return { items, unclassified };
}
