// Plain-text CVs that attack the offline extractor: valid, within a CV's length, and made
// to take it long. Written by code, so that no large fixture is kept.

/**
 * A CV of 9,000 lines (400,000 characters) whose every line is an experience entry's head
 * (four cells, a date range): the offline extractor takes many seconds over it (about 20 s
 * on the 2-core machine, loaded), where a long CV takes well under one.
 */
export function crowdedCv(): string {
  const rows = Array.from({ length: 9_000 }, (_, i) => `Engineer ${i}\tAcme ${i}\tBerlin\t0${1 + (i % 9)}/20${10 + (i % 10)} – 2020`);
  return ['Jane Doe', 'jane@example.com', 'Experience', ...rows].join('\n');
}
