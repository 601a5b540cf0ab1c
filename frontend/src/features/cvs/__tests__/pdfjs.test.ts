import { describe, expect, it, vi } from 'vitest';

// pdf.js arrives as a chunk of its own: a download that failed once is tried again.
const download = vi.hoisted(() => ({ failures: 1 }));
vi.mock('pdfjs-dist', () => {
  if (download.failures-- > 0) throw new Error('Failed to fetch dynamically imported module');
  return { GlobalWorkerOptions: { workerSrc: '' } };
});

describe('loading pdf.js', () => {
  it('tries again after a failed download, and gives the worker our own file', async () => {
    const { loadPdfJs } = await import('../lib/pdfjs');
    await expect(loadPdfJs()).rejects.toThrow();
    const pdfjs = await loadPdfJs();
    expect(pdfjs.GlobalWorkerOptions.workerSrc).toMatch(/^\/.*pdf\.worker\.min\.mjs/);
  });
});
