import type { LatexCv } from '../model';

/** A LaTeX CV class (or a style of one) and how a CV is written for it. */
export interface TexClass {
  /** The layout family, the folder under others/: `latex-<class>[-<style>]`. */
  family: string;
  /** For SOURCES.md: what the class is, where TeX Live has it, its licence. */
  about: { title: string; debianPackage: string; licence: string; file: string; usage: string };
  /** The inputs (`<name>` of corpus/ or latex/cvs/) rendered in this family. */
  cvs: readonly string[];
  /**
   * Where the truth comes from: the CV itself (the .tex prints all of it), or, for a class whose
   * commands leave some of a CV out (a fixed number of bullets), the CV's facts the PDF prints
   * (render-others/printed-truth.ts).
   */
  truth?: 'cv' | 'printed';
  /** The main .tex file, and any files it \input s. */
  render(cv: LatexCv): { main: string; inputs?: Record<string, string> };
}
