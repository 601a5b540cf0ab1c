import { extractOffline } from '../../../src/extraction/extractors/offline/offline-extractor';
import { documentOf, name, type LineSpec } from './document';

// Headings set in a narrow left margin, flush right against the text, wrap onto a second line.

const margin = (text: string, gapBefore: number): LineSpec => [text, { x: 158 - text.length * 7, width: text.length * 7, fontSize: 14, gapBefore }];
const body = (text: string, gapBefore: number): LineSpec => [text, { x: 177, gapBefore }];

describe('a heading wrapped in the margin', () => {
  it('is one heading, and the line beside its first half belongs to its section', () => {
    const { cv } = extractOffline(
      documentOf(
        [
          name('Jane Doe'),
          'jane@example.com',
          margin('Experience', 30),
          body('Professor of Statistics, University of Edinburgh\t2019 – present', 0),
          margin('Selected', 30),
          body('S. Lindqvist, T. Mbeki. Uncertainty-aware clustering for single-cell atlases. Nature Methods, 2024.', 0),
          margin('Publications', 15),
          body('A. Okonkwo, S. Lindqvist. Deconvolution of bulk tumour transcriptomes. Genome Biology, 2023.', 0),
        ],
        'pdf',
      ),
    );
    expect(cv.publications.sectionTitle).toBe('Selected Publications');
    expect(cv.publications.items.map((item) => item.title)).toEqual(['Uncertainty-aware clustering for single-cell atlases', 'Deconvolution of bulk tumour transcriptomes']);
  });
});
