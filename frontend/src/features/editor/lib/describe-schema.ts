import { SECTION_KEYS, SECTION_SCHEMAS, type SectionKey } from '@r2w/cv-schema';
import type { z } from 'zod';

// The editor's forms are read off the shared zod schemas, so every field the extractor
// can fill has an input, and a field added to the schema appears here without a change.

export type FieldSpec =
  | { key: string; kind: 'text'; long: boolean }
  | { key: string; kind: 'number'; integer: boolean }
  | { key: string; kind: 'boolean' }
  | { key: string; kind: 'list'; long: boolean }
  | { key: string; kind: 'group'; fields: FieldSpec[] }
  | { key: string; kind: 'groups'; fields: FieldSpec[] };

export type SectionSpec = { key: SectionKey; kind: 'single'; fields: FieldSpec[] } | { key: SectionKey; kind: 'list'; listKey: string; fields: FieldSpec[] };

type Def = { type: string; innerType?: z.ZodType; shape?: Record<string, z.ZodType>; element?: z.ZodType };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let def = defOf(current); (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') && def.innerType; def = defOf(current)) current = def.innerType;
  return current;
}

// Strings allowed beyond the short-text limit are prose: they get a text area.
const isLong = (schema: z.ZodType) => ((schema as z.ZodString).maxLength ?? 0) > 2_000;

function describeField(key: string, raw: z.ZodType): FieldSpec | null {
  const schema = unwrap(raw);
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return { key, kind: 'text', long: isLong(schema) };
    case 'number':
      return { key, kind: 'number', integer: Boolean((schema as z.ZodNumber).isInt) };
    case 'boolean':
      return { key, kind: 'boolean' };
    case 'object':
      return { key, kind: 'group', fields: describeShape(def.shape ?? {}) };
    case 'array': {
      const element = unwrap(def.element!);
      if (defOf(element).type === 'string') return { key, kind: 'list', long: isLong(element) };
      if (defOf(element).type === 'object') return { key, kind: 'groups', fields: describeShape(defOf(element).shape ?? {}) };
      return null;
    }
    default:
      return null;
  }
}

function describeShape(shape: Record<string, z.ZodType>): FieldSpec[] {
  return Object.entries(shape)
    .filter(([key]) => key !== 'id')
    .map(([key, schema]) => describeField(key, schema))
    .filter((spec): spec is FieldSpec => spec !== null);
}

function describeSection(key: SectionKey): SectionSpec {
  const shape = defOf(SECTION_SCHEMAS[key]).shape ?? {};
  // A list section is { sectionTitle, <items> }: the one array of objects beside the title.
  if ('sectionTitle' in shape) {
    const [listKey, list] = Object.entries(shape).find(([name]) => name !== 'sectionTitle')!;
    const item = unwrap(defOf(unwrap(list)).element!);
    return { key, kind: 'list', listKey, fields: describeShape(defOf(item).shape ?? {}) };
  }
  return { key, kind: 'single', fields: describeShape(shape) };
}

export const SECTION_SPECS: readonly SectionSpec[] = SECTION_KEYS.map(describeSection);
