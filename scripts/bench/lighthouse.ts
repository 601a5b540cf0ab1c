// npm run bench:lighthouse — Lighthouse's four mobile scores (performance, accessibility,
// best practices, SEO) for the SPA's landing page and for a site published with each
// template, all from the built product as `npm start` runs it (embedded defaults, a fresh
// data folder), with each page's weight as loaded (all bytes, and the fonts' share) and the
// requests it made to other origins (a site should make none). Lighthouse's default config is the mobile one: a Moto G-class screen,
// simulated slow 4G and a 4× slower CPU, so the scores do not depend on this machine's load.
// Target: 100 / 100 / 100 / 100 on every page.
import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { toJsonResume, type Cv } from '../../cv-schema/src/index';
import { fullCv } from '../../cv-schema/test/fixtures/full-cv';
import { freePort, waitFor } from '../../backend/test/support/ports';
import { startProduct } from '../../frontend/e2e/support/product';

const root = path.resolve(__dirname, '../..');
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
// Lighthouse's own command line, in plain Node: under tsx its page-side functions would be
// compiled with esbuild's name helpers, which do not exist in the audited page.
const LIGHTHOUSE_CLI = path.join(root, 'node_modules/lighthouse/cli/index.js');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

type Call = RequestInit & { json?: unknown; token?: string };

async function call<T>(url: string, init: Call = {}): Promise<T> {
  const { json, token, ...rest } = init;
  const headers: Record<string, string> = { ...(json === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const response = await fetch(url, { ...rest, headers, ...(json === undefined ? {} : { body: JSON.stringify(json) }) });
  const body = (await response.json()) as T;
  if (!response.ok) throw new Error(`${rest.method ?? 'GET'} ${url} answered ${response.status} ${JSON.stringify(body)}`);
  return body;
}

// The fixture's photo and project image are at example.com addresses, which do not exist: the
// browser's failed requests would cost the sites "best practices" points for a file no real
// site would lack.
const withoutImages = (cv: Cv): Cv => JSON.parse(JSON.stringify(cv), (key: string, value: unknown) => (key === 'profilePhotoUrl' || key === 'imageUrl' ? null : value)) as Cv;

/** One published site per template, from the same full CV; returns [template, site address]. */
async function publishSites(appUrl: string): Promise<[string, string][]> {
  const api = `${appUrl}/api/v1`;
  const { accessToken: token } = await call<{ accessToken: string }>(`${api}/auth/register`, {
    method: 'POST',
    json: { email: `bench-${randomUUID()}@example.com`, password: 'correct horse battery' },
  });
  const { cv } = await call<{ cv: { id: string } }>(`${api}/cvs/import`, { method: 'POST', token, json: toJsonResume(withoutImages(fullCv())) });
  const { templates } = await call<{ templates: { id: string }[] }>(`${api}/templates`);
  const sites: [string, string][] = [];
  for (const { id: templateId } of templates) {
    const { portfolio } = await call<{ portfolio: { id: string } }>(`${api}/portfolios`, { method: 'POST', token, json: { cvId: cv.id, templateId } });
    // Its address first, so the build knows it (canonical link, sitemap, Open Graph tags) as a real site would.
    await call(`${api}/portfolios/${portfolio.id}`, { method: 'PATCH', token, json: { slug: `bench-${templateId}` } });
    const { build } = await call<{ build: { id: string; status: string } }>(`${api}/portfolios/${portfolio.id}/builds`, { method: 'POST', token });
    let status = build.status;
    while (status !== 'succeeded') {
      if (status === 'failed') throw new Error(`the ${templateId} build failed`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await call<{ build: { status: string } }>(`${api}/portfolios/${portfolio.id}/builds/${build.id}`, { token })).build.status;
    }
    const { url } = await call<{ url: string }>(`${api}/portfolios/${portfolio.id}/publish`, { method: 'POST', token });
    sites.push([templateId, url]);
  }
  return sites;
}

/** Chromium with a DevTools port for Lighthouse (it drives the browser over that port, opening a tab per audit). */
async function startChromium(): Promise<{ port: number; stop(): Promise<void> }> {
  const port = await freePort();
  const profile = mkdtempSync(path.join(os.tmpdir(), 'r2w-lighthouse-'));
  const flags = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, 'about:blank'];
  const child = spawn(CHROME_PATH, flags, { stdio: 'ignore' });
  await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/json/version`)).ok, { what: 'Chromium', timeoutMs: 30_000 });
  return {
    port,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The parts of Lighthouse's JSON report (LHR) read here. */
type Report = {
  runtimeError?: { message: string };
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] } | undefined>;
  audits: Record<string, { score: number | null; numericValue?: number; details?: { items?: NetworkRequest[] } } | undefined>;
};

type NetworkRequest = { url: string; resourceType?: string; transferSize?: number };

type Scores = Record<(typeof CATEGORIES)[number], number> & { failed: string[]; kb: number; fontKb: number; otherOrigins: string[] };

async function audit(url: string, port: number): Promise<Scores> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [LIGHTHOUSE_CLI, url, `--port=${port}`, '--quiet', '--output=json', '--output-path=stdout', `--only-categories=${CATEGORIES.join(',')}`],
    {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const lhr = JSON.parse(stdout) as Report;
  if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.message}`);
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  // The audits that cost points, so a score below 100 says why.
  const failed = new Set<string>();
  for (const id of CATEGORIES) {
    for (const ref of lhr.categories[id]?.auditRefs ?? []) {
      const audited = lhr.audits[ref.id];
      if (ref.weight > 0 && audited && audited.score !== null && audited.score < 1) failed.add(`${ref.id} (${Math.round(audited.score * 100)})`);
    }
  }
  const requests = lhr.audits['network-requests']?.details?.items ?? [];
  const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
  const fontBytes = requests.filter((request) => request.resourceType === 'Font').reduce((sum, request) => sum + (request.transferSize ?? 0), 0);
  const origin = new URL(url).origin;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    'best-practices': score('best-practices'),
    seo: score('seo'),
    failed: [...failed],
    kb: kb(lhr.audits['total-byte-weight']?.numericValue ?? 0),
    fontKb: kb(fontBytes),
    otherOrigins: [...new Set(requests.map((request) => new URL(request.url).origin).filter((o) => o !== origin && !o.startsWith('data:') && o !== 'null'))],
  };
}

async function main() {
  const product = await startProduct();
  const chromium = await startChromium().catch(async (error: unknown) => {
    await product.stop();
    throw error;
  });
  try {
    const pages: [string, string][] = [['SPA landing page', `${product.url}/`], ...(await publishSites(product.url)).map(([template, url]): [string, string] => [`site: ${template}`, url])];
    const rows: [string, Scores][] = [];
    for (const [name, url] of pages) rows.push([name, await audit(url, chromium.port)]);

    console.log('\nLighthouse 12 (mobile), the built product on localhost\n');
    console.log(`${'page'.padEnd(22)} ${'perf'.padStart(5)} ${'a11y'.padStart(5)} ${'best'.padStart(5)} ${'seo'.padStart(5)} ${'KB'.padStart(7)} ${'fonts KB'.padStart(9)}  other origins`);
    for (const [name, s] of rows) {
      const scores = CATEGORIES.map((c) => String(s[c]).padStart(5)).join(' ');
      console.log(`${name.padEnd(22)} ${scores} ${String(s.kb).padStart(7)} ${String(s.fontKb).padStart(9)}  ${s.otherOrigins.join(', ') || 'none'}`);
    }
    const short = rows.filter(([, s]) => CATEGORIES.some((c) => s[c] < 100));
    for (const [name, s] of short) console.log(`\n${name}: audits below full marks: ${s.failed.join(', ')}`);
    console.log(short.length === 0 ? '\ntarget 100 / 100 / 100 / 100 on every page: met' : `\ntarget 100 / 100 / 100 / 100 on every page: NOT met on ${short.length} of ${rows.length}`);
    if (short.length > 0) process.exitCode = 1;
  } finally {
    await chromium.stop();
    await product.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
