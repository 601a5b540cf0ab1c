import { emptyHobbyItem, type HobbyItem } from '@r2w/cv-schema';
import { fieldOfLabel } from '../field-labels';
import type { Line } from '../lines';
import { labelled, splitList, splitParts, wordCount } from '../text';
import { compact, countIn } from './values';
import type { Parsed } from './parsed';

// "Photography: street and travel photography", "Chess: club player: blitz, endgames",
// "Hiking — 20 summits", or a plain list: "Hiking, chess, cooking". Labelled lines after a
// hobby ("Achievements: …", "Skills: …") describe it.

const isShortList = (items: readonly string[]) => items.length >= 2 && items.every((item) => wordCount(item) <= 3);

function hobby(name: string, about: string | undefined): HobbyItem {
  if (about === undefined) return compact({ ...emptyHobbyItem(), hobbyName: name });
  const split = /^(.*?):\s+(.+)$/u.exec(about);
  if (split?.[1] && split[2]) return compact({ ...emptyHobbyItem(), hobbyName: name, description: split[1], keywords: splitList(split[2]) });
  const list = splitList(about);
  return compact({ ...emptyHobbyItem(), hobbyName: name, ...(isShortList(list) ? { keywords: list } : { description: about }) });
}

function fromLine(text: string): HobbyItem[] {
  const pair = labelled(text);
  if (pair?.value) return [hobby(pair.label, pair.value)];
  const parts = splitParts(text);
  if (parts.length === 2 && wordCount(parts[0]!) <= 4) return [hobby(parts[0]!, parts[1])];
  const items = splitList(text);
  return items.length >= 2 && isShortList(items) ? items.map((item) => hobby(item, undefined)) : [hobby(text, undefined)];
}

export function parseHobbies(lines: readonly Line[]): Parsed<HobbyItem> {
  const items: HobbyItem[] = [];
  for (const line of lines) {
    const pair = labelled(line.text);
    const last = items.at(-1);
    const field = pair && last ? fieldOfLabel(pair.label, ['achievements', 'skills', 'yearsOfExperience']) : null;
    if (pair && last && field === 'achievements') last.achievements = splitList(pair.value);
    else if (pair && last && field === 'skills') last.relevantSkills = splitList(pair.value);
    else if (pair && last && field === 'yearsOfExperience' && countIn(pair.value) !== undefined) last.yearsOfExperience = countIn(pair.value);
    else items.push(...fromLine(line.text));
  }
  return { items, unclassified: [] };
}
