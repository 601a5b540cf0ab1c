import { normalizeDate } from '@r2w/cv-schema';
import { findDates } from '../date-spans';

// Conversions of written values into the schema's shapes, shared by the section parsers.

/** The first whole number in the text ("8", "a team of 12") or undefined. */
export function countIn(text: string | undefined): number | undefined {
  const match = text === undefined ? null : /(?<![\d.,])\d{1,4}(?![\d.,]\d)/.exec(text);
  return match ? Number(match[0]) : undefined;
}

// "a team of 8", "an organisation of 85 people", "equipo de 5", "équipe de 4 personnes",
// "Teams von 5 Konstrukteuren", "צוות של 8 מפתחים"; or "managed 12 engineers".
const TEAM_OF = /(?<!\p{L})(?:(?:team|organi[sz]ation|department|group)\s+of|equipo\s+de|[ée]quipe\s+de|teams?\s+von|צוות\s+של)\s+(\d{1,4})(?!\d)/iu;
const LED_PEOPLE =
  /(?<!\p{L})(?:led|lead|leading|managed|manage|managing|supervised|supervising)\s+(\d{1,4})\s+(?:people|engineers|developers|staff|employees|direct reports|reports|nurses|designers|analysts)(?!\p{L})/iu;

export function teamSizeIn(texts: readonly string[]): number | undefined {
  for (const text of texts) {
    const match = TEAM_OF.exec(text) ?? LED_PEOPLE.exec(text);
    if (match?.[1]) return Number(match[1]);
  }
  return undefined;
}

// "10+ years of experience", "8 años de experiencia", "12 ans d'expérience", "mit 8 Jahren Erfahrung", "7 שנות ניסיון".
const YEARS_OF = /(?<![\d.,])(\d{1,2})\+?\s*(?:years?|años|ans|jahren?|שנות|שנים)(?!\p{L})/iu;

export function yearsIn(texts: readonly string[]): number | undefined {
  for (const text of texts) {
    const match = YEARS_OF.exec(text);
    if (match?.[1]) return Number(match[1]);
  }
  return undefined;
}

/** A single date as the schema keeps it: normalised, with the words as written beside it. */
export function dateOf(text: string | undefined): { date: string; written: string } | undefined {
  if (text === undefined) return undefined;
  const found = findDates(text)[0];
  return found ? { date: found.date, written: found.text } : text.trim() ? { date: normalizeDate(text), written: text.trim() } : undefined;
}

/** Drops undefined, null, empty strings and empty lists, so an item states only what the CV does. */
export function compact<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0))) as T;
}
