import { z } from 'zod';
import { isEmailAddress, isPhoneNumber, webAddress } from './contact-values';

// The API accepts whole CVs from browsers, so every string and list is bounded here,
// once, rather than trusting each route to remember a body-size rule.
export const MAX_SHORT_TEXT = 2_000;
export const MAX_LONG_TEXT = 20_000;
export const MAX_LIST_ITEMS = 500;

export const shortString = z.string().max(MAX_SHORT_TEXT);
export const longString = z.string().max(MAX_LONG_TEXT);

// Facts the CV does not state stay null or absent, so every field accepts both.
export const shortText = shortString.nullish();
export const longText = longString.nullish();
export const shortTextList = z.array(shortString).max(MAX_LIST_ITEMS).nullish();
export const longTextList = z.array(longString).max(MAX_LIST_ITEMS).nullish();

// normalizeDate keeps a date it cannot read as the CV wrote it, so the format is not enforced.
export const dateText = shortText;

export const years = z.number().min(0).max(100).nullish();
export const count = z.int().min(0).nullish();

// Blank means "not stated" (the editor and JSON Resume documents write "" for it), so only a
// value with text in it must pass the rule. The messages say what to write, for the editor to show.
const blankOr = (rule: (value: string) => boolean, message: string) => shortString.refine((value) => value.trim() === '' || rule(value), { message }).nullish();

// These values end up in href/src attributes of published sites: only http(s) addresses pass,
// so no script URL reaches a visitor's browser.
export const urlText = blankOr((value) => webAddress(value) !== null, 'Enter a web address, such as https://example.com');
export const emailText = blankOr(isEmailAddress, 'Enter an e-mail address, such as name@example.com');
export const phoneText = blankOr(isPhoneNumber, 'Enter a phone number: digits, spaces, + ( ) - and an optional extension');

export const idSchema = z.string().min(1).max(100);

export function createId(): string {
  return globalThis.crypto.randomUUID();
}

// Ids are the editor's keys for reordering and the paths of API errors: a repeated id would
// make two entries indistinguishable.
export function uniqueIdList<Item extends z.ZodType>(item: Item) {
  return z
    .array(item)
    .max(MAX_LIST_ITEMS)
    .superRefine((entries, ctx) => {
      const seen = new Set<unknown>();
      entries.forEach((entry, index) => {
        const id = typeof entry === 'object' && entry !== null && 'id' in entry ? entry.id : undefined;
        if (seen.has(id)) ctx.addIssue({ code: 'custom', message: `Duplicate id "${String(id)}"`, path: [index, 'id'], input: id });
        seen.add(id);
      });
    });
}

export const sectionTitleSchema = shortString;

export function listSection<Shape extends z.core.$ZodShape>(itemShape: Shape) {
  const item = z.strictObject({ id: idSchema, ...itemShape });
  const section = z.strictObject({ sectionTitle: sectionTitleSchema, items: uniqueIdList(item) });
  return { item, section };
}

export function emptyListSection(sectionTitle: string) {
  return { sectionTitle, items: [] };
}
