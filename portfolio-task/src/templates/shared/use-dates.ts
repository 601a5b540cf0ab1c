import type { DateRange } from '@r2w/cv-schema';
import { formatDateRange, formatPeriod, formatSingleDate } from './dates';
import { useSite } from './site-context';

/** Date formatting bound to the site's language, for section components. */
export function useDates() {
  const { settings, labels } = useSite();
  return {
    /** The CV's own wording (`…Text` fields) while it names the date, else the normalised date formatted. */
    single: (normalised: string | null | undefined, written?: string | null) => formatSingleDate(normalised, written, settings.language),
    range: (range: DateRange | null | undefined) => formatDateRange(range, settings.language, labels),
    period: formatPeriod,
  };
}
