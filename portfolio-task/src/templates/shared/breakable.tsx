import { Fragment } from 'react';

// Where a long address may wrap, after the usual typographic rule: after "@" and each
// slash, before each dot. The body's overflow-wrap then has places to break between the
// address's parts, and only breaks inside one when that part alone is wider than the line.
const BREAK_POINTS = /(?<=@|\/(?!\/))|(?=\.)/u;

/** An e-mail or web address as text, with optional line breaks (<wbr>) at its seams. */
export function Breakable({ text }: { text: string }) {
  const parts = text.split(BREAK_POINTS).filter(Boolean);
  return (
    <>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </>
  );
}
