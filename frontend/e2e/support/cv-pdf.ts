import type { Browser } from 'playwright-core';

// A one-page CV as a real PDF, printed by Chromium, so the upload goes through the same
// text extraction as a person's file.
const HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>
body{font-family:sans-serif;margin:40px} h1{font-size:28px;margin:0} h2{font-size:18px;margin:24px 0 8px}
</style></head><body>
<h1>Jordan Avery</h1>
<p>Senior Software Engineer</p>
<p>jordan.avery@example.com | +1 415 555 0134 | San Francisco, CA</p>
<h2>Summary</h2>
<p>Engineer with ten years of experience building reliable web platforms and the teams behind them.</p>
<h2>Experience</h2>
<p><b>Staff Engineer</b>, Northwind Labs, San Francisco<br>Jan 2020 – Present</p>
<ul><li>Led the migration of the billing platform to an event-driven design</li><li>Mentored six engineers</li></ul>
<p><b>Software Engineer</b>, Contoso Ltd, Seattle<br>Jun 2015 – Dec 2019</p>
<ul><li>Built the public API used by 2,000 customers</li></ul>
<h2>Education</h2>
<p><b>BSc Computer Science</b>, University of Washington<br>2011 – 2015</p>
<h2>Skills</h2>
<p>TypeScript, Go, PostgreSQL, Kubernetes</p>
<h2>Languages</h2>
<p>English (native), Spanish (professional)</p>
</body></html>`;

export async function cvPdf(browser: Browser): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    await page.setContent(HTML);
    return await page.pdf({ format: 'A4' });
  } finally {
    await page.close();
  }
}
