import { z } from 'zod';
import { createId, dateText, emptyListSection, listSection, longText, shortText, urlText } from '../fields';

export const { item: testimonialItemSchema, section: testimonialsSchema } = listSection({
  testimonialText: longText,
  authorName: shortText,
  authorTitle: shortText,
  authorCompany: shortText,
  authorImageUrl: urlText,
  relationshipToCandidate: shortText,
  dateGiven: dateText,
  linkedInProfile: urlText,
});
export type TestimonialItem = z.infer<typeof testimonialItemSchema>;
export type Testimonials = z.infer<typeof testimonialsSchema>;
export const emptyTestimonialItem = (): TestimonialItem => ({ id: createId() });
export const emptyTestimonials = (): Testimonials => emptyListSection('Testimonials');
