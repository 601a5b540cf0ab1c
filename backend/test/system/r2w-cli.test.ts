import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { oneColumnCv } from '../extraction/text/fixtures';
import { builtFile } from '../support/built-product';
import { repoRoot } from '../support/databases';

// `r2w build` as a person runs it: the built command, a real process, files in, a site
// folder out.
const SAMPLE = path.resolve(repoRoot, 'cv-schema/fixtures/jsonresume-sample.resume.json');

function r2w(args: string[]) {
  const result = spawnSync(process.execPath, [builtFile('backend/bin/r2w.js'), ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'r2w-cli-'));

describe('r2w build', () => {
  it('builds a site from a JSON Resume file', () => {
    const out = path.join(tmp(), 'site');
    const { code, out: stdout } = r2w(['build', SAMPLE, '--template', 'academic', '--out', out, '--site-url', 'https://richard.example.com']);
    expect(code).toBe(0);
    expect(stdout).toContain(`Your site is in ${out}`);
    const html = readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(html).toContain('Richard Hendriks');
    expect(readFileSync(path.join(out, 'sitemap.xml'), 'utf8')).toContain('https://richard.example.com/');
    expect(existsSync(path.join(out, 'robots.txt'))).toBe(true);
    // The fonts the page asks for, beside it, so the folder opens as the published site looks.
    const fonts = [...html.matchAll(/url\((fonts\/[^)]+\.woff2)\)/g)].map((match) => match[1]!);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(readFileSync(path.join(out, font)).subarray(0, 4).toString('latin1')).toBe('wOF2');
  });

  it('builds a Hebrew CV’s site in Hebrew, right to left', () => {
    const dir = tmp();
    const cv = path.join(dir, 'dana.json');
    writeFileSync(
      cv,
      JSON.stringify({
        basics: { name: 'דנה לוי', summary: 'מהנדסת עם עשר שנות ניסיון בבניית מערכות תשלומים לבנקים.' },
        work: [{ name: 'Acme Pay', position: 'מהנדסת בכירה', highlights: ['הובלתי את הצוות שבנה מחדש את ספר החשבונות וקיצר בחצי את זמן הסליקה.'] }],
      }),
    );
    expect(r2w(['build', cv, '--out', path.join(dir, 'site')]).code).toBe(0);
    expect(readFileSync(path.join(dir, 'site', 'index.html'), 'utf8')).toMatch(/<html lang="he" dir="rtl"/);
  });

  it('extracts a PDF offline and builds from it, reporting progress', async () => {
    const dir = tmp();
    const pdf = path.join(dir, 'cv.pdf');
    writeFileSync(pdf, await oneColumnCv());
    const { code, err } = r2w(['build', pdf, '--out', path.join(dir, 'site')]);
    expect(code).toBe(0);
    expect(err).toMatch(/Checking every value against your CV/);
    expect(err).toMatch(/Extracted with the offline extractor/);
    expect(readFileSync(path.join(dir, 'site', 'index.html'), 'utf8')).toContain('Jane Doe');
  });

  it.each([
    [['build'], 2, /Name one CV file/],
    [['build', '/no/such/cv.pdf'], 2, /There is no file \/no\/such\/cv.pdf/],
    [['build', SAMPLE, '--template', 'sparkly'], 2, /There is no template "sparkly"/],
    [['build', SAMPLE, '--site-url', 'javascript:alert(1)'], 2, /--site-url must be an http\(s\) address/],
    [['frobnicate'], 2, /Unknown command "frobnicate"/],
  ])('refuses %j with exit code %i and a clear message', (args, exitCode, message) => {
    const { code, err } = r2w(args);
    expect(code).toBe(exitCode);
    expect(err).toMatch(message);
    expect(err).toContain('Usage:');
  });

  it('says why a file cannot be a CV', () => {
    const dir = tmp();
    const exe = path.join(dir, 'cv.pdf');
    writeFileSync(exe, Buffer.concat([Buffer.from('MZ'), Buffer.alloc(1000)]));
    expect(r2w(['build', exe]).err).toMatch(/is not a PDF, a Word document/);
    const bad = path.join(dir, 'cv.json');
    writeFileSync(bad, JSON.stringify({ schemaVersion: 1, hero: { fullName: 7 } }));
    const result = r2w(['build', bad]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/does not fit the CV format: .*hero\.fullName/);
  });

  it('lists the templates', () => {
    const { code, out } = r2w(['templates']);
    expect(code).toBe(0);
    expect(out.trim().split('\n').length).toBeGreaterThanOrEqual(4);
  });
});
