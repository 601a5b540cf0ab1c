import type { DraftLine } from './text-lines';

// Running headers and footers ("Jane Doe · Résumé 2", "Page 2 of 3", a date) are printed
// by the page, not written in the CV: read as text they land inside whatever section the
// page break interrupted and become jobs, degrees or awards. They are told apart by where
// they stand and that they repeat, not by their words: a line in the top or bottom margin
// that comes back on other pages at the same height, or a page number there.

export interface PageLines {
  lines: DraftLine[];
  /** The page's height in points. */
  height: number;
}

// The share of the page's height at its top and bottom where running heads are printed
// (page margins are 5–12 % of an A4 or Letter page).
const MARGIN_SHARE = 0.12;
// How far apart, as a share of the page's height, two pages may print the same running head.
const SAME_HEIGHT_SHARE = 0.015;
// A page number with at most two short words around it: "3", "- 3 -", "3/4", "Page 3 of 4",
// "Seite 3 von 4", "第 3 页". Short words only, so that "Python 3" in a sentence is never one.
const PAGE_NUMBER = /^[^\p{L}\d]*(?:\p{L}{1,6}\.?[^\p{L}\d]*)?\d{1,3}(?:[^\p{L}\d]*\p{L}{1,6}\.?)?(?:[^\p{L}\d]*\d{1,3})?[^\p{L}\d]*$/u;

type Band = 'top' | 'bottom';

/**
 * The pages' lines without their running heads and page numbers. The first page keeps a
 * repeated head printed above its text (a letterhead with the name and contact details is
 * the CV's own header there); repeated feet and every other page's heads go.
 */
export function withoutPageFurniture(pages: readonly PageLines[]): DraftLine[][] {
  const marginal = pages.map((page) => page.lines.map((line) => bandOf(line, page)));
  const repeated = repeatedLines(pages, marginal);
  return pages.map((page, index) =>
    page.lines.filter((line, at) => {
      const band = marginal[index]![at] ?? null;
      if (band === null || !isOutermost(line, page.lines, band)) return true;
      if (repeated.has(line)) return band === 'top' && line.page === 1;
      return !PAGE_NUMBER.test(line.text.trim());
    }),
  );
}

function bandOf(line: DraftLine, page: PageLines): Band | null {
  if (line.y < page.height * MARGIN_SHARE) return 'top';
  if (line.y + line.fontSize > page.height * (1 - MARGIN_SHARE)) return 'bottom';
  return null;
}

/** Nothing else on the page stands further out in the margin (a page's last body line is no footer when a footer is below it). */
function isOutermost(line: DraftLine, lines: readonly DraftLine[], band: Band): boolean {
  // Lines of one row (a head in three parts: left, centre, right) stand equally far out.
  const slack = line.fontSize / 2;
  return band === 'top' ? lines.every((other) => other.y >= line.y - slack) : lines.every((other) => other.y <= line.y + slack);
}

/** Margin lines that come back, digits aside, at about the same height on another page. */
function repeatedLines(pages: readonly PageLines[], marginal: readonly (Band | null)[][]): Set<DraftLine> {
  const groups = new Map<string, DraftLine[]>();
  pages.forEach((page, index) =>
    page.lines.forEach((line, at) => {
      const band = marginal[index]![at];
      if (band === null) return;
      // Page numbers and dates change from page to page; the words around them do not.
      const key = `${band}|${line.text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase()}`;
      groups.set(key, [...(groups.get(key) ?? []), line]);
    }),
  );
  const repeated = new Set<DraftLine>();
  for (const lines of groups.values()) {
    for (const line of lines) {
      const height = pages[line.page - 1]?.height ?? 0;
      const again = lines.some((other) => other.page !== line.page && Math.abs(other.y - line.y) <= height * SAME_HEIGHT_SHARE);
      if (again) repeated.add(line);
    }
  }
  return repeated;
}
