import { chromium, type Browser } from 'playwright-core';

// One Chromium for the whole run: starting a browser costs about a second, a page a few
// milliseconds. Pages print in parallel, a few at a time, which is what two cores take.

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export class PdfRenderer {
  private constructor(private readonly browser: Browser) {}

  static async start(executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'): Promise<PdfRenderer> {
    return new PdfRenderer(await chromium.launch({ executablePath, args: CHROMIUM_ARGS }));
  }

  async render(html: string): Promise<Buffer> {
    const page = await this.browser.newPage();
    try {
      // The HTML is self-contained; waiting for fonts is what 'load' gives.
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    } finally {
      await page.close();
    }
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}
