// Field names made readable: "jobTitle" → "Job title", with the acronyms people expect.
const WORDS: Record<string, string> = { url: 'URL', gpa: 'GPA', doi: 'DOI', id: 'ID', github: 'GitHub', linked: 'Linked', in: 'In' };

const SPECIAL: Record<string, string> = {
  linkedInProfile: 'LinkedIn profile',
  githubUrl: 'GitHub URL',
  isCurrent: 'I still do this',
  text: 'As written in the CV',
  start: 'From',
  end: 'To',
  nativeLanguage: 'Native language',
  fullName: 'Full name',
  profilePhotoUrl: 'Photo URL',
};

export function fieldLabel(key: string): string {
  if (SPECIAL[key]) return SPECIAL[key];
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(' ');
  const text = words.map((word, index) => WORDS[word.toLowerCase()] ?? (index === 0 ? word[0]!.toUpperCase() + word.slice(1) : word.toLowerCase())).join(' ');
  return text;
}

const SECTION_NAMES: Record<string, string> = { hero: 'Name and title', contact: 'Contact', summary: 'Summary' };

export function sectionName(key: string, sectionTitle?: string | null): string {
  return sectionTitle?.trim() || SECTION_NAMES[key] || fieldLabel(key);
}

// What an entry is called in its legend and buttons: the first of these it has.
const TITLE_KEYS = [
  'jobTitle',
  'degree',
  'categoryName',
  'title',
  'certificationName',
  'language',
  'hobbyName',
  'authorName',
  'organizationName',
  'awardName',
  'eventName',
  'courseName',
  'name',
  'companyName',
  'institution',
  'platform',
];

export function itemName(item: Record<string, unknown>, index: number): string {
  for (const key of TITLE_KEYS) {
    const value = item[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return `Entry ${index + 1}`;
}
