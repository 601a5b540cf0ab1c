import { findUrl } from './contact-fields';
import { fieldOfLabel, type FieldLabel } from './field-labels';
import type { Line } from './lines';
import { isProse, labelled } from './text';

// The details of an entry sorted by how the CV marks them: "Label: value" lines, bullets
// (under the label of their group, if one stands over them) and plain lines.

export interface Bullet {
  text: string;
  /** The field named by the label over the bullets' group, if any. */
  group: FieldLabel | null;
}

export interface BodyFacts {
  fields: Map<FieldLabel, string[]>;
  bullets: Bullet[];
  plain: string[];
  /** Labelled lines whose label names no field this section has. */
  unknown: string[];
}

export function readBody(body: readonly Line[], allowed: readonly FieldLabel[]): BodyFacts {
  const facts: BodyFacts = { fields: new Map(), bullets: [], plain: [], unknown: [] };
  let group: FieldLabel | null = null;
  // Whether the group's label headed plain lines (no glyphs), which then are its items too.
  let plainGroup = false;
  const plainFrom = plainTails(body);
  // A label alone on its line ("Technologies:" in a narrow column) takes the next line as its value.
  let pending: FieldLabel | null = null;
  body.forEach((line, index) => {
    const next = body[index + 1];
    const pair = labelled(line.text);
    const field = fieldOfLabel(pair ? pair.label : line.text, allowed);
    // "• Tech: Python, Spark" is a labelled line written as a bullet.
    if (line.listItem && !(field && pair?.value)) {
      facts.bullets.push({ text: line.text, group });
      return;
    }
    if (pending && !pair) {
      add(facts.fields, pending, line.text);
      pending = null;
      return;
    }
    pending = null;
    if (field && pair?.value) {
      add(facts.fields, field, pair.value);
      group = null;
    } else if (field && next?.listItem) {
      [group, plainGroup] = [field, false];
    } else if (field && !pair && LIST_FIELDS.has(field) && body.length - index - 1 >= 2 && plainFrom[index + 1]) {
      // A label with no colon over two plain lines or more ("Highlights" over sentences, a
      // theme that sets its items without glyphs): the lines are the label's items.
      [group, plainGroup] = [field, true];
    } else if (group && plainGroup && !pair) {
      facts.bullets.push({ text: line.text, group });
    } else if (field && next) {
      pending = field;
    } else if (pair?.value && !isProse(line.text)) {
      facts.unknown.push(line.text);
    } else {
      facts.plain.push(line.text);
      group = null;
    }
  });
  return facts;
}

// Fields whose parsers read a list of items, which a label may head with no glyph before each item.
const LIST_FIELDS = new Set<FieldLabel>(['achievements', 'highlights', 'responsibilities', 'keyProjects', 'keyFeatures']);

/** For each line, whether it and every line after it are plain (no glyph, no "Label:"); one pass from the end. */
function plainTails(body: readonly Line[]): boolean[] {
  const plain: boolean[] = new Array(body.length + 1).fill(false);
  plain[body.length] = true;
  for (let index = body.length - 1; index >= 0; index -= 1) plain[index] = plain[index + 1]! && !body[index]!.listItem && labelled(body[index]!.text) === null;
  return plain;
}

function add(fields: Map<FieldLabel, string[]>, field: FieldLabel, value: string): void {
  fields.set(field, [...(fields.get(field) ?? []), value]);
}

export const first = (facts: BodyFacts, field: FieldLabel): string | undefined => facts.fields.get(field)?.[0];

/** The bullets of one group; null gathers those under no label. */
export const bulletsOf = (facts: BodyFacts, group: FieldLabel | null): string[] => facts.bullets.filter((bullet) => bullet.group === group).map((bullet) => bullet.text);

/** The body's unlabelled lines apart: those that are a bare link, and the rest (prose). */
export function plainAndLinks(facts: BodyFacts): { urls: string[]; text: string[] } {
  const urls = facts.plain.filter((line) => findUrl(line) === line);
  return { urls, text: facts.plain.filter((line) => !urls.includes(line)) };
}

/**
 * The lines' text, with a label standing alone on its line ("Chess:" in a narrow sidebar)
 * joined to the line after it as "Chess: rated 1850", the way a wide page prints it.
 */
export function withLabelsJoined(lines: readonly Line[]): { text: string; label?: string; value?: string }[] {
  const joined: { text: string; label?: string; value?: string }[] = [];
  lines.forEach((line, index) => {
    const previous = lines[index - 1];
    const pair = labelled(line.text);
    const pending = previous ? labelled(previous.text) : null;
    if (pair && !pair.value && lines[index + 1] && !labelled(lines[index + 1]!.text)) return;
    if (pending && !pending.value && !pair) joined.push({ text: `${previous!.text} ${line.text}`, label: pending.label, value: line.text });
    else joined.push(pair ? { text: line.text, label: pair.label, value: pair.value } : { text: line.text });
  });
  return joined;
}
