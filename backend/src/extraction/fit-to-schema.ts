import { createId, CvSchema, MAX_LIST_ITEMS, MAX_LONG_TEXT, type Cv } from '@r2w/cv-schema';
import type { z } from 'zod';

// An extractor reads whatever a file holds: a 2,100-character skills line, 600 languages,
// two entries with one id. The CV schema bounds every value, so instead of failing the
// job (a file's content gives the same answer on every retry) the result is made to fit:
// long text is cut at a word, long lists are cut short, and everything cut away goes to
// the text the person is asked to place, so nothing the CV said is lost silently.

export interface FittedCv {
  /** The sections, valid against the CV schema (without the extraction report). */
  sections: Omit<Cv, 'extraction'>;
  /** Text moved out of the sections, for the unplaced-text list. */
  moved: string[];
  /** How many values were changed to fit. */
  changes: number;
}

type Container = Record<string | number, unknown>;

const SECTIONS_ONLY = CvSchema.omit({ extraction: true });
// Each round fixes every issue zod reports; a fix can only reveal an issue one level down.
const MAX_ROUNDS = 6;

/** Every string inside a value, for moving it to the unplaced text. */
function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() ? [value] : [];
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => (key === 'id' ? [] : textsOf(inner)));
  return [];
}

/** Cut at the last space before the limit when there is one in the last fifth, else hard. */
function cutAtWord(text: string, max: number): string {
  const hard = text.slice(0, max);
  const space = hard.lastIndexOf(' ');
  return (space > max * 0.8 ? hard.slice(0, space) : hard).trimEnd();
}

function containerAt(root: unknown, path: readonly PropertyKey[]): Container | null {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return null;
    node = (node as Container)[key as string];
  }
  return node !== null && typeof node === 'object' ? (node as Container) : null;
}

function fix(root: unknown, issue: z.core.$ZodIssue, moved: string[]): boolean {
  const path = issue.path;
  if (issue.code === 'unrecognized_keys') {
    const target = containerAt(root, path);
    if (!target) return false;
    for (const key of issue.keys) {
      moved.push(...textsOf(target[key]));
      delete target[key];
    }
    return true;
  }
  if (path.length === 0) return false;
  const parent = containerAt(root, path.slice(0, -1));
  const key = path[path.length - 1] as string | number;
  if (!parent) return false;
  const value = parent[key];

  if (issue.code === 'too_big' && typeof value === 'string') {
    moved.push(value);
    parent[key] = cutAtWord(value, Number(issue.maximum));
    return true;
  }
  if (issue.code === 'too_big' && Array.isArray(value)) {
    moved.push(...textsOf(value.splice(Number(issue.maximum))));
    return true;
  }
  if (issue.code === 'custom' && key === 'id') {
    parent[key] = createId();
    return true;
  }
  // Anything else (a script URL, a wrong type): the value leaves the field but not the CV.
  moved.push(...textsOf(value));
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else if (typeof value === 'string' || value === null) parent[key] = key === 'sectionTitle' ? '' : null;
  else parent[key] = null;
  return true;
}

export function fitToCvSchema(candidate: Omit<Cv, 'extraction'>): FittedCv {
  const draft: unknown = structuredClone(candidate);
  const moved: string[] = [];
  let changes = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const parsed = SECTIONS_ONLY.safeParse(draft);
    if (parsed.success) return { sections: parsed.data, moved, changes };
    // Deepest first, and list items from the end, so a splice never shifts a path still to fix.
    const issues = [...parsed.error.issues].sort((a, b) => b.path.length - a.path.length || String(b.path.at(-1)).localeCompare(String(a.path.at(-1)), 'en', { numeric: true }));
    for (const issue of issues) if (fix(draft, issue, moved)) changes++;
  }
  // Still invalid: a shape no extractor should produce. Parse once more to throw zod's account of it.
  return { sections: SECTIONS_ONLY.parse(draft), moved, changes };
}

/**
 * The unplaced-text list within its bounds: pieces of at most MAX_LONG_TEXT characters,
 * at most MAX_LIST_ITEMS of them, later pieces joined onto the last. Returns how many
 * characters did not fit at all.
 */
export function boundUnplacedText(lines: readonly string[]): { unclassifiedText: string[]; droppedChars: number } {
  const pieces = lines.flatMap((line) => {
    const out: string[] = [];
    for (let at = 0; at < line.length; at += MAX_LONG_TEXT) out.push(line.slice(at, at + MAX_LONG_TEXT));
    return out;
  });
  if (pieces.length <= MAX_LIST_ITEMS) return { unclassifiedText: pieces, droppedChars: 0 };
  const kept = pieces.slice(0, MAX_LIST_ITEMS - 1);
  const tail = pieces.slice(MAX_LIST_ITEMS - 1).join('\n');
  kept.push(tail.slice(0, MAX_LONG_TEXT));
  return { unclassifiedText: kept, droppedChars: Math.max(0, tail.length - MAX_LONG_TEXT) };
}
