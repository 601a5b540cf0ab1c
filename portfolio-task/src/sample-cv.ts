import { CvSchema, type Cv } from '@r2w/cv-schema';

// A fictional person, for template previews in the catalogue and the editor before a
// CV is ready.
export const SAMPLE_CV: Cv = CvSchema.parse({
  schemaVersion: 1,
  hero: { fullName: 'Alex Morgan', professionalTitle: 'Product Designer', summaryTagline: 'I design calm software for busy people.' },
  contact: {
    email: 'alex.morgan@example.com',
    phone: '+44 20 7946 0321',
    location: { city: 'Bristol', country: 'United Kingdom' },
    professionalLinks: [
      { platform: 'LinkedIn', url: 'https://www.linkedin.com/in/alex-morgan-example' },
      { platform: 'Portfolio', url: 'https://alexmorgan.example.com' },
    ],
    availability: 'Open to senior product design roles',
  },
  summary: {
    summaryText: 'Product designer with eight years of experience taking fintech and health products from research to launch. I lead discovery, prototype quickly and measure what ships.',
    yearsOfExperience: 8,
    keySpecializations: ['Design systems', 'User research', 'Prototyping'],
  },
  experience: {
    sectionTitle: 'Experience',
    items: [
      {
        id: 'exp-1',
        jobTitle: 'Lead Product Designer',
        companyName: 'Harbour Health',
        location: 'Bristol',
        dateRange: { start: '2021-03', end: null, isCurrent: true, text: 'Mar 2021 – Present' },
        responsibilities: ['Lead a team of four designers across the patient app and clinician tools'],
        achievements: ['Cut appointment no-shows by 18% with a redesigned reminder flow', 'Built the design system now used by 30 engineers'],
        technologies: ['Figma', 'Maze', 'Storybook'],
      },
      {
        id: 'exp-2',
        jobTitle: 'Product Designer',
        companyName: 'Ledgerly',
        location: 'London',
        dateRange: { start: '2017-06', end: '2021-02', isCurrent: false, text: 'Jun 2017 – Feb 2021' },
        achievements: ['Redesigned onboarding, lifting activation from 41% to 58%'],
      },
    ],
  },
  education: {
    sectionTitle: 'Education',
    items: [
      {
        id: 'edu-1',
        degree: 'BA Graphic Communication',
        institution: 'University of the West of England',
        dateRange: { start: '2013', end: '2016', isCurrent: false, text: '2013 – 2016' },
        honors: ['First Class Honours'],
      },
    ],
  },
  skills: {
    sectionTitle: 'Skills',
    skillCategories: [
      { id: 'skill-1', categoryName: 'Design', skills: ['Interaction design', 'Visual design', 'Design systems'] },
      { id: 'skill-2', categoryName: 'Research', skills: ['Usability testing', 'Interviews', 'Survey design'] },
    ],
  },
  projects: {
    sectionTitle: 'Projects',
    items: [
      {
        id: 'proj-1',
        title: 'Open Pantry',
        description: 'A volunteer-run app that matches surplus food from shops with local food banks.',
        projectUrl: 'https://openpantry.example.org',
        technologies: ['React Native', 'Supabase'],
      },
    ],
  },
  certifications: {
    sectionTitle: 'Certifications',
    items: [{ id: 'cert-1', certificationName: 'Certified Usability Analyst', issuingOrganization: 'Human Factors International', issueDate: '2019' }],
  },
  languages: {
    sectionTitle: 'Languages',
    items: [
      { id: 'lang-1', language: 'English', proficiency: 'Native', nativeLanguage: true },
      { id: 'lang-2', language: 'Spanish', proficiency: 'Professional working proficiency' },
    ],
  },
  hobbies: {
    sectionTitle: 'Interests',
    items: [
      { id: 'hob-1', hobbyName: 'Sea swimming' },
      { id: 'hob-2', hobbyName: 'Letterpress printing' },
    ],
  },
  testimonials: {
    sectionTitle: 'What colleagues say',
    items: [{ id: 'tst-1', testimonialText: 'Alex turns tangled problems into products people enjoy using.', authorName: 'Priya Shah', authorTitle: 'VP Product', authorCompany: 'Harbour Health' }],
  },
  memberships: { sectionTitle: 'Memberships', items: [] },
  awards: { sectionTitle: 'Awards', items: [{ id: 'awd-1', awardName: 'UX Design Award, Health category', issuingOrganization: 'UX Design Awards', dateReceived: '2023' }] },
  publications: { sectionTitle: 'Publications', items: [] },
  patents: { sectionTitle: 'Patents', items: [] },
  conferences: { sectionTitle: 'Talks', items: [{ id: 'conf-1', eventName: 'UX Bristol', role: 'Speaker', date: '2024', topicsPresented: ['Designing reminders people do not ignore'] }] },
  courses: { sectionTitle: 'Courses', items: [] },
  references: { sectionTitle: 'References', items: [] },
});
