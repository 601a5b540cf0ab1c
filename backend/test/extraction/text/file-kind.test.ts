import { detectKind } from '../../../src/extraction/text/file-kind';

const bytes = (...parts: (string | number[] | Buffer)[]): Buffer => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

describe('detectKind', () => {
  it.each([
    ['a PDF', bytes('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj'), 'pdf'],
    ['a PDF after 1 KB of junk', bytes(Buffer.alloc(1024, 0x00), '%PDF-1.4\n'), 'pdf'],
    ['a DOCX (zip)', bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), 'docx'],
    ['UTF-8 text', bytes('Jane Doe\r\nIngeniera de datos — Madrid, España\n'), 'txt'],
    ['UTF-8 text with a BOM', bytes([0xef, 0xbb, 0xbf], 'דנה כהן\nמהנדסת תוכנה'), 'txt'],
    ['UTF-16LE text with a BOM', bytes([0xff, 0xfe], Buffer.from('דנה כהן\nמהנדסת', 'utf16le')), 'txt'],
    ['UTF-16BE text with a BOM', bytes([0xfe, 0xff], Buffer.from('Jane Doe', 'utf16le').swap16()), 'txt'],
    ['UTF-8 cut inside a character at 8 KB', bytes('a'.repeat(8 * 1024 - 1), 'é and more'), 'txt'],
  ])('knows %s', (_name, head, kind) => {
    expect(detectKind(head)).toBe(kind);
  });

  it.each([
    ['an empty file', bytes()],
    ['a Windows executable', bytes('MZ', [0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00], 'This program cannot be run in DOS mode')],
    ['a PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d], 'IHDR')],
    ['a JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF', [0x00])],
    ['a GIF', bytes('GIF89a', [0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00])],
    ['an old .doc', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], Buffer.alloc(16))],
    ['text with a NUL byte', bytes('Jane Doe\0Engineer')],
    ['Latin-1 text (not UTF-8)', Buffer.from('Résumé de José', 'latin1')],
    ['text full of control characters', bytes('a\x01b\x02c\x03d\x04e\x05f\x06')],
    ['a PDF header after more than 1 KB of junk', bytes(Buffer.alloc(1100, 0x00), '%PDF-1.4\n')],
  ])('refuses %s', (_name, head) => {
    expect(detectKind(head)).toBeNull();
  });
});
