import { z } from 'zod';
import { count, createId, dateText, emptyListSection, listSection, longText, shortText, shortTextList, urlText } from '../fields';

export const { item: publicationItemSchema, section: publicationsSchema } = listSection({
  title: shortText,
  authors: shortTextList,
  publication: shortText,
  datePublished: dateText,
  url: urlText,
  doi: shortText,
  abstract: longText,
  citations: count,
  datePublishedText: shortText,
});
export type PublicationItem = z.infer<typeof publicationItemSchema>;
export type Publications = z.infer<typeof publicationsSchema>;
export const emptyPublicationItem = (): PublicationItem => ({ id: createId() });
export const emptyPublications = (): Publications => emptyListSection('Publications');
