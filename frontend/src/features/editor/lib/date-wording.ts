import { parseDate, parseDateRange, type Cv } from '@r2w/cv-schema';
import { SECTION_SPECS, type FieldSpec } from './describe-schema';
import { getIn, setIn } from './set-in';

type Path = readonly (string | number)[];

// The CV states a date twice: normalised (dateRange.start, issueDate, …), which the site writes in
// its own language, and as the CV worded it (dateRange.text, issueDateText, …), which the site
// shows while the two agree. An edit of one must not leave the other saying something else:
// editing the dates clears the wording (the site then writes the edited dates), and editing the
// wording reads the dates from it when it can.

const RANGE_PARTS = new Set(['start', 'end', 'isCurrent']);

// Fields with a `…Text` twin in the schema (startDate/startDateText, issueDate/issueDateText, …).
function wordedDates(fields: readonly FieldSpec[]): string[] {
  const keys = new Set(fields.map((field) => field.key));
  const nested = fields.flatMap((field) => (field.kind === 'group' || field.kind === 'groups' ? wordedDates(field.fields) : []));
  return [...fields.filter((field) => keys.has(`${field.key}Text`)).map((field) => field.key), ...nested];
}
const WORDED_DATES = new Set(SECTION_SPECS.flatMap((section) => wordedDates(section.fields)));

const readable = (date: string | null) => date === null || parseDate(date) === date;

function datesFromRangeWording(cv: Cv, range: Path, wording: unknown): Cv {
  if (typeof wording !== 'string') return cv;
  const read = parseDateRange(wording);
  // Half-typed or free wording ("Summer term") names no dates: the dates stay as they are.
  if ((read.start === null && read.end === null && !read.isCurrent) || !readable(read.start) || !readable(read.end)) return cv;
  const asField = (value: string | null) => value ?? undefined;
  return setIn(setIn(setIn(cv, [...range, 'start'], asField(read.start)), [...range, 'end'], asField(read.end)), [...range, 'isCurrent'], read.isCurrent || undefined);
}

/** The CV with `value` at `path`, and the other form of an edited date brought in line with it. */
export function applyEdit(cv: Cv, path: Path, value: unknown): Cv {
  const next = setIn(cv, path, value);
  const key = path.at(-1);
  const parent = path.slice(0, -1);
  if (typeof key !== 'string') return next;
  if (parent.at(-1) === 'dateRange') {
    if (RANGE_PARTS.has(key)) return getIn(next, [...parent, 'text']) === undefined ? next : setIn(next, [...parent, 'text'], undefined);
    return key === 'text' ? datesFromRangeWording(next, parent, value) : next;
  }
  if (WORDED_DATES.has(key)) return getIn(next, [...parent, `${key}Text`]) === undefined ? next : setIn(next, [...parent, `${key}Text`], undefined);
  const base = key.replace(/Text$/, '');
  if (base !== key && WORDED_DATES.has(base) && typeof value === 'string') {
    const date = parseDate(value) ?? parseDateRange(value).start;
    return date && readable(date) ? setIn(next, [...parent, base], date) : next;
  }
  return next;
}
