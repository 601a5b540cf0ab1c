// The text of a Word CV, read in the browser: a DOCX is a zip whose word/document.xml holds
// the paragraphs. The browser's own DecompressionStream inflates it, so showing a Word CV's
// text costs no library. Only the main part is read, and never more than MAX_XML_BYTES of it.

const MAIN_PART = 'word/document.xml';
const MAX_XML_BYTES = 20 * 1024 * 1024;
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export class UnreadableDocx extends Error {
  constructor() {
    super('This Word document could not be read in the browser.');
    this.name = 'UnreadableDocx';
  }
}

/** Where the main part's bytes are in the zip, from its central directory (zip64 is not needed for a CV). */
function findMainPart(bytes: Uint8Array): { method: number; data: Uint8Array } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: 22 bytes, then a comment of up to 64 KiB.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new UnreadableDocx();
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const names = new TextDecoder();
  for (let i = 0; i < entries && at + 46 <= bytes.length; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) break;
    const nameLength = view.getUint16(at + 28, true);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (name === MAIN_PART) {
      const method = view.getUint16(at + 10, true);
      const size = view.getUint32(at + 20, true);
      const local = view.getUint32(at + 42, true);
      if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw new UnreadableDocx();
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      return { method, data: bytes.subarray(start, start + size) };
    }
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  throw new UnreadableDocx();
}

async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const reader = new Response(data as Uint8Array<ArrayBuffer>).body!.pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > MAX_XML_BYTES) {
      await reader.cancel();
      throw new UnreadableDocx();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** A paragraph's own text (tabs and line breaks kept), leaving out paragraphs nested in it (text boxes), which get their own line. */
function paragraphText(paragraph: Element): string {
  let text = '';
  for (const node of paragraph.getElementsByTagNameNS(W, '*')) {
    if (nearestParagraph(node) !== paragraph) continue;
    if (node.localName === 't') text += node.textContent ?? '';
    else if (node.localName === 'tab') text += '\t';
    else if (node.localName === 'br' || node.localName === 'cr') text += '\n';
  }
  return text;
}

function nearestParagraph(node: Element): Element | null {
  for (let at = node.parentElement; at; at = at.parentElement) if (at.namespaceURI === W && at.localName === 'p') return at;
  return null;
}

/** The document's paragraphs, one per line, in document order (table cells included). */
export async function docxText(bytes: Uint8Array): Promise<string> {
  const part = findMainPart(bytes);
  if (part.method !== 0 && part.method !== 8) throw new UnreadableDocx();
  let xml: Uint8Array;
  try {
    xml = part.method === 0 ? part.data : await inflate(part.data);
  } catch (error) {
    if (error instanceof UnreadableDocx) throw error;
    throw new UnreadableDocx();
  }
  const doc = new DOMParser().parseFromString(new TextDecoder().decode(xml), 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0) throw new UnreadableDocx();
  return [...doc.getElementsByTagNameNS(W, 'p')].map(paragraphText).join('\n');
}
