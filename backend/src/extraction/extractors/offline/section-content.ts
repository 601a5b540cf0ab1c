import { dateRank } from './entry-head';
import type { HeadingKey } from './heading-words';
import type { Line } from './lines';
import { mentionsLevel } from './parsers/languages';
import { isDegree, isInstitution, organisationEvidence, roleEvidence } from './roles';
import { isProse, labelled, splitList, splitParts, wordCount } from './text';

// The section a block belongs to when its heading's words name none ("Where I've been",
// "Toolbox", a heading in a language the lists lack): what the lines under it look like
// decides. Degrees or schools with dates read as education, dated entries naming a role or
// an organisation as experience, lines that state language levels as languages, and short
// comma lists as skills. Anything less clear stays unclassified.

const share = (lines: readonly Line[], test: (line: Line) => boolean) => lines.filter(test).length / Math.max(1, lines.length);

/** A line listing several short items: "Python, Go, Rust", "Figma · Sketch · Miro", "Tools: Jira, Git". */
function isShortList(line: Line): boolean {
  const items = splitList(labelled(line.text)?.value || line.text);
  return !isProse(line.text) && items.length >= 2 && items.every((item) => wordCount(item) <= 4);
}

const isEntryHead = (line: Line) => !line.listItem && !isProse(line.text);

export function sectionOfContent(lines: readonly Line[]): HeadingKey | null {
  if (lines.length === 0) return null;
  const heads = lines.filter(isEntryHead);
  const dated = heads.filter((line) => dateRank(line.text) > 0).length;
  const schooled = heads.filter((line) => splitParts(line.text).some((part) => isDegree(part) || isInstitution(part))).length;
  const employed = heads.filter((line) => splitParts(line.text).some((part) => roleEvidence(part) > 0 || organisationEvidence(part) >= 2)).length;
  if (dated > 0 && schooled > 0 && schooled >= employed) return 'education';
  if (dated > 0 && employed > 0) return 'experience';
  if (share(lines, (line) => mentionsLevel(line.text)) >= 0.6) return 'languages';
  if (share(lines, isShortList) >= 0.6 && dated === 0) return 'skills';
  return null;
}
