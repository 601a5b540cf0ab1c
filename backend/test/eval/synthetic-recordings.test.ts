import { cvFromToolInput } from '../../src/extraction/extractors/llm/tool-schema';
import { keepOnlySourcedValues } from '../../src/extraction/source-check';
import { readRecording } from '../../eval/extraction/claude-recordings';
import { loadCorpus } from '../../eval/extraction/corpus';
import { cvDocument } from '../../eval/extraction/cv-document';
import { syntheticRecording } from '../../eval/extraction/make-synthetic-recordings';
import { compareCvs } from '../../eval/extraction/metrics';
import { renderText } from '../../eval/extraction/render-text';

const corpus = loadCorpus();

describe('synthetic Claude recordings', () => {
  it.each(corpus.map((entry) => [entry.name, entry] as const))('%s: the shipped file is what the generator makes now, marked synthetic', (name, entry) => {
    const recording = readRecording(name);
    expect(recording).not.toBeNull();
    // A real recording (from --record) replaces the synthetic one and is not regenerated.
    if (!recording!.synthetic) return;
    expect(recording!.input).toEqual(syntheticRecording(entry).input);
  });

  it('is deterministic', () => {
    const entry = corpus[0]!;
    expect(syntheticRecording(entry)).toEqual(syntheticRecording(entry));
  });

  it.each(corpus.map((entry) => [entry.name, entry] as const))('%s: deviates from the truth in the ways it lists, and the source check drops the reworded and invented values', (_name, entry) => {
    const { input, deviations } = syntheticRecording(entry);
    const kinds = new Set(deviations.map((deviation) => deviation.split(':')[0]));
    expect([...kinds].sort()).toEqual(['date', 'invented', 'misplaced', 'omitted bullet', 'reworded']);

    const { cv } = cvFromToolInput(input);
    const text = renderText(cvDocument(entry.cv, entry.lang));
    const { cv: checked, rejected } = keepOnlySourcedValues(cv, text);
    const reworded = deviations.filter((deviation) => deviation.startsWith('reworded')).map((deviation) => JSON.parse(deviation.slice(deviation.lastIndexOf(' → ') + 3)) as string);
    const rejectedValues = rejected.map((value) => value.value);
    expect(reworded.filter((value) => !rejectedValues.includes(value))).toEqual([]);
    expect(rejected.length).toBeGreaterThan(reworded.length);
    // What survives the source check still differs from the truth: the misplaced entry, the date, the omitted bullets.
    const { overall } = compareCvs(entry.cv, checked);
    expect(overall.matched).toBeLessThan(overall.truth);
    expect(overall.matched).toBeLessThan(overall.extracted);
  });
});
