import type { DateRange } from '@r2w/cv-schema';
import type { Labels } from '../i18n';
import { clean } from './text';

const YEAR_MONTH = /^(\d{4})-(\d{2})$/;

// Constructing an Intl formatter costs far more than using one; a build renders hundreds of dates.
const formatters = new Map<string, Intl.DateTimeFormat>();

function monthFormatter(language: string): Intl.DateTimeFormat {
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', timeZone: 'UTC' });
    formatters.set(language, formatter);
  }
  return formatter;
}

/** A normalised date (`YYYY-MM` → "Jan 2020" in the site's language, `YYYY` as is); anything else as the CV wrote it. */
export function formatDate(value: string | null | undefined, language: string): string | null {
  const date = clean(value);
  if (!date) return null;
  const match = YEAR_MONTH.exec(date);
  if (!match) return date;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return date;
  return monthFormatter(language).format(Date.UTC(Number(match[1]), month - 1, 1));
}

/** "start – end" from two single dates; either side may be missing. */
export function formatPeriod(start: string | null, end: string | null): string | null {
  if (start && end) return start === end ? start : `${start} – ${end}`;
  return start ?? end;
}

/** A range as the CV wrote it (`text`) when present; otherwise built from start, end and "current". */
export function formatDateRange(range: DateRange | null | undefined, language: string, labels: Labels): string | null {
  if (!range) return null;
  const written = clean(range.text);
  if (written) return written;
  const start = formatDate(range.start, language);
  const end = range.isCurrent ? labels.present : formatDate(range.end, language);
  return start || !range.isCurrent ? formatPeriod(start, end) : null;
}
