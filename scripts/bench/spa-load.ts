// npm run bench:spa — how fast the SPA's first page is ready in Chromium, from `npm start`'s
// own server on localhost, next to a page of static HTML (a template preview, no
// JavaScript) from the same server in the same run: the ratio is the figure to compare
// between runs on a noisy machine. Each load is a fresh browser context (empty cache).
// Target: the landing page usable (its upload button visible) in under 1 s.
import { launchChromium } from '../../frontend/e2e/support/browser';
import { startProduct } from '../../frontend/e2e/support/product';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

type Load = { ready: number; fcp: number; js: number };

async function main() {
  const [product, browser] = await Promise.all([startProduct(), launchChromium()]);
  try {
    const load = async (url: string, ready: string): Promise<Load> => {
      const context = await browser.newContext();
      const page = await context.newPage();
      let js = 0;
      page.on('response', (response) => {
        if (response.url().endsWith('.js'))
          void response.body().then(
            (body) => (js += body.length),
            () => undefined,
          );
      });
      const started = Date.now();
      await page.goto(url, { waitUntil: 'commit' });
      await page.locator(ready).first().waitFor({ state: 'visible' });
      const readyMs = Date.now() - started;
      // The paint entry can arrive a frame after the element is visible: wait for it.
      const fcp = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            new PerformanceObserver((list) => {
              const entry = list.getEntriesByName('first-contentful-paint')[0];
              if (entry) resolve(entry.startTime);
            }).observe({ type: 'paint', buffered: true });
            setTimeout(() => resolve(Number.NaN), 5000);
          }),
      );
      await context.close();
      return { ready: readyMs, fcp, js };
    };
    // One of each first, so start-up costs (the server's first request, Chromium's first context) are not measured.
    await load(product.url, 'button:has-text("Choose a file")');
    await load(`${product.url}/api/v1/templates/minimal/preview`, 'h1');
    const spa: Load[] = [];
    const baseline: Load[] = [];
    for (let i = 0; i < RUNS; i++) {
      baseline.push(await load(`${product.url}/api/v1/templates/minimal/preview`, 'h1'));
      spa.push(await load(product.url, 'button:has-text("Choose a file")'));
    }
    const row = (name: string, loads: Load[]) =>
      `${name.padEnd(34)} ${median(loads.map((l) => l.ready))
        .toFixed(0)
        .padStart(6)} ms ready ${median(loads.map((l) => l.fcp))
        .toFixed(0)
        .padStart(6)} ms first paint ${(median(loads.map((l) => l.js)) / 1024).toFixed(0).padStart(5)} KB JS`;
    console.log(`\nSPA first load on localhost, median of ${RUNS} cold loads (fresh context each):`);
    console.log(row('static HTML page (baseline)', baseline));
    console.log(row('SPA landing page', spa));
    const ratio = median(spa.map((l) => l.ready)) / median(baseline.map((l) => l.ready));
    console.log(`ratio SPA / baseline (ready): ${ratio.toFixed(2)}×   target: SPA ready < 1000 ms\n`);
  } finally {
    await browser.close();
    await product.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
