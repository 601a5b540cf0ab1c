import { z } from 'zod';
import { createId, idSchema, sectionTitleSchema, shortText, shortTextList, uniqueIdList } from '../fields';

export const skillCategorySchema = z.strictObject({
  id: idSchema,
  categoryName: shortText,
  skills: shortTextList,
  level: shortText,
});
export type SkillCategory = z.infer<typeof skillCategorySchema>;

export const skillsSchema = z.strictObject({
  sectionTitle: sectionTitleSchema,
  skillCategories: uniqueIdList(skillCategorySchema),
});
export type Skills = z.infer<typeof skillsSchema>;
export const emptySkillCategory = (): SkillCategory => ({ id: createId() });
export const emptySkills = (): Skills => ({ sectionTitle: 'Skills', skillCategories: [] });
