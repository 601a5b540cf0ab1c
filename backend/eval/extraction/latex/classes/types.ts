import type { LatexCv } from '../model';

/** A LaTeX CV class (or a style of one) and how a CV is written for it. */
export interface TexClass {
  /** The layout family, the folder under others/: `latex-<class>[-<style>]`. */
  family: string;
  /** For SOURCES.md: what the class is, where TeX Live has it, its licence. */
  about: { title: string; debianPackage: string; licence: string; file: string; usage: string };
  /** The inputs (`<name>` of corpus/ or latex/cvs/) rendered in this family. */
  cvs: readonly string[];
  /** The main .tex file, and any files it \input s. */
  render(cv: LatexCv): { main: string; inputs?: Record<string, string> };
}
