import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cvFacts, emptyCv, type Cv } from '@r2w/cv-schema';
import { compareCvs } from '../../eval/extraction/metrics';
import { familiesIn, loadFamily, loadOthers, OthersCorpusError } from '../../eval/extraction/others';
import { documentLabel, extractorReport, weakestDocuments, type DocumentResult } from '../../eval/extraction/report';

// The loader is the contract with whoever adds a family (README.md, "Layouts by others"): a
// broken folder must stop the eval with the file's name, never be scored as if it were right.

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'r2w-others-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function cvNamed(name: string): Cv {
  const cv = emptyCv();
  cv.hero.fullName = name;
  cv.experience.items = [{ id: 'job', jobTitle: 'Engineer', companyName: 'Acme', dateRange: { start: '2020-01', end: null, isCurrent: true, text: 'Jan 2020 – Present' } }];
  return cv;
}

function family(name: string, files: Record<string, string | object>): void {
  mkdirSync(path.join(dir, name));
  for (const [file, content] of Object.entries(files)) writeFileSync(path.join(dir, name, file), typeof content === 'string' ? content : JSON.stringify(content));
}

describe('loading others/<family>/', () => {
  it('reads each document with its truth, one truth for all formats of a name', () => {
    family('theme-a', { 'SOURCES.md': '# a', 'ada.pdf': '%PDF', 'ada.docx': 'PK', 'ada.truth.json': cvNamed('Ada Lovelace'), 'bob.pdf': '%PDF', 'bob.truth.json': cvNamed('Bob Ross') });
    mkdirSync(path.join(dir, 'latex-moderncv'));
    writeFileSync(path.join(dir, 'render-theme-a.ts'), '// a script beside the folders is not a family');
    expect(familiesIn(dir)).toEqual(['latex-moderncv', 'theme-a']);
    const documents = loadFamily('theme-a', dir);
    expect(documents.map((document) => [document.name, document.format, document.truth.hero.fullName])).toEqual([
      ['ada', 'docx', 'Ada Lovelace'],
      ['ada', 'pdf', 'Ada Lovelace'],
      ['bob', 'pdf', 'Bob Ross'],
    ]);
  });

  it('fails on a truth that is not a valid CV, naming the file and the field', () => {
    const invalid = { ...cvNamed('Ada'), experience: { sectionTitle: 'Experience', items: [{ id: 'x', jobTitle: 42 }] } };
    family('theme-a', { 'SOURCES.md': '# a', 'ada.pdf': '%PDF', 'ada.truth.json': invalid });
    expect(() => loadFamily('theme-a', dir)).toThrow(OthersCorpusError);
    expect(() => loadFamily('theme-a', dir)).toThrow(/ada\.truth\.json is not a valid CV: experience\.items\.0\.jobTitle/);
  });

  it('fails on a truth that is not JSON, and on a CV without its schema version', () => {
    family('theme-a', { 'SOURCES.md': '# a', 'ada.pdf': '%PDF', 'ada.truth.json': '{"hero": ' });
    expect(() => loadFamily('theme-a', dir)).toThrow(/ada\.truth\.json is not JSON/);
    const { schemaVersion: _dropped, ...unversioned } = cvNamed('Bob');
    family('theme-b', { 'SOURCES.md': '# b', 'bob.pdf': '%PDF', 'bob.truth.json': unversioned });
    expect(() => loadFamily('theme-b', dir)).toThrow(/bob\.truth\.json is not a valid CV: schemaVersion/);
  });

  it('fails on a family folder without SOURCES.md', () => {
    family('theme-a', { 'ada.pdf': '%PDF', 'ada.truth.json': cvNamed('Ada') });
    expect(() => loadOthers(['theme-a'], dir)).toThrow(/theme-a has no SOURCES\.md/);
  });

  it('fails on a document without a truth, a truth without a document, an empty folder, and the name "ours"', () => {
    family('no-truth', { 'SOURCES.md': '# a', 'ada.pdf': '%PDF' });
    expect(() => loadFamily('no-truth', dir)).toThrow(/ada\.pdf has no ada\.truth\.json/);
    family('no-document', { 'SOURCES.md': '# a', 'ada.truth.json': cvNamed('Ada') });
    expect(() => loadFamily('no-document', dir)).toThrow(/ada\.truth\.json without a document/);
    family('empty', { 'SOURCES.md': '# a' });
    expect(() => loadFamily('empty', dir)).toThrow(/holds no document/);
    family('ours', { 'SOURCES.md': '# a', 'ada.pdf': '%PDF', 'ada.truth.json': cvNamed('Ada') });
    expect(() => loadFamily('ours', dir)).toThrow(/not "ours"/);
  });

  it('the committed families all load, each with documents whose truth states facts', () => {
    const documents = loadOthers();
    expect(new Set(documents.map((document) => document.family)).size).toBeGreaterThanOrEqual(6);
    for (const document of documents) expect(cvFacts(document.truth).length).toBeGreaterThan(10);
  });
});

describe('the report on ours and others', () => {
  const truth = cvNamed('Ada Lovelace');
  const result = (cv: string, family: string, extracted: Cv): DocumentResult => ({
    extractor: 'offline',
    cv,
    origin: family === 'ours' ? 'project' : 'others',
    family,
    layout: family === 'ours' ? 'classic' : family,
    format: 'pdf',
    status: 'ok',
    ms: 1,
    rejectedValues: 0,
    synthetic: false,
    comparison: compareCvs(truth, extracted),
  });
  const wrongName = { ...truth, hero: { fullName: 'Acme' } };
  const results = [result('ada', 'ours', truth), result('ada', 'jsonresume-even', wrongName), result('bob', 'latex-moderncv', emptyCv())];

  it('names a document by its rendering, or by family/file for others', () => {
    expect(results.map(documentLabel)).toEqual(['ada.classic.pdf', 'jsonresume-even/ada.pdf', 'latex-moderncv/bob.pdf']);
  });

  it('lists the weakest documents first, with their missed and extra facts', () => {
    const lines = weakestDocuments(results, 2);
    expect(lines[0]).toMatch(/^Weakest 2 documents/);
    expect(lines[1]).toMatch(/^ {2}0\.00 {2}latex-moderncv\/bob\.pdf: 5 missed, 0 extra of 5 true facts$/);
    expect(lines).toContain('    - hero.fullName = "Ada Lovelace"');
    expect(lines.find((line) => line.includes('jsonresume-even/ada.pdf'))).toMatch(/^ {2}0\.80 /);
    expect(lines).toContain('    + hero.fullName = "Acme"');
    expect(lines.some((line) => line.includes('ada.classic.pdf'))).toBe(false);
  });

  it('prints F1 per family, and ours apart from others', () => {
    const text = extractorReport('offline', results, false).join('\n');
    expect(text).toMatch(/Layouts by others \(2 families, 2 documents\)/);
    expect(text).toMatch(/^ours +5 +5 +5 +1\.00 +1\.00 +1\.00 1 docs$/m);
    expect(text).toMatch(/^others +10 +5 +4 +0\.80 +0\.40 +0\.53 2 docs$/m);
    expect(text).toMatch(/^others: latex-\* +5 +0 +0 +— +0\.00 +— 1 docs$/m);
    expect(text).toMatch(/^jsonresume-even +5 +5 +4 +0\.80 +0\.80 +0\.80 1 docs$/m);
  });
});
