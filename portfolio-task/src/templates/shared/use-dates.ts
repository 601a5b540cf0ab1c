import type { DateRange } from '@r2w/cv-schema';
import { displayDate, formatDateRange, formatPeriod } from './dates';
import { useSite } from './site-context';

/** Date formatting bound to the site's language, for section components. */
export function useDates() {
  const { settings, labels } = useSite();
  const single = (normalised: string | null | undefined, written?: string | null) => displayDate(written, normalised, settings.language);
  return {
    single,
    range: (range: DateRange | null | undefined) => formatDateRange(range, settings.language, labels),
    period: (start: string | null, end: string | null) => formatPeriod(start, end),
  };
}
