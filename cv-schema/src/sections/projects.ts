import { z } from 'zod';
import { dateRangeSchema } from '../dates';
import { count, createId, emptyListSection, listSection, longText, longTextList, shortText, shortTextList, urlText } from '../fields';

export const { item: projectItemSchema, section: projectsSchema } = listSection({
  title: shortText,
  description: longText,
  technologies: shortTextList,
  projectUrl: urlText,
  githubUrl: urlText,
  demoUrl: urlText,
  imageUrl: urlText,
  videoUrl: urlText,
  achievements: longTextList,
  teamSize: count,
  role: shortText,
  duration: shortText,
  keyFeatures: longTextList,
  challenges: longText,
  impact: longText,
  dateRange: dateRangeSchema.nullish(),
  roles: shortTextList,
  entity: shortText,
  type: shortText,
});
export type ProjectItem = z.infer<typeof projectItemSchema>;
export type Projects = z.infer<typeof projectsSchema>;
export const emptyProjectItem = (): ProjectItem => ({ id: createId() });
export const emptyProjects = (): Projects => emptyListSection('Projects');
