import { z } from 'zod';
import { shortText, urlText } from '../fields';

// fullName is required of a finished extraction, not of the schema: an empty CV has no name yet.
export const heroSchema = z.strictObject({
  fullName: shortText,
  professionalTitle: shortText,
  summaryTagline: shortText,
  profilePhotoUrl: urlText,
});
export type Hero = z.infer<typeof heroSchema>;
export const emptyHero = (): Hero => ({});
