import { extractOffline } from '../../../src/extraction/extractors/offline/offline-extractor';
import { documentOf, heading, name, type LineSpec } from './document';

// Citations as academic CVs print them, read through the whole offline extractor.

const read = (specs: LineSpec[]) => extractOffline(documentOf([name('Jane Doe'), 'jane@example.com', heading('Publications'), ...specs], 'docx')).cv.publications.items;
const fields = (items: ReturnType<typeof read>) => items.map(({ title, authors, publication, datePublished }) => ({ title, authors, publication, datePublished }));

describe('citations', () => {
  it('takes the date from its own column, before or after the citation, and reads authors, title and venue without it', () => {
    const items = read([
      '2024\tS. Lindqvist, T. Mbeki, J. Halvorsen. Uncertainty-aware clustering for single-cell atlases. Nature Methods',
      '2018\tS. Lindqvist. Zero inflation in single-cell data is mostly a sampling artefact. Genome Biology',
      'J. Doe and A. Smith. Neural ranking for e-commerce search. Proceedings of SIGIR\tMar 2020',
    ]);
    expect(fields(items)).toEqual([
      { title: 'Uncertainty-aware clustering for single-cell atlases', authors: ['S. Lindqvist', 'T. Mbeki', 'J. Halvorsen'], publication: 'Nature Methods', datePublished: '2024' },
      { title: 'Zero inflation in single-cell data is mostly a sampling artefact', authors: ['S. Lindqvist'], publication: 'Genome Biology', datePublished: '2018' },
      { title: 'Neural ranking for e-commerce search', authors: ['J. Doe', 'A. Smith'], publication: 'Proceedings of SIGIR', datePublished: '2020-03' },
    ]);
  });
});

describe('a DOI broken at the end of a line', () => {
  it('goes on at the start of the next line', () => {
    const items = extractOffline(
      documentOf(
        [
          name('Jane Doe'),
          'jane@example.com',
          heading('Publications'),
          'S. Lindqvist, A. Okonkwo. A statistical atlas of clonal expansion. Nature Genetics, 2020. doi:10.1038/s41588-',
          '020-0655-7',
          ['P. Hale, S. Lindqvist. Technical noise in single-cell transcriptomics. Nature Methods, 2011. doi:10.1038/nmeth.1702', { gapBefore: 20 }],
        ],
        'pdf',
      ),
    ).cv.publications.items;
    expect(items.map((item) => item.doi)).toEqual(['10.1038/s41588-020-0655-7', '10.1038/nmeth.1702']);
  });
});
