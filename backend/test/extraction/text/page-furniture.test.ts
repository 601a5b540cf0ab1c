import { withoutPageFurniture, type PageLines } from '../../../src/extraction/text/page-furniture';
import type { DraftLine } from '../../../src/extraction/text/text-lines';

const HEIGHT = 842;

function line(text: string, page: number, y: number, extra: Partial<DraftLine> = {}): DraftLine {
  return { text, page, x: 50, y, width: text.length * 5, fontSize: 10, bold: false, italic: false, column: 0, ...extra };
}

// A body that fills each page from y 90 to y 740, as a CV's text does.
function body(page: number, texts: readonly string[]): DraftLine[] {
  return texts.map((text, index) => line(text, page, 90 + (index * 650) / Math.max(1, texts.length - 1)));
}

const pages = (...lines: DraftLine[][]): PageLines[] => lines.map((page) => ({ lines: page, height: HEIGHT }));
const kept = (result: DraftLine[][]) => result.map((page) => page.map((kept) => kept.text));

describe('withoutPageFurniture', () => {
  it('drops a running head that repeats on every page with its page number, keeping the first page’s above the text', () => {
    const result = withoutPageFurniture(
      pages(
        [line('Jane Doe · Résumé 1', 1, 40), ...body(1, ['Jane Doe', 'Experience', 'Engineer, Acme'])],
        [line('Jane Doe · Résumé 2', 2, 40.5), ...body(2, ['Built the billing system', 'Education'])],
        [line('Jane Doe · Résumé 3', 3, 40), ...body(3, ['BSc Physics', 'Awards'])],
      ),
    );
    expect(kept(result)).toEqual([
      ['Jane Doe · Résumé 1', 'Jane Doe', 'Experience', 'Engineer, Acme'],
      ['Built the billing system', 'Education'],
      ['BSc Physics', 'Awards'],
    ]);
  });

  it('drops a repeated footer in three parts (name, date, page x of y) on every page', () => {
    const footer = (page: number) => [line('Jane Doe', page, 800), line('December 2026', page, 800, { x: 260 }), line(`Page ${page} of 2`, page, 800, { x: 480 })];
    const result = withoutPageFurniture(pages([...body(1, ['Jane Doe', 'Experience', 'Engineer, Acme']), ...footer(1)], [...body(2, ['Education', 'BSc Physics']), ...footer(2)]));
    expect(kept(result)).toEqual([
      ['Jane Doe', 'Experience', 'Engineer, Acme'],
      ['Education', 'BSc Physics'],
    ]);
  });

  it('drops lone page numbers in the margins, in several forms, even on a one-page CV', () => {
    for (const number of ['1', '- 1 -', '1/2', 'Page 1 of 2', 'Seite 1 von 2', 'Página 1 de 2', '第 1 页']) {
      expect(kept(withoutPageFurniture(pages([...body(1, ['Jane Doe', 'Experience', 'Engineer, Acme']), line(number, 1, 805, { x: 290 })])))).toEqual([['Jane Doe', 'Experience', 'Engineer, Acme']]);
    }
  });

  it('keeps text that only looks like furniture: in the body, repeated at other heights, or not the outermost line', () => {
    const result = withoutPageFurniture(
      pages(
        // A body line with a number, a section heading that comes back lower down on the next page.
        [...body(1, ['Jane Doe', 'Python 3', 'Projects', 'Engineer, Acme']), line('Skills', 1, 60)],
        [...body(2, ['Education', 'Skills', 'BSc Physics']), line('Last line of the page 2', 2, 790), line('Berlin 2024', 2, 770)],
      ),
    );
    expect(kept(result)).toEqual([
      ['Jane Doe', 'Python 3', 'Projects', 'Engineer, Acme', 'Skills'],
      ['Education', 'Skills', 'BSc Physics', 'Last line of the page 2', 'Berlin 2024'],
    ]);
  });
});
