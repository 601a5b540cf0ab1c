import { chromium, type Browser, type Page } from 'playwright-core';

// Every image of the fixture, answered locally: the test never touches the network and
// the layout is measured with images at their real box.
const PLACEHOLDER_IMAGE =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200"><rect width="200" height="200" fill="#b9a48f"/><circle cx="100" cy="80" r="38" fill="#f1e4d6"/><ellipse cx="100" cy="190" rx="70" ry="60" fill="#f1e4d6"/></svg>';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A page showing the given HTML, with every request answered by a placeholder image. */
export async function openHtml(browser: Browser, html: string): Promise<Page> {
  const page = await browser.newPage();
  await page.route('**/*', (route) => route.fulfill({ contentType: 'image/svg+xml', body: PLACEHOLDER_IMAGE }));
  await page.setContent(html, { waitUntil: 'load' });
  return page;
}
