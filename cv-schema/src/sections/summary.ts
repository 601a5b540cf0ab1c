import { z } from 'zod';
import { longText, longTextList, shortTextList, years } from '../fields';

export const summarySchema = z.strictObject({
  summaryText: longText,
  yearsOfExperience: years,
  keySpecializations: shortTextList,
  careerHighlights: longTextList,
});
export type Summary = z.infer<typeof summarySchema>;
export const emptySummary = (): Summary => ({});
