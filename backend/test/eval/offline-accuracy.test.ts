import { CvSchema } from '@r2w/cv-schema';
import { loadCorpus } from '../../eval/extraction/corpus';
import { cvDocument } from '../../eval/extraction/cv-document';
import { addTally, compareCvs, emptyTally, scores } from '../../eval/extraction/metrics';
import { renderDocx } from '../../eval/extraction/render-docx';
import { LAYOUTS } from '../../eval/extraction/render-html';
import { renderText } from '../../eval/extraction/render-text';
import { OfflineExtractor } from '../../src/extraction/extractors/offline/offline-extractor';
import { assertLooksLikeCv } from '../../src/extraction/gate/cv-gate';
import { keepOnlySourcedValues } from '../../src/extraction/source-check';
import { parseDocument } from '../../src/extraction/text/parse-document';

// A guard on the accuracy target (offline F1 ≥ 0.90 on the project's corpus), kept
// in the test suite so a change that costs accuracy fails here, not in a later eval run.
// Text and DOCX in every layout; PDFs need Chromium and are measured by
// `npm run eval:extraction`. Same steps as the pipeline, in-process for speed.
it('extracts the project corpus (text and DOCX, every layout) at F1 ≥ 0.90, and every document passes the gate', async () => {
  const extractor = new OfflineExtractor();
  let total = emptyTally();
  for (const entry of loadCorpus().filter((c) => c.origin === 'project')) {
    const document = cvDocument(entry.cv, entry.lang);
    const files: [Buffer, 'txt' | 'docx'][] = [[Buffer.from(renderText(document)), 'txt']];
    for (const layout of LAYOUTS) files.push([await renderDocx(document, layout), 'docx']);
    for (const [file, kind] of files) {
      const text = await parseDocument(file, kind, 30);
      assertLooksLikeCv(text);
      const result = await extractor.extract(text);
      const checked = keepOnlySourcedValues(result.cv, text.plainText).cv;
      total = addTally(total, compareCvs(entry.cv, CvSchema.parse(checked)).overall);
    }
  }
  const { f1 } = scores(total);
  expect(total.truth).toBeGreaterThan(4000);
  expect(f1).toBeGreaterThanOrEqual(0.9);
}, 120_000);
