import { z } from 'zod';
import { createId, emailText, emptyListSection, listSection, longText, phoneText, shortText, years } from '../fields';

export const { item: referenceItemSchema, section: referencesSchema } = listSection({
  name: shortText,
  title: shortText,
  company: shortText,
  email: emailText,
  phone: phoneText,
  relationship: shortText,
  yearsKnown: years,
  referenceText: longText,
});
export type ReferenceItem = z.infer<typeof referenceItemSchema>;
export type References = z.infer<typeof referencesSchema>;
export const emptyReferenceItem = (): ReferenceItem => ({ id: createId() });
export const emptyReferences = (): References => emptyListSection('References');
