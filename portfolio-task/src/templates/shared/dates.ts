import { normalizeDate, parseDateRange, type DateRange } from '@r2w/cv-schema';
import type { Labels } from '../i18n';
import { formatMonthYear } from './month-year';
import { clean } from './text';

const YEAR_MONTH = /^(\d{4})-(\d{2})$/;

/** A normalised date (`YYYY-MM` → "Jan 2020" in the site's language, `YYYY` as is); anything else as the CV wrote it. */
export function formatDate(value: string | null | undefined, language: string): string | null {
  const date = clean(value);
  if (!date) return null;
  const match = YEAR_MONTH.exec(date);
  if (!match) return date;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return date;
  return formatMonthYear(Number(match[1]), month, language);
}

/** "start – end" from two single dates; either side may be missing. */
export function formatPeriod(start: string | null, end: string | null): string | null {
  if (start && end) return start === end ? start : `${start} – ${end}`;
  return start ?? end;
}

const ISO_DATE = /\d{4}-\d{2}(?:-\d{2})?/g;

// "2013-12-01 – 2014-12-01", "2021-04 –": a file format's dates (JSON Resume), not a person's
// wording, so the site writes them in its own language instead.
function isMachineWritten(text: string): boolean {
  const rest = text.replace(ISO_DATE, '');
  return rest !== text && rest.replace(/[\s\p{Pd}]+/gu, '') === '';
}

// The wording "as written" is kept only while it says what the dates say: once start, end or
// "current" are edited, stale wording would show the old dates on the site.
function rangeWording(range: DateRange): string | null {
  const written = clean(range.text);
  if (!written || isMachineWritten(written)) return null;
  if (range.start == null && range.end == null && !range.isCurrent) return written;
  const read = parseDateRange(written);
  const agrees = read.start === (clean(range.start) ?? null) && read.end === (clean(range.end) ?? null) && read.isCurrent === Boolean(range.isCurrent);
  return agrees ? written : null;
}

/** A single date's wording (`…Text`) while it still names the normalised date; else the date in the site's language. */
export function formatSingleDate(normalised: string | null | undefined, written: string | null | undefined, language: string): string | null {
  const wording = clean(written);
  const date = clean(normalised);
  // The extractor keeps the whole range a single date came from ("2019 – 2021" for an issue date of 2019).
  const names = (text: string) => normalizeDate(text) === date || parseDateRange(text).start === date;
  const keepsWording = wording !== null && !isMachineWritten(wording) && (date === null || names(wording));
  return keepsWording ? wording : formatDate(date, language);
}

/** A range as the CV wrote it (`text`) while that agrees with start, end and "current"; otherwise built from them. */
export function formatDateRange(range: DateRange | null | undefined, language: string, labels: Labels): string | null {
  if (!range) return null;
  const written = rangeWording(range);
  if (written) return written;
  const start = formatDate(range.start, language);
  const end = range.isCurrent ? labels.present : formatDate(range.end, language);
  return start || !range.isCurrent ? formatPeriod(start, end) : null;
}
