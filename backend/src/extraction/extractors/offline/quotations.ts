// A quotation runs until its closing mark, however many lines the PDF broke it into: a line
// that opens one without closing it goes on in the next, even where a hanging indent or a
// list's margin sets that line apart as an item of its own.

// Each opening mark with the marks that close it: “…” and "…", German „…“ (or „…”), French
// «…» (and the reversed »…« some German texts use), ‹…›, and the corner brackets of Chinese
// and Japanese.
const CLOSING: Readonly<Record<string, string>> = {
  '“': '”',
  '"': '"',
  '„': '“”',
  '«': '»',
  '»': '«',
  '‹': '›',
  '「': '」',
  '『': '』',
};

/** Whether the text opens a quotation (at its start, after any bullet) and does not close it. */
export function opensQuotation(text: string): boolean {
  const match = /^[\s•·▪◦*-]*(\S)/u.exec(text);
  const mark = match?.[1];
  const closing = mark === undefined ? undefined : CLOSING[mark];
  if (closing === undefined) return false;
  const rest = text.slice(match!.index + match![0].length);
  return ![...rest].some((char) => closing.includes(char));
}
