import { constants, deflateRawSync, deflateSync } from 'node:zlib';
import { pdfWithObjects, stream } from './raw-pdf';

// PDFs that attack the parser, written object by object: pdf-lib cannot produce them. The
// parser pool tests and scripts/bench/parsers.ts use them.

const MIB = 1024 * 1024;

/**
 * A zlib stream (as /FlateDecode wants it) that inflates to `mebibytes` MiB of `byte`
 * (spaces by default), about a thousandth of that compressed. One flushed deflate segment
 * of 1 MiB is repeated: each copy refers only to itself, so the stream is valid, and a
 * 1.5 GiB bomb takes milliseconds to make. The abuse suite builds its bombs with it too.
 */
export function flateBomb(mebibytes: number, byte = 0x20): Buffer {
  const segment = deflateRawSync(Buffer.alloc(MIB, byte), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const header = Buffer.from([0x78, 0xda]);
  // A final empty block with fixed codes, then the Adler-32 of the whole output.
  const end = Buffer.from([0x03, 0x00]);
  return Buffer.concat([header, ...Array<Buffer>(mebibytes).fill(segment), end, adler32OfRepeatedByte(byte, mebibytes * MIB)]);
}

function adler32OfRepeatedByte(byte: number, length: number): Buffer {
  const MOD = 65521n;
  const n = BigInt(length);
  const b = BigInt(byte);
  // a = 1 + n·byte; b = Σ a_i = n + byte·n(n+1)/2, both mod 65521.
  const a = (1n + n * b) % MOD;
  const sum = (n + (b * n * (n + 1n)) / 2n) % MOD;
  const out = Buffer.alloc(4);
  out.writeUInt32BE(Number((sum << 16n) | a));
  return out;
}

/** One page whose content stream inflates to `mebibytes` MiB: the decompression bomb pdf.js reads for text. */
export function inflationBombPdf(mebibytes: number): Buffer {
  return pdfWithObjects((add) => {
    const contents = add(stream('', flateBomb(mebibytes), 'compressed'));
    return { contents, resources: '<< >>' };
  });
}

/**
 * A one-page PDF that never finishes parsing yet hardly grows: the page draws a form that
 * draws another 1,000 times, three levels deep, down to a form of 4 MiB of spaces. Text
 * extraction remembers that the forms hold no text; fetching the fonts (the operator
 * list) does not, and would lex 4 MiB a billion times.
 */
export function runawayPdf(): Buffer {
  return pdfWithObjects((add) => {
    const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
    let form = add(stream('/Type /XObject /Subtype /Form /BBox [0 0 10 10]', deflateSync(Buffer.alloc(4 * MIB, ' '), { level: 9 }), 'compressed'));
    for (let level = 0; level < 3; level += 1) {
      form = add(stream(`/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X ${form} 0 R >> >>`, deflateSync('/X Do\n'.repeat(1000)), 'compressed'));
    }
    const contents = add(stream('', Buffer.from('BT /F1 12 Tf 72 720 Td (Never finished) Tj ET\n/X Do\n'), 'plain'));
    return { contents, resources: `<< /Font << /F1 ${font} 0 R >> /XObject << /X ${form} 0 R >> >>` };
  });
}
