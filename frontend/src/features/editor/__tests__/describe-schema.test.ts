import { SECTION_KEYS, SECTION_SCHEMAS } from '@r2w/cv-schema';
import { describe, expect, it } from 'vitest';
import { SECTION_SPECS, type FieldSpec } from '../lib/describe-schema';

// Every key the schema allows, read independently of the editor's own walk (through
// JSON Schema), so a field the editor failed to describe shows up as missing here.
function schemaKeys(json: Record<string, unknown>, prefix: string, out: Set<string>): void {
  const properties = (json.properties ?? {}) as Record<string, Record<string, unknown>>;
  for (const [key, raw] of Object.entries(properties)) {
    if (key === 'id') continue;
    const variants = (raw.anyOf as Record<string, unknown>[] | undefined) ?? [raw];
    const value = variants.find((v) => v.type !== 'null') ?? raw;
    const path = prefix ? `${prefix}.${key}` : key;
    if (value.type === 'object') schemaKeys(value, path, out);
    else if (value.type === 'array' && (value.items as Record<string, unknown>)?.type === 'object') schemaKeys(value.items as Record<string, unknown>, `${path}[]`, out);
    else out.add(path);
  }
}

function specKeys(fields: readonly FieldSpec[], prefix: string, out: Set<string>): void {
  for (const field of fields) {
    const path = prefix ? `${prefix}.${field.key}` : field.key;
    if (field.kind === 'group') specKeys(field.fields, path, out);
    else if (field.kind === 'groups') specKeys(field.fields, `${path}[]`, out);
    else out.add(path);
  }
}

describe('the editor reads its forms off the CV schema', () => {
  it('describes all 18 sections in the schema order', () => {
    expect(SECTION_SPECS.map((spec) => spec.key)).toEqual([...SECTION_KEYS]);
    expect(SECTION_SPECS).toHaveLength(18);
  });

  it.each(SECTION_KEYS)('has an input for every field of %s', (key) => {
    const expected = new Set<string>();
    schemaKeys(SECTION_SCHEMAS[key].toJSONSchema() as Record<string, unknown>, '', expected);
    const spec = SECTION_SPECS.find((s) => s.key === key)!;
    const described = new Set<string>();
    if (spec.kind === 'list') {
      specKeys(spec.fields, `${spec.listKey}[]`, described);
      described.add('sectionTitle');
    } else specKeys(spec.fields, '', described);
    expect([...described].sort()).toEqual([...expected].sort());
  });

  it('gives prose a text area and short facts a line', () => {
    const experience = SECTION_SPECS.find((s) => s.key === 'experience')!;
    const kinds = Object.fromEntries(experience.fields.map((f) => [f.key, f.kind === 'text' || f.kind === 'list' ? `${f.kind}:${f.long}` : f.kind]));
    expect(kinds).toMatchObject({ jobTitle: 'text:false', companyDescription: 'text:true', responsibilities: 'list:true', technologies: 'list:false', teamSize: 'number', dateRange: 'group' });
  });
});
