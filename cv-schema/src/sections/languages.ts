import { z } from 'zod';
import { createId, emptyListSection, listSection, shortText, shortTextList, years } from '../fields';

export const { item: languageItemSchema, section: languagesSchema } = listSection({
  language: shortText,
  proficiency: shortText,
  certifications: shortTextList,
  yearsOfExperience: years,
  nativeLanguage: z.boolean().nullish(),
});
export type LanguageItem = z.infer<typeof languageItemSchema>;
export type Languages = z.infer<typeof languagesSchema>;
export const emptyLanguageItem = (): LanguageItem => ({ id: createId() });
export const emptyLanguages = (): Languages => emptyListSection('Languages');
