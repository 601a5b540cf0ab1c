import { z } from 'zod';
import { createId, dateText, emptyListSection, listSection, longText, shortText, shortTextList, urlText } from '../fields';

export const { item: certificationItemSchema, section: certificationsSchema } = listSection({
  certificationName: shortText,
  issuingOrganization: shortText,
  issueDate: dateText,
  expirationDate: dateText,
  credentialId: shortText,
  credentialUrl: urlText,
  description: longText,
  skills: shortTextList,
  score: shortText,
  issueDateText: shortText,
});
export type CertificationItem = z.infer<typeof certificationItemSchema>;
export type Certifications = z.infer<typeof certificationsSchema>;
export const emptyCertificationItem = (): CertificationItem => ({ id: createId() });
export const emptyCertifications = (): Certifications => emptyListSection('Certifications');
