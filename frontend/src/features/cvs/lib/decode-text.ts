// A text CV as the person saved it: UTF-8 or UTF-16 (the encodings the upload accepts),
// told apart by the byte order mark, or for UTF-16 without one by its zero bytes.

function encodingOf(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // Latin text in UTF-16 has a zero in every other byte; UTF-8 text has none.
  const sample = bytes.subarray(0, 512);
  let evenZeros = 0;
  let oddZeros = 0;
  sample.forEach((byte, index) => {
    if (byte !== 0) return;
    if (index % 2 === 0) evenZeros++;
    else oddZeros++;
  });
  if (oddZeros > sample.length / 8) return 'utf-16le';
  if (evenZeros > sample.length / 8) return 'utf-16be';
  return 'utf-8';
}

/** The file's text; the decoder drops the byte order mark and shows undecodable bytes as U+FFFD. */
export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder(encodingOf(bytes)).decode(bytes);
}
