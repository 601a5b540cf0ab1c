import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CvSchema, type Cv } from '@r2w/cv-schema';
import { loadCorpus } from '../corpus';

// The CVs others' layouts are fed with: the project's corpus (and the JSON Resume sample), and
// the CVs in cvs/, written in the shapes real CVs take that the corpus lacks (see cvs/README.md).

export interface SourceCv {
  name: string;
  /** Where the CV comes from, for SOURCES.md. */
  origin: string;
  /** The language it is written in (ISO 639-1). */
  lang: string;
  cv: Cv;
}

const CVS_DIR = path.join(__dirname, 'cvs');
const FILE_NAME = /^(?<name>[a-z0-9-]+)\.(?<lang>[a-z]{2})\.json$/;

/** The CVs in cvs/ (<name>.<lang>.json, each a Cv). */
export function newCvs(): SourceCv[] {
  return readdirSync(CVS_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const parts = FILE_NAME.exec(file)?.groups;
      if (!parts?.name || !parts.lang) throw new Error(`render-others/cvs/${file}: name it <name>.<lang>.json`);
      return { name: parts.name, lang: parts.lang, origin: `render-others/cvs/${file}`, cv: CvSchema.parse(JSON.parse(readFileSync(path.join(CVS_DIR, file), 'utf8'))) };
    });
}

export function corpusCvs(): SourceCv[] {
  return loadCorpus().map((entry) => ({ name: entry.name, lang: entry.lang, origin: entry.origin === 'project' ? `corpus/${entry.name}.${entry.lang}.json` : 'the JSON Resume sample', cv: entry.cv }));
}
