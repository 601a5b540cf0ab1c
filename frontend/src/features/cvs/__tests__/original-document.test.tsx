import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { crc32, deflateRawSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { anonymousCvs } from '@/lib/anonymous-cvs';
import { OriginalDocument } from '../components/original-document';
import type { PdfJs } from '../lib/pdfjs';

// pdf.js needs a real canvas and worker: here it is a stand-in that draws nothing and lays
// each page's words into the text layer. The e2e run draws a real PDF in Chromium.
const pdf = vi.hoisted(() => ({ pages: [['Jordan Avery', 'Senior Software Engineer'], ['Education']], fail: false, renders: 0 }));
vi.mock('../lib/pdfjs', () => ({
  loadPdfJs: async (): Promise<Partial<PdfJs>> => ({
    getDocument: (() => ({
      promise: pdf.fail
        ? Promise.reject(new Error('Invalid PDF structure.'))
        : Promise.resolve({
            numPages: pdf.pages.length,
            getPage: async (number: number) => ({
              getViewport: ({ scale }: { scale: number }) => ({ width: 612 * scale, height: 792 * scale, scale }),
              render: () => {
                pdf.renders++;
                return { promise: Promise.resolve(), cancel() {} };
              },
              streamTextContent: () => pdf.pages[number - 1],
            }),
          }),
      destroy: async () => undefined,
    })) as unknown as PdfJs['getDocument'],
    TextLayer: class {
      constructor(private readonly params: { textContentSource: string[]; container: HTMLElement }) {}
      async render() {
        for (const word of this.params.textContentSource) this.params.container.append(Object.assign(document.createElement('span'), { textContent: word }));
      }
      cancel() {}
    } as unknown as PdfJs['TextLayer'],
  }),
}));

const id = '7c1b8c52-5a8e-4a52-9a0e-2b1f4a0e9d11';

function show(cv: { fileKind: 'pdf' | 'docx' | 'txt' | null; fileName?: string }) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <OriginalDocument cv={{ id, fileName: cv.fileName ?? null, fileKind: cv.fileKind }} />
    </QueryClientProvider>,
  );
}

/** The API's answer to GET /file, once per call; records the requests. */
function serveFile(...replies: (() => Response)[]) {
  const requests: Request[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    requests.push(new Request(new URL(url, 'http://localhost'), init));
    return replies.shift()!();
  });
  return requests;
}

/** A zip with one deflated member: a DOCX as far as its text is concerned. */
function docx(documentXml: string): Uint8Array<ArrayBuffer> {
  const name = Buffer.from('word/document.xml');
  const body = Buffer.from(documentXml);
  const packed = deflateRawSync(body);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc32(body), 14);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(body.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc32(body), 16);
  central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(body.length, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const directoryAt = local.length + name.length + packed.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(directoryAt, 16);
  return new Uint8Array(Buffer.concat([local, name, packed, central, name, end]));
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

// jsdom lays nothing out: the column is as wide as a phone, until a test resizes it.
let resize: (width: number) => void = () => undefined;

beforeEach(() => {
  pdf.fail = false;
  pdf.renders = 0;
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(private readonly report: ResizeObserverCallback) {}
      observe(target: Element) {
        const report = (width: number) => this.report([{ target, contentRect: { width } } as unknown as ResizeObserverEntry], this as unknown as ResizeObserver);
        resize = (width) => act(() => report(width));
        report(360);
      }
      disconnect() {}
    },
  );
});
afterEach(() => vi.unstubAllGlobals());

describe('the original CV beside the editor', () => {
  it('says an imported CV has no original document, and asks the API for nothing', () => {
    const requests = serveFile();
    show({ fileKind: null });
    expect(screen.getByText(/imported from JSON Resume, so there is no original document/)).toBeTruthy();
    expect(requests).toEqual([]);
  });

  it('says it is loading while the file comes, with the claim token of an anonymous upload', async () => {
    anonymousCvs.remember({ cvId: id, claimToken: 'claim-1' });
    let answer!: (response: Response) => void;
    const requests = serveFile(() => new Promise<Response>((resolve) => (answer = resolve)) as unknown as Response);
    show({ fileKind: 'txt', fileName: 'priya.txt' });
    expect((await screen.findByRole('status')).textContent).toBe('Loading your original CV…');
    expect(new URL(requests[0]!.url).pathname).toBe(`/api/v1/cvs/${id}/file`);
    expect(requests[0]!.headers.get('X-Claim-Token')).toBe('claim-1');
    answer(new Response('Priya Natarajan'));
    expect((await screen.findByLabelText('Text of priya.txt')).textContent).toBe('Priya Natarajan');
  });

  it('draws each page of a PDF with its words in a text layer', async () => {
    serveFile(() => new Response(new Uint8Array([0x25, 0x50, 0x44, 0x46])));
    show({ fileKind: 'pdf', fileName: 'jordan.pdf' });
    const first = await screen.findByRole('group', { name: 'Page 1 of 2' });
    expect(await within(first).findByText('Jordan Avery')).toBeTruthy();
    expect(first.querySelector('canvas')!.width).toBe(360 * (window.devicePixelRatio || 1));
    expect(await within(screen.getByRole('group', { name: 'Page 2 of 2' })).findByText('Education')).toBeTruthy();
    expect(screen.getByText('jordan.pdf, as you uploaded it.')).toBeTruthy();
  });

  it('draws the pages again at a new width, but not when hidden and shown again', async () => {
    serveFile(() => new Response(new Uint8Array([0x25, 0x50, 0x44, 0x46])));
    show({ fileKind: 'pdf' });
    await waitFor(() => expect(screen.getAllByRole('group', { busy: false })).toHaveLength(2));
    expect(pdf.renders).toBe(2);
    resize(0);
    resize(360);
    expect(screen.getAllByRole('group', { busy: false })).toHaveLength(2);
    resize(500);
    await waitFor(() => expect(pdf.renders).toBe(4));
    await waitFor(() => expect(screen.getAllByRole('group', { busy: false })).toHaveLength(2));
    expect(screen.getByRole('group', { name: 'Page 1 of 2' }).querySelector('canvas')!.width).toBe(500 * (window.devicePixelRatio || 1));
  });

  it('says so when a PDF cannot be drawn', async () => {
    pdf.fail = true;
    serveFile(() => new Response(new Uint8Array([1, 2, 3])));
    show({ fileKind: 'pdf' });
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not show this PDF/);
  });

  it('shows a UTF-16 text file as its text, saying it is the text file', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'José Núñez'].flatMap((c) => [c.charCodeAt(0), 0])]);
    serveFile(() => new Response(utf16));
    show({ fileKind: 'txt', fileName: 'jose.txt' });
    expect((await screen.findByLabelText('Text of jose.txt')).textContent).toBe('José Núñez');
    expect(screen.getByText('Your text file, jose.txt, as you uploaded it.')).toBeTruthy();
  });

  it('shows the text read from a Word document, one paragraph a line, saying its layout is not shown', async () => {
    const xml = `<w:document ${W}><w:body><w:p><w:r><w:t>Amira</w:t></w:r><w:r><w:t xml:space="preserve"> Haddad</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>Acme</w:t><w:tab/><w:t>2020</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>`;
    serveFile(() => new Response(docx(xml)));
    show({ fileKind: 'docx', fileName: 'amira.docx' });
    expect((await screen.findByLabelText('Text of amira.docx')).textContent).toBe('Amira Haddad\nAcme\t2020');
    expect(screen.getByText(/The text of your Word document, amira.docx, without its layout./)).toBeTruthy();
  });

  it('says what went wrong, and tries again on request', async () => {
    serveFile(
      () => new Response(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'This CV was not found.' } }), { status: 404 }),
      () => new Response('Priya Natarajan'),
    );
    show({ fileKind: 'txt', fileName: 'priya.txt' });
    expect((await screen.findByRole('alert')).textContent).toBe('This CV was not found.');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect((await screen.findByLabelText('Text of priya.txt')).textContent).toBe('Priya Natarajan');
  });

  it('says a Word document it cannot read is unreadable here', async () => {
    serveFile(() => new Response(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0])));
    show({ fileKind: 'docx' });
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not read this file here/);
  });
});
