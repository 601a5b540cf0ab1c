import { emptyHobbyItem, type HobbyItem } from '@r2w/cv-schema';
import { withLabelsJoined } from '../entry-body';
import { fieldOfLabel, SECTION_FIELDS } from '../field-labels';
import type { Line } from '../lines';
import { splitList, splitParts, wordCount } from '../text';
import { compact, countIn } from './values';
import type { Parsed } from './parsed';

// "Photography: street and travel photography", "Chess: club player: blitz, endgames",
// "Hiking — 20 summits", or a plain list: "Hiking, chess, cooking". Labelled lines after a
// hobby ("Achievements: …", "Skills: …") describe it.

const isShortList = (items: readonly string[]) => items.length >= 2 && items.every((item) => wordCount(item) <= 6);

function hobby(name: string, about: string | undefined): HobbyItem {
  if (about === undefined) return compact({ ...emptyHobbyItem(), hobbyName: name });
  const split = /^(.*?):\s+(.+)$/u.exec(about);
  if (split?.[1] && split[2]) return compact({ ...emptyHobbyItem(), hobbyName: name, description: split[1], keywords: splitList(split[2]) });
  const list = splitList(about);
  return compact({ ...emptyHobbyItem(), hobbyName: name, ...(isShortList(list) ? { keywords: list } : { description: about }) });
}

// A row of cells each naming a hobby ("Ceramics ⇥ Hiking"): short, capitalised, none saying
// more than the first, where a hobby and its description ("Chess ⇥ Club player") would.
function cellsOfNames(text: string): string[] | null {
  const cells = text.split('\t').map((cell) => cell.trim());
  const names = cells.length >= 2 && cells.every((cell) => /^\p{Lu}/u.test(cell) && !/[.:;]/u.test(cell) && wordCount(cell) <= Math.min(3, wordCount(cells[0]!)));
  return names ? cells : null;
}

function fromLine(text: string, label: string | undefined, value: string | undefined): HobbyItem[] {
  const names = cellsOfNames(text);
  if (names) return names.map((name) => hobby(name, undefined));
  if (label !== undefined && value) return [hobby(label, value)];
  const parts = splitParts(text);
  if (parts.length === 2 && wordCount(parts[0]!) <= 4) return [hobby(parts[0]!, parts[1])];
  const items = splitList(text);
  return isShortList(items) ? items.map((item) => hobby(item, undefined)) : [hobby(text, undefined)];
}

export function parseHobbies(lines: readonly Line[]): Parsed<HobbyItem> {
  const items: HobbyItem[] = [];
  for (const { text, label, value } of withLabelsJoined(lines)) {
    const last = items.at(-1);
    const field = last && label !== undefined && value ? fieldOfLabel(label, SECTION_FIELDS.hobbies) : null;
    if (last && (field === 'achievements' || field === 'highlights')) last.achievements = splitList(value!);
    else if (last && field === 'skills') last.relevantSkills = splitList(value!);
    else if (last && field === 'yearsOfExperience' && countIn(value) !== undefined) last.yearsOfExperience = countIn(value);
    else items.push(...fromLine(text, label, value));
  }
  return { items, unclassified: [] };
}
