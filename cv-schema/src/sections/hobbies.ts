import { z } from 'zod';
import { createId, emptyListSection, listSection, longText, longTextList, shortText, shortTextList, years } from '../fields';

export const { item: hobbyItemSchema, section: hobbiesSchema } = listSection({
  hobbyName: shortText,
  description: longText,
  yearsOfExperience: years,
  achievements: longTextList,
  relevantSkills: shortTextList,
  keywords: shortTextList,
});
export type HobbyItem = z.infer<typeof hobbyItemSchema>;
export type Hobbies = z.infer<typeof hobbiesSchema>;
export const emptyHobbyItem = (): HobbyItem => ({ id: createId() });
export const emptyHobbies = (): Hobbies => emptyListSection('Hobbies');
