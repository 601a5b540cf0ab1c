import { z } from 'zod';
import { dateRangeSchema } from '../dates';
import { count, createId, emptyListSection, listSection, longText, longTextList, shortText, shortTextList, urlText } from '../fields';

export const { item: experienceItemSchema, section: experienceSchema } = listSection({
  jobTitle: shortText,
  companyName: shortText,
  location: shortText,
  dateRange: dateRangeSchema.nullish(),
  responsibilities: longTextList,
  achievements: longTextList,
  technologies: shortTextList,
  companyDescription: longText,
  teamSize: count,
  reportsTo: shortText,
  keyProjects: longTextList,
  url: urlText,
  summary: longText,
});
export type ExperienceItem = z.infer<typeof experienceItemSchema>;
export type Experience = z.infer<typeof experienceSchema>;
export const emptyExperienceItem = (): ExperienceItem => ({ id: createId() });
export const emptyExperience = (): Experience => emptyListSection('Experience');
