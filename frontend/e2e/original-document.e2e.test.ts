import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cjkPdf } from '../../backend/test/extraction/text/font-pdfs';
import { launchChromium, screenshot } from './support/browser';
import { startProduct, type Product } from './support/product';

// The original CV beside the editor (a PDF of our own is drawn in product.e2e.test.ts): a PDF
// whose Chinese text only pdf.js's CMaps can read, a Word document's text read in the browser
// (its zip inflated by Chromium's own DecompressionStream), a text file shown as uploaded, all
// under the SPA's CSP.

const WORD_CV = path.resolve(import.meta.dirname, '../../backend/eval/extraction/others/libreoffice-tabs/data-analyst.docx');

let product: Product;
let browser: Browser;
let page: Page;
const cspRefusals: string[] = [];

beforeAll(async () => {
  [product, browser] = await Promise.all([startProduct(), launchChromium()]);
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP refused ${event.violatedDirective}: ${event.blockedURI} from ${event.sourceFile}`));
  });
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.text().startsWith('CSP refused')) cspRefusals.push(message.text());
  });
});

afterAll(async () => {
  await browser?.close();
  await product?.stop();
});

/** Uploads the file before signing up and opens "Original CV" once its CV is ready. */
async function uploadAndShowOriginal(file: string) {
  await page.goto(product.url);
  await page.getByLabel('CV file').setInputFiles(file);
  await page.waitForURL(/\/cvs\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { name: 'Your CV', exact: true }).waitFor({ timeout: 60_000 });
  await page.getByRole('group', { name: 'Show beside the editor' }).getByRole('button', { name: 'Original CV' }).click();
  return page.getByRole('region', { name: 'Your original CV' });
}

describe('the original CV of a PDF set in fonts it does not embed', () => {
  it('draws Chinese text through the CMaps the build serves, and its text layer reads it', async () => {
    const file = path.join(tmpdir(), `wang-fang-${Date.now()}.pdf`);
    const lines = ['王芳', '高级后端工程师', 'wang.fang@example.com', '工作经历', '2019 - 2024 后端工程师 杭州云数科技', '教育背景', '2011 - 2015 计算机科学学士 浙江大学'];
    writeFileSync(file, cjkPdf('chinese', lines));
    const original = await uploadAndShowOriginal(file);
    // pdf.js reads the text only with the CMap: without it the page is drawn with no text at all.
    await original.getByText('高级后端工程师').waitFor();
    expect(cspRefusals).toEqual([]);
  });
});

describe('the original CV of a Word or text upload', () => {
  it('shows the text read from a Word document, saying its layout is not shown', async () => {
    const original = await uploadAndShowOriginal(WORD_CV);
    const text = original.getByLabel('Text of data-analyst.docx');
    await text.waitFor();
    expect((await text.textContent())!.split('\n').slice(0, 2)).toEqual(['Lucía Fernández Ortega', 'Analista de Datos Sénior']);
    expect(await original.getByText('The text of your Word document, data-analyst.docx, without its layout.').isVisible()).toBe(true);
    await screenshot(page, '02d-original-docx');
  });

  it('shows a text file as it was uploaded', async () => {
    const cv = 'Priya Natarajan\nData Engineer\npriya@example.com\n\nExperience\nAcme Corp — Data Engineer, 2019–2024\n- Built the data pipelines\n\nEducation\nBSc Mathematics, 2015–2019\n';
    const file = path.join(tmpdir(), `priya-${Date.now()}.txt`);
    writeFileSync(file, cv);
    const original = await uploadAndShowOriginal(file);
    const text = original.getByLabel(`Text of ${path.basename(file)}`);
    await text.waitFor();
    expect(await text.textContent()).toBe(cv);
    expect(cspRefusals).toEqual([]);
  });
});
