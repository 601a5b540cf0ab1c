// multipart/form-data bodies written by hand, so that a case can break exactly one rule.

export const CRLF = '\r\n';
export const BOUNDARY = 'abuse-boundary-7MA4YWxkTrZu0gW';

export interface Part {
  /** The Content-Disposition header value, e.g. form-data; name="file"; filename="cv.pdf". */
  disposition: string;
  contentType?: string;
  body: Buffer | string;
}

export function filePart(body: Buffer | string, fileName = 'cv.pdf', field = 'file'): Part {
  return { disposition: `form-data; name="${field}"; filename="${fileName}"`, contentType: 'application/octet-stream', body };
}

/** Parts between boundaries; `close: false` leaves out the closing boundary. */
export function multipart(parts: readonly Part[], options: { boundary?: string; close?: boolean } = {}): Buffer {
  const boundary = options.boundary ?? BOUNDARY;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const headers = [`Content-Disposition: ${part.disposition}`, ...(part.contentType ? [`Content-Type: ${part.contentType}`] : [])];
    chunks.push(Buffer.from(`--${boundary}${CRLF}${headers.join(CRLF)}${CRLF}${CRLF}`, 'utf8'), Buffer.isBuffer(part.body) ? part.body : Buffer.from(part.body, 'utf8'), Buffer.from(CRLF));
  }
  if (options.close !== false) chunks.push(Buffer.from(`--${boundary}--${CRLF}`));
  return Buffer.concat(chunks);
}

export function multipartType(boundary = BOUNDARY): string {
  return `multipart/form-data; boundary=${boundary}`;
}
