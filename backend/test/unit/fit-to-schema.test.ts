import { CvSchema, emptyCv, MAX_LIST_ITEMS, MAX_LONG_TEXT, MAX_SHORT_TEXT } from '@r2w/cv-schema';
import { boundUnplacedText, fitToCvSchema } from '../../src/extraction/fit-to-schema';

function sectionsOf() {
  const { extraction: _none, ...sections } = emptyCv();
  return sections;
}

describe('fitToCvSchema', () => {
  it('leaves a valid CV as it is', () => {
    const cv = sectionsOf();
    cv.hero = { fullName: 'Jane Doe' };
    expect(fitToCvSchema(cv)).toEqual({ sections: cv, moved: [], changes: 0 });
  });

  it('cuts over-long text at a word and keeps the whole text to place', () => {
    const cv = sectionsOf();
    const summary = 'word '.repeat(5000).trim();
    const title = `${'Senior '.repeat(400)}Engineer`;
    cv.hero = { fullName: 'Jane Doe', professionalTitle: title };
    cv.summary = { summaryText: summary };
    const { sections, moved, changes } = fitToCvSchema(cv);
    expect(CvSchema.omit({ extraction: true }).safeParse(sections).success).toBe(true);
    expect(sections.hero.professionalTitle!.length).toBeLessThanOrEqual(MAX_SHORT_TEXT);
    expect(sections.hero.professionalTitle!.endsWith('Senior')).toBe(true);
    expect(sections.summary.summaryText!.length).toBeLessThanOrEqual(MAX_LONG_TEXT);
    expect(moved).toEqual(expect.arrayContaining([title, summary]));
    expect(changes).toBe(2);
  });

  it('cuts over-long lists and moves the text of the items cut away', () => {
    const cv = sectionsOf();
    cv.hobbies.items = Array.from({ length: MAX_LIST_ITEMS + 3 }, (_, i) => ({ id: `h${i}`, hobbyName: `Hobby ${i}` }));
    const { sections, moved } = fitToCvSchema(cv);
    expect(sections.hobbies.items).toHaveLength(MAX_LIST_ITEMS);
    expect(moved).toEqual([`Hobby ${MAX_LIST_ITEMS}`, `Hobby ${MAX_LIST_ITEMS + 1}`, `Hobby ${MAX_LIST_ITEMS + 2}`]);
  });

  it('gives repeated ids new ones, and moves a script URL out of its field', () => {
    const cv = sectionsOf();
    cv.projects.items = [
      { id: 'p', title: 'One', projectUrl: 'javascript:alert(1)' },
      { id: 'p', title: 'Two' },
    ];
    const { sections, moved } = fitToCvSchema(cv);
    expect(new Set(sections.projects.items.map((item) => item.id)).size).toBe(2);
    expect(sections.projects.items[0]!.projectUrl).toBeNull();
    expect(moved).toContain('javascript:alert(1)');
  });

  it('moves an e-mail, phone number or web address the schema refuses to the text to place', () => {
    const cv = sectionsOf();
    cv.contact = { email: 'jane@postbox', phone: 'Tel: see below', professionalLinks: [{ platform: 'Blog', url: 'my blog' }] };
    cv.references.items = [{ id: 'r', name: 'Sam', email: 'sam at example dot com' }];
    const { sections, moved } = fitToCvSchema(cv);
    expect(sections.contact).toEqual({ email: null, phone: null, professionalLinks: [{ platform: 'Blog', url: null }] });
    expect(sections.references.items[0]).toEqual({ id: 'r', name: 'Sam', email: null });
    expect(moved.sort()).toEqual(['Tel: see below', 'jane@postbox', 'my blog', 'sam at example dot com']);
  });

  it('drops fields the schema does not know, keeping their text', () => {
    const cv = sectionsOf() as Record<string, unknown>;
    cv.hero = { fullName: 'Jane Doe', nickname: 'JD' };
    const { sections, moved } = fitToCvSchema(cv as ReturnType<typeof sectionsOf>);
    expect(sections.hero).toEqual({ fullName: 'Jane Doe' });
    expect(moved).toEqual(['JD']);
  });
});

describe('boundUnplacedText', () => {
  it('splits long lines into pieces within the limit', () => {
    const { unclassifiedText, droppedChars } = boundUnplacedText(['x'.repeat(MAX_LONG_TEXT * 2 + 5)]);
    expect(unclassifiedText.map((piece) => piece.length)).toEqual([MAX_LONG_TEXT, MAX_LONG_TEXT, 5]);
    expect(droppedChars).toBe(0);
  });

  it('joins lines beyond the list limit onto the last one and counts what cannot fit', () => {
    const lines = Array.from({ length: MAX_LIST_ITEMS + 10 }, (_, i) => `line ${i}`);
    const { unclassifiedText, droppedChars } = boundUnplacedText(lines);
    expect(unclassifiedText).toHaveLength(MAX_LIST_ITEMS);
    expect(unclassifiedText.at(-1)).toBe(lines.slice(MAX_LIST_ITEMS - 1).join('\n'));
    expect(droppedChars).toBe(0);
    expect(boundUnplacedText(Array.from({ length: MAX_LIST_ITEMS * 2 }, () => 'y'.repeat(MAX_LONG_TEXT))).droppedChars).toBeGreaterThan(0);
  });
});
