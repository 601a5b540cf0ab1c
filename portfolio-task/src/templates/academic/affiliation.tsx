import { currentPositions, type SectionProps } from '../sections';
import { cleanList } from '../shared/text';

/** Where the owner works now, as an academic page names its institution under the name. */
export function Affiliation({ cv }: SectionProps) {
  const places = [...new Set(cleanList(currentPositions(cv).map((item) => item.companyName)))];
  return places.length ? <p className="affiliation">{places.join(' · ')}</p> : null;
}
