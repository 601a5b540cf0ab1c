import { CvSchema, extractionSchema, type Cv } from '@r2w/cv-schema';
import { boundUnplacedText, fitToCvSchema } from '../../extraction/fit-to-schema';

const NO_REPORT = { unclassifiedText: [], sections: {}, rejectedValues: 0 };

/**
 * A stored CV read by today's schema, or null when it holds no CV at all. A CV saved before a
 * rule existed (an e-mail without a domain, words in a phone number) still exports and builds:
 * the values the schema now refuses move to the text the person is asked to place, as an
 * extraction's would, instead of the whole CV becoming unusable.
 */
export function readStoredCv(data: unknown): Cv | null {
  const parsed = CvSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const { extraction, ...sections } = data as Record<string, unknown>;
  try {
    const fitted = fitToCvSchema(sections as Omit<Cv, 'extraction'>);
    const report = extractionSchema.safeParse(extraction).data ?? NO_REPORT;
    const { unclassifiedText } = boundUnplacedText([...report.unclassifiedText, ...fitted.moved]);
    return CvSchema.parse({ ...fitted.sections, extraction: { ...report, unclassifiedText } });
  } catch {
    return null;
  }
}
