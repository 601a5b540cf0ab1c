import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CvSchema, fromJsonResume, type Cv } from '@r2w/cv-schema';
import { LANGS, type Lang } from './labels';

// The ground truth: the project's own CVs (corpus/<name>.<lang>.json, written as a careful
// person would extract them from the rendered document) and the JSON Resume project's sample,
// read from the shared fixtures and converted by the product's own importer.

/** Whose CV the truth is: the project's corpus, the JSON Resume sample, or a document laid out by others (others.ts). */
export type Origin = 'project' | 'jsonresume' | 'others';

export interface CorpusCv {
  name: string;
  lang: Lang;
  origin: Origin;
  cv: Cv;
}

const CORPUS_DIR = path.join(__dirname, 'corpus');
export const JSON_RESUME_SAMPLE = path.resolve(__dirname, '../../../cv-schema/fixtures/jsonresume-sample.resume.json');
const FILE_NAME = /^(?<name>[a-z0-9-]+)\.(?<lang>[a-z]{2})\.json$/;

function projectCv(file: string): CorpusCv {
  const parts = FILE_NAME.exec(file)?.groups;
  const lang = parts?.lang as Lang | undefined;
  if (!parts?.name || !lang || !LANGS.includes(lang)) throw new Error(`corpus/${file}: name it <name>.<${LANGS.join('|')}>.json`);
  const parsed = CvSchema.safeParse(JSON.parse(readFileSync(path.join(CORPUS_DIR, file), 'utf8')));
  if (!parsed.success) throw new Error(`corpus/${file} is not a valid CV: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  return { name: parts.name, lang, origin: 'project', cv: parsed.data };
}

export function loadCorpus(): CorpusCv[] {
  const own = readdirSync(CORPUS_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map(projectCv);
  const sample = fromJsonResume(JSON.parse(readFileSync(JSON_RESUME_SAMPLE, 'utf8')));
  return [...own, { name: 'jsonresume-sample', lang: 'en', origin: 'jsonresume', cv: sample }];
}
