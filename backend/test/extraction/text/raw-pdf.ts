// PDFs written object by object, for files pdf-lib cannot produce (hostile ones, fonts it
// cannot write).

export function stream(dictionary: string, data: Buffer, encoding: 'plain' | 'compressed'): Buffer {
  const filter = encoding === 'compressed' ? ' /Filter /FlateDecode' : '';
  return Buffer.concat([Buffer.from(`<< ${dictionary} /Length ${data.length}${filter} >>\nstream\n`), data, Buffer.from('\nendstream')]);
}

/** A one-page PDF (catalog, pages, page) around the objects `page` adds; returns their numbers by reference. */
export function pdfWithObjects(page: (add: (body: string | Buffer) => number) => { contents: number; resources: string }): Buffer {
  const bodies: (string | Buffer)[] = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', ''];
  const add = (body: string | Buffer): number => bodies.push(body);
  const { contents, resources } = page(add);
  bodies[2] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${contents} 0 R /Resources ${resources} >>`;
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  bodies.forEach((body, index) => {
    offsets.push(length);
    const object = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`), Buffer.from(body), Buffer.from('\nendobj\n')]);
    parts.push(object);
    length += object.length;
  });
  const xref = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(Buffer.from(`xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n${xref}trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}
