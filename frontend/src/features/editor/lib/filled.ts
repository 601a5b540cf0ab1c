import type { SectionSpec } from './describe-schema';

/** Whether a value says anything: absent, blank, empty lists and objects of such do not. */
export function isFilled(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.some(isFilled);
  if (typeof value === 'object') return Object.values(value).some(isFilled);
  return true;
}

/** How much a section holds: its entries, or the filled fields of a one-part section. */
export function sectionCount(spec: SectionSpec, value: unknown): number {
  if (spec.kind === 'single') return spec.fields.filter((field) => isFilled((value as Record<string, unknown> | undefined)?.[field.key])).length;
  return ((value as Record<string, unknown[]> | undefined)?.[spec.listKey] ?? []).length;
}
