import type { Summary } from '@r2w/cv-schema';
import { bulletsOf, first, readBody } from '../entry-body';
import { SECTION_FIELDS } from '../field-labels';
import type { Line } from '../lines';
import { splitList } from '../text';
import { compact, countIn, yearsIn } from './values';

const FIELDS = SECTION_FIELDS.summary;

export function parseSummary(lines: readonly Line[], headerProse: readonly string[]): { summary: Summary; unclassified: string[] } {
  const body = readBody(lines, FIELDS);
  const paragraphs = [...headerProse, ...body.plain];
  const highlights = [...bulletsOf(body, 'careerHighlights'), ...bulletsOf(body, null)];
  return {
    summary: compact({
      summaryText: paragraphs.length > 0 ? paragraphs.join('\n') : undefined,
      yearsOfExperience: countIn(first(body, 'yearsOfExperience')) ?? yearsIn(paragraphs),
      keySpecializations: (body.fields.get('specializations') ?? []).flatMap(splitList),
      careerHighlights: highlights,
    }),
    unclassified: body.unknown,
  };
}
