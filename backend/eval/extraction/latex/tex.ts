import type { Group, Line } from '../cv-document';

// Turning CV text into LaTeX source: what a person typing their CV into a .tex file writes
// for the same characters, so the class sets the text exactly as it was given.

const SPECIALS: Record<string, string> = {
  '\\': String.raw`\textbackslash{}`,
  '{': String.raw`\{`,
  '}': String.raw`\}`,
  $: String.raw`\$`,
  '&': String.raw`\&`,
  '%': String.raw`\%`,
  '#': String.raw`\#`,
  _: String.raw`\_`,
  '^': String.raw`\textasciicircum{}`,
  '~': String.raw`\textasciitilde{}`,
  // T1 fonts turn "<" and ">" into ¡ and ¿; the text commands print the signs themselves.
  '<': String.raw`\textless{}`,
  '>': String.raw`\textgreater{}`,
  '|': String.raw`\textbar{}`,
};

/**
 * Escapes the characters TeX gives a meaning to. Apostrophes, quotes and dashes are left as
 * typed: the input is UTF-8, so "’" and "–" reach the font as themselves, and an ASCII
 * hyphen stays a hyphen because TeX only joins "--" into a dash, which escaping keeps apart.
 */
export function tex(text: string): string {
  return text
    .replace(/[\\{}$&%#_^~<>|]/g, (char) => SPECIALS[char] ?? char)
    .replace(/--/g, '-{}-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A labelled line as CVs print it: "Label: text", the label in bold. */
export function lineTex(line: Line): string {
  if (line.quote) return `\\emph{“${tex(line.text)}”}`;
  return line.label === undefined ? tex(line.text) : `\\textbf{${tex(line.label)}:} ${tex(line.text)}`;
}

/** Bullets as a list environment (itemize unless the class has its own). */
export function itemsTex(items: string[], list = 'itemize'): string {
  return `\\begin{${list}}\n${items.map((item) => `  \\item ${tex(item)}`).join('\n')}\n\\end{${list}}`;
}

/**
 * An entry's lines and bullet groups as one block: lines broken with \newline (no \par, so
 * the block can be the argument of a class's entry command), each group's label a line of
 * its own above its list.
 */
export function detailsTex(lines: Line[], groups: Group[], list = 'itemize'): string {
  const blocks: string[] = [];
  let run = lines.map(lineTex);
  for (const group of groups) {
    if (group.label !== undefined) run.push(`\\textbf{${tex(group.label)}}`);
    blocks.push([run.join('\\newline{}'), itemsTex(group.items, list)].filter(Boolean).join('\n'));
    run = [];
  }
  if (run.length > 0) blocks.push(run.join('\\newline{}'));
  return blocks.join('\n');
}

/** Cells of one table row, with a visible gap whatever \tabcolsep a class sets. */
export function columnsTex(cells: string[]): string {
  const spec = cells.map(() => 'l').join(String.raw`@{\hspace{1.5em}}`);
  return String.raw`\begin{tabular}[t]{@{}${spec}@{}}${cells.map(tex).join(' & ')}\end{tabular}`;
}
