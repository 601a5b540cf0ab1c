import type { Cv, SectionKey } from '@r2w/cv-schema';
import type { DocumentText } from '../text/document-text';

// What every extractor (Claude, an OpenAI-compatible server, offline) produces from a CV's text. The pipeline then
// checks the values against the text, validates and records provenance.
export interface ExtractorResult {
  /** The 18 sections; `extraction` is added by the pipeline. */
  cv: Cv;
  /** CV text that fitted no section, so nothing is silently dropped. */
  unclassifiedText: string[];
  /** How sure the extractor is of each section it filled, 0..1. */
  confidence: Partial<Record<SectionKey, number>>;
}

export interface CvExtractor {
  readonly name: 'claude' | 'openai-compatible' | 'offline';
  extract(document: DocumentText): Promise<ExtractorResult>;
}
