import type { Summary } from '@r2w/cv-schema';
import { bulletsOf, first, readBody } from '../entry-body';
import { SECTION_FIELDS } from '../field-labels';
import type { Line } from '../lines';
import { isProse, splitList } from '../text';
import { compact, countIn, yearsIn } from './values';

const FIELDS = SECTION_FIELDS.summary;

export function parseSummary(lines: readonly Line[], headerProse: readonly string[]): { summary: Summary; unclassified: string[] } {
  const body = readBody(lines, FIELDS);
  const bullets = bulletsOf(body, null);
  // One bullet alone is no list of highlights: some classes set every paragraph as an item
  // (LaTeX's curve puts each section's text in a list), and a paragraph's first line set in
  // reads as an item, so it is the summary itself, whatever labelled lists follow it.
  const lone = headerProse.length === 0 && body.plain.length === 0 && bullets.length === 1 && isProse(bullets[0]!);
  const paragraphs = lone ? bullets : [...headerProse, ...body.plain];
  const highlights = [...bulletsOf(body, 'careerHighlights'), ...(lone ? [] : bullets)];
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
