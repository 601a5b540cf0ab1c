import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CvSchema, type Cv } from '@r2w/cv-schema';
import type { Format } from './documents';

// Documents laid out by other people (JSON Resume themes, LaTeX classes, LibreOffice…), one
// folder per layout family: others/<family>/<name>.<pdf|docx|txt> with <name>.truth.json (a Cv:
// what a careful person extracts from THAT document) and SOURCES.md (where the layout comes
// from, its licence, how the files were made). The files are committed, so reading them needs
// none of the tools that made them. README.md, section "Layouts by others", is the contract.

export const OTHERS_DIR = path.join(__dirname, 'others');
export const OUR_FAMILY = 'ours';
const DOCUMENT_FILE = /^(?<name>[a-z0-9][a-z0-9._-]*)\.(?<format>pdf|docx|txt)$/;
const TRUTH_SUFFIX = '.truth.json';
const FAMILY_NAME = /^[a-z0-9][a-z0-9-]*$/;

export interface OtherDocument {
  family: string;
  /** The file name without its extension; its truth is <name>.truth.json. */
  name: string;
  format: Format;
  file: string;
  truth: Cv;
}

/** A broken corpus folder: the message names the file and what is wrong with it. */
export class OthersCorpusError extends Error {
  override name = 'OthersCorpusError';
}

function readTruth(file: string): Cv {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new OthersCorpusError(`${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = CvSchema.safeParse(json);
  if (!parsed.success) {
    throw new OthersCorpusError(`${file} is not a valid CV: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ')}`);
  }
  return parsed.data;
}

/** The family folders under `dir` (every sub-folder is one; the render scripts beside them are not). */
export function familiesIn(dir = OTHERS_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((entry) => statSync(path.join(dir, entry)).isDirectory())
    .sort();
}

/** One family's documents, each with its truth; throws OthersCorpusError when the folder breaks the format. */
export function loadFamily(family: string, dir = OTHERS_DIR): OtherDocument[] {
  const folder = path.join(dir, family);
  if (!FAMILY_NAME.test(family) || family === OUR_FAMILY) throw new OthersCorpusError(`${folder}: a family folder is named in lower case, digits and "-", and not "${OUR_FAMILY}"`);
  if (!existsSync(path.join(folder, 'SOURCES.md'))) throw new OthersCorpusError(`${folder} has no SOURCES.md (where the layout comes from, its licence, how the files were made)`);

  const files = readdirSync(folder).sort();
  const truths = new Map(files.filter((file) => file.endsWith(TRUTH_SUFFIX)).map((file) => [file.slice(0, -TRUTH_SUFFIX.length), readTruth(path.join(folder, file))]));
  const documents = files.flatMap((file): OtherDocument[] => {
    const parts = DOCUMENT_FILE.exec(file)?.groups;
    if (!parts?.name || !parts.format) return [];
    const truth = truths.get(parts.name);
    if (!truth) throw new OthersCorpusError(`${path.join(folder, file)} has no ${parts.name}${TRUTH_SUFFIX} beside it`);
    return [{ family, name: parts.name, format: parts.format as Format, file: path.join(folder, file), truth }];
  });
  const orphans = [...truths.keys()].filter((name) => !documents.some((document) => document.name === name));
  if (orphans.length > 0) throw new OthersCorpusError(`${folder}: ${orphans.map((name) => name + TRUTH_SUFFIX).join(', ')} without a document (.pdf, .docx or .txt)`);
  if (documents.length === 0) throw new OthersCorpusError(`${folder} holds no document`);
  return documents;
}

/** Every family's documents (or the named ones'), in a stable order. */
export function loadOthers(families: readonly string[] = familiesIn(), dir = OTHERS_DIR): OtherDocument[] {
  return families.flatMap((family) => loadFamily(family, dir));
}
