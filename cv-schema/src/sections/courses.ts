import { z } from 'zod';
import { createId, dateText, emptyListSection, listSection, shortText, shortTextList, urlText } from '../fields';

export const { item: courseItemSchema, section: coursesSchema } = listSection({
  courseName: shortText,
  provider: shortText,
  completionDate: dateText,
  duration: shortText,
  certificateUrl: urlText,
  skills: shortTextList,
  grade: shortText,
});
export type CourseItem = z.infer<typeof courseItemSchema>;
export type Courses = z.infer<typeof coursesSchema>;
export const emptyCourseItem = (): CourseItem => ({ id: createId() });
export const emptyCourses = (): Courses => emptyListSection('Courses');
