import { randomUUID } from 'node:crypto';
import { CvSchema, type Cv } from '@r2w/cv-schema';
import { buildAndWait, createPortfolio, expectError, expectStatus, importCv, register, type Account } from '../harness/api';
import { check, fail, type Case, type Context, type Family } from '../harness/cases';
import { call, type Reply } from '../harness/http';
import { bodyText, scriptFindings } from '../harness/inert-html';
import { fullCv } from '../../support/full-cv';
import { filePart, multipart, multipartType } from '../files/multipart';

// Script payloads in every field of a CV, saved through the API, built with every
// template, and read back from the built preview and the published site: no page may
// carry a script (JSON-LD aside), an event handler or a script URL, and the payloads
// must be there as text (so the check is not passing on an empty page).

const TEXT_PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '</style><script>alert(1)</script>',
  '</title></textarea><iframe src=javascript:alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
];
// URL fields: the schema refuses script URLs (a case below checks it); these get through it.
const URL_PAYLOADS = [
  'data:text/html,<script>alert(1)</script>',
  'https://x.example/"><script>alert(1)</script>',
  'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+',
  'https://x.example/#" onmouseover="alert(1)',
];
const SCRIPT_URLS = ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'vbscript:msgbox(1)'];
const URL_FIELD = /url$|profile$/i;
const MARK = '<script>alert(1)</script>';

function poison(urls: readonly string[]): Cv {
  let counter = 0;
  const walk = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') {
      counter += 1;
      // Ids stay unique (the editor's keys) while still carrying markup.
      if (key === 'id') return `${TEXT_PAYLOADS[0]}${counter}`;
      if (URL_FIELD.test(key)) return urls[counter % urls.length];
      return TEXT_PAYLOADS[counter % TEXT_PAYLOADS.length];
    }
    if (Array.isArray(value)) return value.map((entry) => walk(entry, key));
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  const cv = walk(fullCv(), '') as Cv;
  cv.hero.fullName = MARK;
  cv.contact.email = '"><img src=x onerror=alert(1)>@example.com';
  return cv;
}

type Path = readonly PropertyKey[];

function setAt(target: unknown, path: Path, value: unknown): void {
  const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown>)[key], target);
  (parent as Record<PropertyKey, unknown>)[path.at(-1)!] = value;
}

const valueAt = (source: unknown, path: Path): unknown => path.reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown>)?.[key], source);

// Fields the schema constrains to a closed set (enums, the extraction report) cannot hold
// a payload at all: they keep the fixture's value, found by asking the schema itself.
const CLOSED_FIELDS: Path[] = (() => {
  const result = CvSchema.safeParse(poison(URL_PAYLOADS));
  return result.success ? [] : result.error.issues.map((issue) => issue.path);
})();

/** The full CV with a payload in every field that takes text, `urls` in the address fields. */
function poisoned(urls: readonly string[]): Cv {
  const cv = poison(urls);
  const original = fullCv();
  for (const path of CLOSED_FIELDS) setAt(cv, path, valueAt(original, path));
  return cv;
}

function inert(res: Reply, what: string, expectPayload: boolean): void {
  check(res.status === 200 || (res.status === 404 && !expectPayload), `${what} answered ${res.status} ${res.text.slice(0, 200)}`);
  const findings = scriptFindings(res.text);
  check(findings.length === 0, `${what} can run script: ${findings.slice(0, 5).join(' | ')}`);
  if (expectPayload) check(bodyText(res.text).includes(MARK), `${what} does not show the payload as text: the check would prove nothing`);
  const csp = res.headers.get('content-security-policy') ?? '';
  check(/default-src 'none'/.test(csp) && !/script-src[^;]*'unsafe-inline'/.test(csp), `${what} lacks a script-blocking Content-Security-Policy: "${csp}"`);
}

async function templateCases(ctx: Context, user: Account, cvId: string, templateId: string): Promise<Case[]> {
  const portfolioId = await createPortfolio(ctx, user, cvId, templateId);
  const auth = { token: user.accessToken };
  const slug = `xss-${templateId}-${randomUUID().slice(0, 8)}`;
  expectStatus(await call(ctx.url, 'PATCH', `/api/v1/portfolios/${portfolioId}`, { ...auth, json: { slug, settings: { siteUrl: 'https://dana.example.com', accentColor: '#123456' } } }), 200);
  const build = await buildAndWait(ctx, user, portfolioId);
  if (build.status !== 'succeeded') fail(`the ${templateId} build ended ${build.status} ${JSON.stringify(build.error)}`);
  expectStatus(await call(ctx.url, 'POST', `/api/v1/portfolios/${portfolioId}/publish`, auth), 200);
  const preview = new URL(build.previewUrl!, ctx.url);
  const page = (c: Context, file: string) => call(c.url, 'GET', `${preview.pathname}${file}${preview.search}`);
  return [
    { name: `${templateId}: preview home page`, run: async (c) => inert(await page(c, ''), 'the preview', true) },
    { name: `${templateId}: preview 404 page`, run: async (c) => inert(await page(c, '404.html'), 'the preview 404 page', false) },
    { name: `${templateId}: published home page`, run: async (c) => inert(await call(c.url, 'GET', `/sites/${slug}/`), 'the published site', true) },
    { name: `${templateId}: published page that does not exist`, run: async (c) => inert(await call(c.url, 'GET', `/sites/${slug}/no-such-page`), 'the published 404 page', false) },
    {
      name: `${templateId}: hostile accent colour and language refused`,
      run: async (c) =>
        expectError(
          await call(c.url, 'PATCH', `/api/v1/portfolios/${portfolioId}`, {
            ...auth,
            json: { settings: { accentColor: 'red;}</style><script>alert(1)</script>', language: '"><script>alert(1)</script>' } },
          }),
          [400],
          'VALIDATION_FAILED',
        ),
    },
    {
      name: `${templateId}: script URL as the site URL refused`,
      run: async (c) => expectError(await call(c.url, 'PATCH', `/api/v1/portfolios/${portfolioId}`, { ...auth, json: { settings: { siteUrl: 'javascript:alert(1)//' } } }), [400], 'VALIDATION_FAILED'),
    },
  ];
}

export const xssFamily: Family = {
  name: 'xss',
  async prepare(ctx) {
    const user = await register(ctx, 'xss');
    const auth = { token: user.accessToken };
    const cvId = await importCv(ctx, user);
    const cases: Case[] = SCRIPT_URLS.map((url) => ({
      name: `CV data with ${JSON.stringify(url)} in every URL field refused`,
      run: async (c: Context) => expectError(await call(c.url, 'PUT', `/api/v1/cvs/${cvId}/data`, { ...auth, json: poisoned([url]) }), [400], 'VALIDATION_FAILED'),
    }));
    const saved = await call(ctx.url, 'PUT', `/api/v1/cvs/${cvId}/data`, { ...auth, json: poisoned(URL_PAYLOADS) });
    if (saved.status !== 200) fail(`saving the poisoned CV answered ${saved.status} ${saved.text.slice(0, 300)}`);
    cases.push({
      name: 'the poisoned CV reads back exactly as saved',
      run: async (c) => {
        const back = await call(c.url, 'GET', `/api/v1/cvs/${cvId}`, auth);
        expectStatus(back, 200);
        check(back.json.cv.data.hero.fullName === MARK, 'the payload did not survive the round trip');
        check(back.headers.get('content-type')?.startsWith('application/json'), `the CV is served as ${back.headers.get('content-type')}`);
      },
    });
    cases.push({
      name: 'the export is a JSON attachment, not a page',
      run: async (c) => {
        const exported = await call(c.url, 'GET', `/api/v1/cvs/${cvId}/export?format=json-resume`, auth);
        expectStatus(exported, 200);
        check(
          exported.headers.get('content-type')?.startsWith('application/json') && /^attachment/.test(exported.headers.get('content-disposition') ?? ''),
          `served as ${exported.headers.get('content-type')}, ${exported.headers.get('content-disposition')}`,
        );
      },
    });
    cases.push({
      name: 'an uploaded HTML file downloads as an attachment that is not sniffed',
      run: async (c) => {
        const page = `<html><body><script>alert(document.cookie)</script>Jane Doe</body></html>`;
        const res = await call(c.url, 'POST', '/api/v1/cvs', { ...auth, body: multipart([filePart(page, 'cv.html')]), headers: { 'content-type': multipartType() } });
        expectStatus(res, 202);
        const file = await call(c.url, 'GET', `/api/v1/cvs/${res.json.cv.id}/file`, auth);
        expectStatus(file, 200);
        check(!/html/i.test(file.headers.get('content-type') ?? ''), `served as ${file.headers.get('content-type')}`);
        check(/^attachment/.test(file.headers.get('content-disposition') ?? ''), `Content-Disposition: ${file.headers.get('content-disposition')}`);
        check(file.headers.get('x-content-type-options') === 'nosniff', 'no X-Content-Type-Options: nosniff');
      },
    });
    const templates = await call(ctx.url, 'GET', '/api/v1/templates');
    expectStatus(templates, 200);
    const ids = (templates.json.templates as { id: string }[]).map((t) => t.id);
    check(ids.length > 0, 'GET /api/v1/templates lists no template');
    // The builds run side by side; each template's pages are then cases of their own.
    for (const perTemplate of await Promise.all(ids.map((id) => templateCases(ctx, user, cvId, id)))) cases.push(...perTemplate);
    return cases;
  },
};
