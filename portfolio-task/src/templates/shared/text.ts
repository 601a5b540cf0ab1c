type Text = string | null | undefined;

/** The text trimmed, or null when there is nothing to show. */
export function clean(value: Text): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

export function cleanList(values: readonly Text[] | null | undefined): string[] {
  return (values ?? []).map(clean).filter((value): value is string => value !== null);
}

/** The parts that have text, joined; null when none has. */
export function joinText(parts: readonly Text[], separator = ', '): string | null {
  const present = cleanList(parts);
  return present.length ? present.join(separator) : null;
}

/**
 * Whether a CV value states anything a visitor could read. `false` states nothing
 * (nativeLanguage: false alone is not an entry), and ids are the editor's keys, not facts.
 */
export function hasContent(value: unknown, ignoredKeys: readonly string[] = []): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.some((entry) => hasContent(entry));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).some(([key, entry]) => key !== 'id' && !ignoredKeys.includes(key) && hasContent(entry));
  }
  return false;
}
