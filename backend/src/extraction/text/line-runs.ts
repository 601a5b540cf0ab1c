import type { DraftLine } from './text-lines';

/** A run of consecutive lines found at some line, and how many lines it takes. */
export interface LineRun<Run> {
  length: number;
  run: Run;
}

/**
 * The lines, with every run that `runAt` finds (asked at each line not yet taken) replaced
 * by the lines `read` makes of it; every other line goes through `pass` (kept as it is by
 * default). The readers of grids and lists set in columns all walk a page's lines so.
 */
export function rewriteRuns<Run>(
  lines: readonly DraftLine[],
  runAt: (lines: readonly DraftLine[], start: number) => LineRun<Run> | null,
  read: (run: Run) => DraftLine[],
  pass: (line: DraftLine) => DraftLine = (line) => line,
): DraftLine[] {
  const result: DraftLine[] = [];
  let index = 0;
  while (index < lines.length) {
    const found = runAt(lines, index);
    if (found === null) {
      result.push(pass(lines[index]!));
      index += 1;
      continue;
    }
    result.push(...read(found.run));
    index += found.length;
  }
  return result;
}
