import { z } from 'zod';
import { createId, emptyListSection, listSection, longText, shortText, years } from '../fields';

export const { item: referenceItemSchema, section: referencesSchema } = listSection({
  name: shortText,
  title: shortText,
  company: shortText,
  email: shortText,
  phone: shortText,
  relationship: shortText,
  yearsKnown: years,
  referenceText: longText,
});
export type ReferenceItem = z.infer<typeof referenceItemSchema>;
export type References = z.infer<typeof referencesSchema>;
export const emptyReferenceItem = (): ReferenceItem => ({ id: createId() });
export const emptyReferences = (): References => emptyListSection('References');
