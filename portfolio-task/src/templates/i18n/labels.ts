import type { SectionKey } from '@r2w/cv-schema';

/** The sections whose heading the CV names (sectionTitle); the summary is always "about". */
export type TitledSectionKey = Exclude<SectionKey, 'hero' | 'contact' | 'summary'>;

/** The few words a site adds around the CV's own text, in the site's language. */
export type Labels = {
  skipToContent: string;
  sections: string;
  about: string;
  contact: string;
  portfolio: string;
  photo: string;
  photoOf: (name: string) => string;
  imageOf: (title: string) => string;
  present: string;
  backToTop: string;
  notFoundTitle: string;
  notFoundText: string;
  backHome: string;
  yearsOfExperience: (years: number) => string;
  years: (years: number) => string;
  knownFor: (years: number) => string;
  citedBy: (count: number) => string;
  teamSize: string;
  reportsTo: string;
  keyAchievements: string;
  keyProjects: string;
  keyFeatures: string;
  activities: string;
  highlights: string;
  specializations: string;
  technologies: string;
  skills: string;
  topics: string;
  gpa: string;
  thesis: string;
  advisor: string;
  coursework: string;
  honors: string;
  credentialId: string;
  expires: string;
  score: string;
  grade: string;
  challenges: string;
  impact: string;
  inventors: string;
  assignee: string;
  website: string;
  sourceCode: string;
  demo: string;
  video: string;
  credential: string;
  certificate: string;
  /** Each section's heading when the CV kept the default name. */
  sectionNames: Record<TitledSectionKey, string>;
  native: string;
};
