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

const truncate = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

export function itemName(item: Record<string, unknown>, index: number): string {
  for (const key of TITLE_KEYS) {
    const value = item[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  // An entry without a name of its own (a group of skills) is known by its list.
  const list = Object.values(item).find((value): value is string[] => Array.isArray(value) && value.some((entry) => typeof entry === 'string' && entry.trim() !== ''));
  if (list) return truncate(list.filter((entry) => entry.trim()).join(', '));
  return `Entry ${index + 1}`;
}

// Where an entry says who it was with; the first one that is not already its name.
const ORGANISATION_KEYS = ['companyName', 'institution', 'issuingOrganization', 'organizationName', 'publication', 'provider', 'company', 'assignee', 'role'];

function dates(item: Record<string, unknown>): string | null {
  const range = item.dateRange as { text?: string | null; start?: string | null; end?: string | null; isCurrent?: boolean | null } | null | undefined;
  if (range) {
    if (range.text?.trim()) return range.text.trim();
    const end = range.isCurrent ? 'Present' : range.end;
    const parts = [range.start, end].filter((part): part is string => Boolean(part?.trim()));
    if (parts.length) return parts.join(' – ');
  }
  // One date: as written in the CV ("…Text") before the parsed one.
  for (const key of Object.keys(item).filter((name) => /date/i.test(name) && !name.endsWith('Text'))) {
    const value = item[`${key}Text`] ?? item[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return null;
}

/** An entry on one line while it is closed: name · organisation · dates. */
export function itemSummary(item: Record<string, unknown>, index: number): string {
  const name = itemName(item, index);
  const organisation = ORGANISATION_KEYS.map((key) => item[key]).find((value): value is string => typeof value === 'string' && value.trim() !== '' && value.trim() !== name);
  return [name, organisation?.trim(), dates(item)].filter(Boolean).join(' · ');
}
