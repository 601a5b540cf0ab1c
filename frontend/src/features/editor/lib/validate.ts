import { CvEditSchema, type Cv } from '@r2w/cv-schema';

/** The same schema the API checks, run as the person types; messages by field path. */
export function validateCv(cv: Cv): Record<string, string> {
  const result = CvEditSchema.safeParse(cv);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) errors[issue.path.join('.')] ??= readable(issue.message);
  return errors;
}

function readable(message: string): string {
  const tooLong = /<=?(\d+) characters/.exec(message);
  if (tooLong) return `Keep this under ${Number(tooLong[1]).toLocaleString()} characters.`;
  if (/expected number/i.test(message)) return 'Enter a number.';
  return message.endsWith('.') ? message : `${message}.`;
}
