import { z } from 'zod';
import { createId, dateText, emptyListSection, listSection, longText, shortText } from '../fields';

export const { item: awardItemSchema, section: awardsSchema } = listSection({
  awardName: shortText,
  issuingOrganization: shortText,
  dateReceived: dateText,
  description: longText,
  category: shortText,
  significance: longText,
  dateReceivedText: shortText,
});
export type AwardItem = z.infer<typeof awardItemSchema>;
export type Awards = z.infer<typeof awardsSchema>;
export const emptyAwardItem = (): AwardItem => ({ id: createId() });
export const emptyAwards = (): Awards => emptyListSection('Awards');
