import { z } from 'zod';
import { createId, dateText, emptyListSection, listSection, longText, longTextList, shortText, urlText } from '../fields';

export const { item: membershipItemSchema, section: membershipsSchema } = listSection({
  organizationName: shortText,
  membershipType: shortText,
  startDate: dateText,
  endDate: dateText,
  description: longText,
  position: shortText,
  activities: longTextList,
  achievements: longTextList,
  url: urlText,
  startDateText: shortText,
  endDateText: shortText,
});
export type MembershipItem = z.infer<typeof membershipItemSchema>;
export type Memberships = z.infer<typeof membershipsSchema>;
export const emptyMembershipItem = (): MembershipItem => ({ id: createId() });
export const emptyMemberships = (): Memberships => emptyListSection('Memberships');
