import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { fromJsonResume, jsonResumeSchema, toJsonResume, type Cv } from '../src';
import { fullCv } from './fixtures/full-cv';

const read = (file: string): Record<string, unknown> => JSON.parse(fs.readFileSync(file, 'utf8'));
const SAMPLE = path.resolve(__dirname, '../fixtures/jsonresume-sample.resume.json');
// Written for this test: every field of the JSON Resume v1.0.0 schema filled, with dates of each precision.
const EVERY_FIELD = path.resolve(__dirname, '../fixtures/every-field.resume.json');

type Leaf = [path: string, value: unknown];

/** Every stated value of a document by its path ("work[0].highlights[1]"); "" and [] state nothing. */
function leaves(value: unknown, at = ''): Leaf[] {
  if (Array.isArray(value)) return value.flatMap((entry, index) => leaves(entry, `${at}[${index}]`));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, entry]) => leaves(entry, at ? `${at}.${key}` : key));
  return value === '' || value === null || value === undefined ? [] : [[at, value]];
}

/** The object keys of a zod object schema, nested, as paths ("basics.location.city"); "[]" for array entries. */
function schemaPaths(schema: z.ZodType, at = ''): string[] {
  const def = (schema as unknown as { _zod: { def: { type: string; innerType?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType> } } })._zod.def;
  if ((def.type === 'optional' || def.type === 'nullable') && def.innerType) return schemaPaths(def.innerType, at);
  if (def.type === 'array' && def.element) return schemaPaths(def.element, `${at}[]`);
  if (def.type === 'object' && def.shape) return Object.entries(def.shape).flatMap(([key, inner]) => schemaPaths(inner, at ? `${at}.${key}` : key));
  return [at];
}

describe.each([
  ['the JSON Resume sample', SAMPLE],
  ['a document that fills every field', EVERY_FIELD],
])('JSON Resume → CV → JSON Resume: %s', (_, file) => {
  const document = read(file);
  const exported = toJsonResume(fromJsonResume(document));

  it('keeps every field, value for value, days of dates included', () => {
    expect(leaves(exported)).toEqual(leaves(document));
  });

  it('gives a document the JSON Resume schema accepts, and the same again on a second round', () => {
    expect(jsonResumeSchema.parse(exported)).toEqual(exported);
    expect(toJsonResume(fromJsonResume(exported))).toEqual(exported);
  });
});

describe('the every-field document', () => {
  const stated = new Set(leaves(read(EVERY_FIELD)).map(([at]) => at.replace(/\[\d+\]/g, '[]')));

  it('states every field of the JSON Resume schema, so the round trip above covers them all', () => {
    expect(schemaPaths(jsonResumeSchema).filter((at) => !stated.has(at))).toEqual([]);
  });
});

describe('toJsonResume from a CV the extractor made', () => {
  const extracted = (change: (cv: Cv) => void): Cv => {
    const cv = fullCv();
    change(cv);
    return cv;
  };

  it("writes a job's duties and results as its highlights, in that order", () => {
    const doc = toJsonResume(
      extracted((cv) => {
        cv.experience.items[0]!.responsibilities = ['Own the ledger', 'Mentor engineers'];
        cv.experience.items[0]!.achievements = ['Cut settlement time by 40%'];
        cv.experience.items[1]!.achievements = undefined;
      }),
    );
    expect(doc.work?.[0]?.highlights).toEqual(['Own the ledger', 'Mentor engineers', 'Cut settlement time by 40%']);
    expect(doc.work?.[1]?.highlights).toEqual(fullCv().experience.items[1]!.responsibilities);
  });

  it("writes a project's code or demo address when it has no page of its own", () => {
    const doc = toJsonResume(
      extracted((cv) => {
        const project = cv.projects.items[0]!;
        project.projectUrl = undefined;
        cv.projects.items.push({ id: 'demo-only', title: 'Demo', demoUrl: 'https://demo.example.com' });
      }),
    );
    expect(doc.projects?.map((project) => project.url)).toEqual(['https://github.com/dana/ledger', 'https://demo.example.com']);
  });

  it.each([
    ['Israel', 'IL'],
    ['ישראל', 'IL'],
    ['Deutschland', 'DE'],
    ['United Kingdom', 'GB'],
    ['uk', 'GB'],
    ['the Netherlands', 'NL'],
    ['España', 'ES'],
  ])('writes the country %j as the ISO code %j', (country, code) => {
    const doc = toJsonResume(extracted((cv) => (cv.contact.location = { city: 'Somewhere', country })));
    expect(doc.basics?.location).toEqual({ city: 'Somewhere', countryCode: code });
  });

  it('keeps a country it cannot name in the address rather than writing it as a code', () => {
    const doc = toJsonResume(extracted((cv) => (cv.contact.location = { address: '1 Main St', country: 'Narnia' })));
    expect(doc.basics?.location).toEqual({ address: '1 Main St, Narnia' });
    const alone = toJsonResume(extracted((cv) => (cv.contact.location = { country: 'Narnia' })));
    expect(alone.basics?.location).toEqual({ address: 'Narnia' });
  });
});
