import type { DateRange } from '@r2w/cv-schema';
import { formatDate, formatDateRange, formatPeriod } from './dates';
import { useSite } from './site-context';
import { clean } from './text';

/** Date formatting bound to the site's language, for section components. */
export function useDates() {
  const { settings, labels } = useSite();
  return {
    /** The CV's own wording (`…Text` fields) when it has one, else the normalised date formatted. */
    single: (normalised: string | null | undefined, written?: string | null) => clean(written) ?? formatDate(normalised, settings.language),
    range: (range: DateRange | null | undefined) => formatDateRange(range, settings.language, labels),
    period: formatPeriod,
  };
}
