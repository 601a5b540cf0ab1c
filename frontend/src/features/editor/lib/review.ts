import type { Cv, SectionKey } from '@r2w/cv-schema';
import { SECTION_SPECS } from './describe-schema';

// Below this the extractor's own confidence in a section asks for a person's eye.
const UNSURE = 0.6;

/** The sections the extractor was unsure of, in the editor's order. */
export const unsureSections = (cv: Cv): SectionKey[] => SECTION_SPECS.filter((spec) => (cv.extraction?.sections[spec.key]?.confidence ?? 1) < UNSURE).map((spec) => spec.key);

/** Whether the extraction left anything for a person to check: an unsure section or text it could not place. */
export const needsReview = (cv: Cv): boolean => unsureSections(cv).length > 0 || (cv.extraction?.unclassifiedText.length ?? 0) > 0;
