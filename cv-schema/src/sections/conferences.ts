import { z } from 'zod';
import { createId, dateText, emptyListSection, listSection, longText, shortText, shortTextList } from '../fields';

export const { item: conferenceItemSchema, section: conferencesSchema } = listSection({
  eventName: shortText,
  role: shortText,
  date: dateText,
  location: shortText,
  description: longText,
  topicsPresented: shortTextList,
});
export type ConferenceItem = z.infer<typeof conferenceItemSchema>;
export type Conferences = z.infer<typeof conferencesSchema>;
export const emptyConferenceItem = (): ConferenceItem => ({ id: createId() });
export const emptyConferences = (): Conferences => emptyListSection('Conferences');
