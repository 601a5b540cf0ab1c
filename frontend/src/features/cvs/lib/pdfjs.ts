// pdf.js, loaded only when a PDF is shown (it is the size of the rest of the app). Its worker
// is a file of this build, served from our own origin: the SPA's CSP lets workers and
// scripts come from 'self' only.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

export type PdfJs = typeof import('pdfjs-dist');

let loading: Promise<PdfJs> | null = null;

export function loadPdfJs(): Promise<PdfJs> {
  loading ??= import('pdfjs-dist').then(
    (pdfjs) => {
      pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
      return pdfjs;
    },
    (error: unknown) => {
      // A failed download (offline for a moment) is tried again next time, not remembered.
      loading = null;
      throw error;
    },
  );
  return loading;
}
