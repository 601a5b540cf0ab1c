import { parseHobbies } from '../../../src/extraction/extractors/offline/parsers/hobbies';
import type { Line } from '../../../src/extraction/extractors/offline/lines';

const line = (text: string): Line => ({ text, page: 1, x: 40, y: 100, width: 300, fontSize: 10, bold: false, italic: false, column: 0, listItem: false, gapBefore: 0, underlined: false });
const names = (text: string) => parseHobbies([line(text)]).items.map((item) => [item.hobbyName, item.description]);

describe('hobbies set in one row of cells', () => {
  it('reads each cell as a hobby where none says more than the first', () => {
    expect(names('Ceramics\tHiking')).toEqual([
      ['Ceramics', undefined],
      ['Hiking', undefined],
    ]);
    expect(names('Rock climbing\tChess\tCooking')).toEqual([
      ['Rock climbing', undefined],
      ['Chess', undefined],
      ['Cooking', undefined],
    ]);
  });

  it('keeps a hobby and the cell that describes it together', () => {
    expect(names('Chess\tClub player')).toEqual([['Chess', 'Club player']]);
    expect(names('Photography\tstreet and travel')).toEqual([['Photography', 'street and travel']]);
  });
});
