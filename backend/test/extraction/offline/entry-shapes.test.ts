import { extractOffline } from '../../../src/extraction/extractors/offline/offline-extractor';
import { bold, bullet, documentOf, heading, name, type LineSpec } from './document';

// Entries written in the shapes people use, read by evidence rather than by the first shape that parses.
const read = (specs: LineSpec[], kind: 'docx' | 'pdf' = 'docx') => extractOffline(documentOf(specs, kind));
const top: LineSpec[] = [name('Jane Doe'), 'jane@example.com'];
const jobs = (specs: LineSpec[], kind: 'docx' | 'pdf' = 'docx') => read([...top, heading('Experience'), ...specs], kind).cv.experience.items;

describe('"Label: text" lines under an entry', () => {
  it.each<[string, LineSpec[]]>([
    ['a capitalised list', ['Customers: Deutsche Bahn, Siemens']],
    ['a title-cased phrase', ['Key Result: Zero Downtime Migration']],
    ['two labels in a row', ['Frameworks: Spring Boot, Quarkus', 'Team: Payments Platform']],
    ['a label after a sentence', ['Moved the ledger to event sourcing across four teams.', 'Clients: Allianz']],
  ])('are details of the job above, not new jobs (%s)', (_kind, details) => {
    const items = jobs([bold('Senior Engineer, Acme Corp'), '2019 – 2021', bullet('Built the billing API'), ...details, bold('Engineer, Beta GmbH'), '2016 – 2019', bullet('Ran the data team')]);
    expect(items.map((item) => [item.jobTitle, item.companyName])).toEqual([
      ['Senior Engineer', 'Acme Corp'],
      ['Engineer', 'Beta GmbH'],
    ]);
  });

  it('still open the entries of a section whose names carry a colon', () => {
    const { cv } = read([...top, heading('Certifications'), 'Microsoft Certified: Azure Fundamentals', '2021', 'Google Cloud Certified: Associate Cloud Engineer', '2022']);
    expect(cv.certifications.items.map((item) => item.certificationName)).toEqual(['Microsoft Certified: Azure Fundamentals', 'Google Cloud Certified: Associate Cloud Engineer']);
  });
});
