import { z } from 'zod';
import { emailText, MAX_LIST_ITEMS, phoneText, shortText, urlText } from '../fields';

export const contactLocationSchema = z.strictObject({
  city: shortText,
  state: shortText,
  country: shortText,
  address: shortText,
  postalCode: shortText,
});
export type ContactLocation = z.infer<typeof contactLocationSchema>;

export const professionalLinkSchema = z.strictObject({
  platform: shortText,
  url: urlText,
  username: shortText,
});
export type ProfessionalLink = z.infer<typeof professionalLinkSchema>;

export const contactSchema = z.strictObject({
  email: emailText,
  phone: phoneText,
  location: contactLocationSchema.nullish(),
  professionalLinks: z.array(professionalLinkSchema).max(MAX_LIST_ITEMS).nullish(),
  availability: shortText,
});
export type Contact = z.infer<typeof contactSchema>;
export const emptyContact = (): Contact => ({});
