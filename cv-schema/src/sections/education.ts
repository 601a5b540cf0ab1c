import { z } from 'zod';
import { dateRangeSchema } from '../dates';
import { createId, emptyListSection, listSection, longText, longTextList, shortText, shortTextList, urlText } from '../fields';

export const { item: educationItemSchema, section: educationSchema } = listSection({
  degree: shortText,
  institution: shortText,
  location: shortText,
  dateRange: dateRangeSchema.nullish(),
  gpa: shortText,
  honors: shortTextList,
  relevantCoursework: shortTextList,
  activities: longTextList,
  thesis: longText,
  advisor: shortText,
  fieldOfStudy: shortText,
  url: urlText,
});
export type EducationItem = z.infer<typeof educationItemSchema>;
export type Education = z.infer<typeof educationSchema>;
export const emptyEducationItem = (): EducationItem => ({ id: createId() });
export const emptyEducation = (): Education => emptyListSection('Education');
