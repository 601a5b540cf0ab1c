import { z } from 'zod';
import { createId, CvSchema, emptyCv, SECTION_KEYS, SECTION_SCHEMAS, type Cv, type SectionKey } from '@r2w/cv-schema';

// The record_cv tool, shared by every model extractor (each wraps it in its API's wire
// format). Its parameters are derived from the shared CV schema, so the two cannot drift:
// the same sections and fields, without the ids (assigned here) and the size limits
// (enforced when the answer is validated).

type JsonSchema = { [key: string]: unknown };

function withoutIds(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutIds);
  if (!schema || typeof schema !== 'object') return schema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema as JsonSchema)) {
    if (key === 'properties' && value && typeof value === 'object') {
      const { id: _id, ...rest } = value as JsonSchema;
      out[key] = withoutIds(rest);
    } else if (key === 'required' && Array.isArray(value)) {
      out[key] = value.filter((name) => name !== 'id');
    } else if (key !== 'maxLength' && key !== 'maxItems' && key !== '$schema') {
      out[key] = withoutIds(value);
    }
  }
  return out;
}

export const RECORD_CV_TOOL = {
  name: 'record_cv',
  description: 'Records the facts of one CV in 18 sections. Call it exactly once with everything the CV states.',
  /** JSON Schema of the call's arguments. */
  parameters: {
    type: 'object' as const,
    properties: {
      ...Object.fromEntries(SECTION_KEYS.map((key) => [key, withoutIds(z.toJSONSchema(SECTION_SCHEMAS[key], { unrepresentable: 'any' }))])),
      unclassifiedText: { type: 'array', items: { type: 'string' }, description: 'CV text that fits no section.' },
      confidence: {
        type: 'object',
        properties: Object.fromEntries(SECTION_KEYS.map((key) => [key, { type: 'number', minimum: 0, maximum: 1 }])),
        additionalProperties: false,
      },
    },
    required: ['hero', 'contact'],
    additionalProperties: false,
  },
};

const ToolInput = z.looseObject({
  unclassifiedText: z.array(z.string()).nullish(),
  confidence: z.partialRecord(z.enum(SECTION_KEYS), z.number().min(0).max(1)).nullish(),
});

export class MalformedToolOutput extends Error {
  constructor(readonly issues: string[]) {
    super(`The model's record_cv answer does not fit the CV schema: ${issues.slice(0, 5).join('; ')}`);
    this.name = 'MalformedToolOutput';
  }
}

type ListSection = { sectionTitle?: string | null; items?: object[] | null };
type SkillsSection = { sectionTitle?: string | null; skillCategories?: object[] | null };

function withIds(items: unknown): object[] {
  return Array.isArray(items) ? items.filter((item): item is object => !!item && typeof item === 'object').map((item) => ({ ...item, id: createId() })) : [];
}

/** Turns the tool input into a CV (ids added, absent sections empty) or throws MalformedToolOutput. */
export function cvFromToolInput(input: unknown): { cv: Cv; unclassifiedText: string[]; confidence: Partial<Record<SectionKey, number>> } {
  const envelope = ToolInput.safeParse(input);
  if (!envelope.success) throw new MalformedToolOutput(envelope.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const raw = envelope.data as Record<string, unknown>;
  const base = emptyCv() as Record<string, unknown>;
  const draft: Record<string, unknown> = { schemaVersion: 1 };
  for (const key of SECTION_KEYS) {
    const value = raw[key];
    const empty = base[key] as Record<string, unknown>;
    if (value === undefined || value === null) {
      draft[key] = empty;
    } else if (key === 'hero' || key === 'contact' || key === 'summary') {
      draft[key] = value;
    } else if (key === 'skills') {
      const skills = value as SkillsSection;
      draft[key] = { sectionTitle: skills.sectionTitle || empty.sectionTitle, skillCategories: withIds(skills.skillCategories) };
    } else {
      const section = value as ListSection;
      draft[key] = { sectionTitle: section.sectionTitle || empty.sectionTitle, items: withIds(section.items) };
    }
  }
  const parsed = CvSchema.safeParse(draft);
  if (!parsed.success) throw new MalformedToolOutput(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  return { cv: parsed.data, unclassifiedText: envelope.data.unclassifiedText ?? [], confidence: envelope.data.confidence ?? {} };
}
