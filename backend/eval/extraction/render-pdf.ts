import { chromium, type Browser } from 'playwright-core';

// One Chromium for the whole run: starting a browser costs about a second, a page a few
// milliseconds. Pages print in parallel, a few at a time, which is what two cores take.

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/** What a theme asks of the print (JSON Resume themes export it as pdfRenderOptions). */
export interface PrintOptions {
  media?: 'print' | 'screen';
  margin?: { top?: string; bottom?: string; left?: string; right?: string };
}

export class PdfRenderer {
  private constructor(private readonly browser: Browser) {}

  static async start(executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'): Promise<PdfRenderer> {
    return new PdfRenderer(await chromium.launch({ executablePath, args: CHROMIUM_ARGS }));
  }

  /** Prints the HTML; anything it links to on the network is refused, so the PDF is the same on every machine. */
  async render(html: string, options: PrintOptions = {}): Promise<Buffer> {
    const page = await this.browser.newPage();
    try {
      await page.route(/^https?:\/\//, (route) => route.abort());
      if (options.media) await page.emulateMedia({ media: options.media });
      // Waiting for fonts is what 'load' gives.
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, ...(options.margin ? { margin: options.margin } : {}) });
    } finally {
      await page.close();
    }
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}
