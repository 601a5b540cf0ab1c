import { z } from 'zod';
import { createId, dateText, emptyListSection, listSection, longText, shortText, shortTextList, urlText } from '../fields';

export const { item: patentItemSchema, section: patentsSchema } = listSection({
  title: shortText,
  patentNumber: shortText,
  dateGranted: dateText,
  description: longText,
  inventors: shortTextList,
  assignee: shortText,
  url: urlText,
});
export type PatentItem = z.infer<typeof patentItemSchema>;
export type Patents = z.infer<typeof patentsSchema>;
export const emptyPatentItem = (): PatentItem => ({ id: createId() });
export const emptyPatents = (): Patents => emptyListSection('Patents');
