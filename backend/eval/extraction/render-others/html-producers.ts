import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fullReading, installPinned, installThemes, loadTheme, runTheme, themeInput } from './jsonresume';
import { type SourceCv } from './source-cvs';
import { docxTexts, pdfTexts, PrintedText, printedTruth } from './printed-truth';
import { writeFamily, type FamilyDocument } from './family-files';
import { withStatedFacts } from './reading';

// The typst-*, reactpdf-*, pandoc-* and wkhtmltopdf-* families: documents made by producers
// none of the other families uses, each with its own text layer (glyph runs positioned without
// space glyphs in Typst; lines cut by react-pdf's own layout engine; Word paragraphs in
// pandoc's styles; Qt WebKit's PDF of a page laid out at its own width).
// Their résumé templates cannot be installed here (Typst's come from its package registry,
// which is not reachable; react-pdf's are application code on no registry), so the layout is
// again one other people wrote: the HTML a JSON Resume theme (pinned in themes/) makes of the
// CV, turned into each producer's input by converters other people wrote, pinned in typst/ and
// react-pdf/ and installed like the themes into a temporary folder, or programs Debian ships
// (pandoc, wkhtmltopdf). Held out: added on 2026-12-06 with no extraction change made on them.

/** Seconds since 1970 written as the PDFs' creation date, so a re-run changes no bytes unless the inputs changed. */
const CREATED = 1767225600;

// HTML on standard input → Typst markup (the HTML read by hast-util-from-html, turned into a
// Markdown tree by hast-util-to-mdast, written as Typst by myst-to-typst) → PDF by the Typst
// compiler with its default page and fonts, the folder named in argv[2] added for the scripts
// its fonts lack. Printed base64 on standard output.
const TYPST_RUNNER = `import { readFileSync } from 'node:fs';
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import { unified } from 'unified';
import mystToTypst from 'myst-to-typst';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
const processor = unified().use(mystToTypst);
const file = processor.stringify(await processor.run(toMdast(fromHtml(readFileSync(0, 'utf8')))));
const compiler = NodeCompiler.create({ fontArgs: [{ fontPaths: [process.argv[2]] }] });
process.stdout.write(compiler.pdf({ mainFileContent: file.result.value }, { creationTimestamp: ${CREATED} }).toString('base64'));
`;

// HTML on standard input → react-pdf elements by react-pdf-html (its CSS support: the theme's
// <style> sheets) → PDF by @react-pdf/renderer on an A4 page with a half-inch margin. react-pdf
// draws only fonts registered with it: every family the theme's CSS names is registered with the
// Liberation face of its kind from the folder in argv[2], as a browser falls back to a local
// font. Words are not hyphenated (react-pdf's default breaks words with a hyphen; résumé code
// usually turns that off, and a broken word could not be read back for the truth).
// react-pdf-html prints a text as its HTML source writes it ("&mdash;"), where a browser
// decodes entities: they are decoded first (by he), unless the text would then hold a tag. It
// has no renderer for <time> and drops it with its text (the themes' dates): a time is drawn
// as the inline text a browser shows.
const REACT_PDF_RUNNER = `import { readFileSync } from 'node:fs';
import he from 'he';
import React from 'react';
import { Document, Font, Page, Text, renderToBuffer } from '@react-pdf/renderer';
import Html from 'react-pdf-html';
const decoded = (match, text) => (he.decode(text).includes('<') ? match : '>' + he.decode(text) + '<');
const html = readFileSync(0, 'utf8').replace(/<!doctype[^>]*>/i, '').replace(/>([^<]+)</g, decoded);
const kind = (family) => (/mono|courier|consol/i.test(family) ? 'LiberationMono' : /serif/i.test(family) && !/sans/i.test(family) ? 'LiberationSerif' : 'LiberationSans');
const faces = [['Regular', 'normal', false], ['Bold', 'normal', true], ['Italic', 'italic', false], ['BoldItalic', 'italic', true]];
const families = new Set(['sans-serif', 'serif', 'monospace']);
for (const [, list] of html.matchAll(/font-family\\s*:\\s*([^;}]+)/gi)) for (const name of list.split(',')) families.add(name.trim().replace(/^(['"]|&quot;)+|(['"]|&quot;)+$/g, ''));
for (const family of families) {
  if (!family || ['helvetica', 'times-roman', 'courier'].includes(family.toLowerCase())) continue;
  const fonts = faces.flatMap(([face, fontStyle, bold]) => [100, 200, 300, 400, 500, 600, 700, 800, 900].filter((weight) => weight >= 600 === bold).map((fontWeight) => ({ src: process.argv[2] + '/' + kind(family) + '-' + face + '.ttf', fontStyle, fontWeight })));
  Font.register({ family, fonts });
}
Font.registerHyphenationCallback((word) => [word]);
const h = React.createElement;
const created = new Date(${CREATED} * 1000);
const renderers = { time: ({ style, children }) => h(Text, { style }, children) };
const pdf = await renderToBuffer(h(Document, { creationDate: created, modificationDate: created }, h(Page, { size: 'A4', style: { padding: 36 } }, h(Html, { renderers }, html))));
process.stdout.write(pdf.toString('base64'));
`;

/** Tools from npm, pinned in a folder under render-others/ and run in a Node process of their own. */
interface NpmTools {
  /** The folder under render-others/ pinning them (package.json, package-lock.json). */
  folder: string;
  /** Reads the HTML on standard input, prints the document base64 on standard output. */
  runner: string;
  /** Passed to the runner: the fonts it may use. */
  fonts: string;
  /** The npm packages that make the document, for SOURCES.md. */
  packages: string[];
}

/** A program Debian ships (apt), run on the HTML. */
interface DebianTool {
  /** The Debian packages that make the document, for SOURCES.md. */
  debian: string[];
  convert: (html: string) => Buffer;
}

// HTML → DOCX by pandoc's HTML reader and Word writer with its default reference document, as
// a person turns a web page into a Word file. No network is reachable here, so a picture on the
// web is replaced by its description as on an offline machine (pandoc 2.17's --sandbox would say
// so, but it also refuses pandoc's own DOCX template); SOURCE_DATE_EPOCH fixes the dates written
// into the file.
const pandocDocx = (html: string): Buffer =>
  execFileSync('pandoc', ['--from', 'html', '--to', 'docx', '--output', '-'], {
    input: html,
    env: { ...process.env, SOURCE_DATE_EPOCH: String(CREATED) },
    stdio: ['pipe', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });

/** wkhtmltopdf's "PDF made" date, written over with CREATED (same length, so no offset in the file moves). */
const PDF_DATE = new RegExp(String.raw`/CreationDate \(D:\d{14}Z\)`, 'g');
const FIXED_DATE = `/CreationDate (D:${new Date(CREATED * 1000).toISOString().replace(/\D/g, '').slice(0, 14)}Z)`;

// HTML → PDF by wkhtmltopdf (Qt WebKit) with its defaults but an A4 page, Qt drawing offscreen.
// No network is reachable here: a style sheet or font on the web is not loaded, and wkhtmltopdf
// then exits with 1 after writing the whole PDF (the load-error options only cover frames and
// media), so only that failure passes.
function wkhtmltopdf(html: string): Buffer {
  // Files, not pipes: wkhtmltopdf waits for ever on a page read from a socket. The folder is also
  // Qt's runtime folder, which must be the process's own (mode 0700, as mkdtemp makes it).
  const dir = mkdtempSync(path.join(os.tmpdir(), 'r2w-wkhtmltopdf-'));
  try {
    writeFileSync(path.join(dir, 'cv.html'), html);
    const result = spawnSync('wkhtmltopdf', ['--quiet', '--load-error-handling', 'ignore', '--load-media-error-handling', 'ignore', '--page-size', 'A4', 'cv.html', 'cv.pdf'], {
      cwd: dir,
      env: { ...process.env, QT_QPA_PLATFORM: 'offscreen', XDG_RUNTIME_DIR: dir },
      encoding: 'utf8',
      timeout: 120_000,
    });
    const pdf = path.join(dir, 'cv.pdf');
    if (result.status !== 0 && !(result.status === 1 && /due to network error/.test(result.stderr) && readFileSync(pdf, 'latin1').trimEnd().endsWith('%%EOF')))
      throw new Error(`wkhtmltopdf failed (${result.status ?? result.signal}): ${result.stderr}`);
    return Buffer.from(readFileSync(pdf, 'latin1').replace(PDF_DATE, FIXED_DATE), 'latin1');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Producer {
  family: string;
  title: string;
  format: 'pdf' | 'docx';
  tools: NpmTools | DebianTool;
  /** Which theme lays out which CVs (themes whose HTML the producer renders without losing the page). */
  plan: Readonly<Record<string, readonly string[]>>;
  layout: string;
  made: (versions: string) => string;
}

export const PRODUCERS: readonly Producer[] = [
  {
    family: 'typst-myst',
    title: "Typst: a JSON Resume theme's HTML typeset by the Typst compiler (via myst-to-typst)",
    format: 'pdf',
    tools: {
      folder: 'typst',
      runner: TYPST_RUNNER,
      fonts: '/usr/share/fonts',
      packages: ['@myriaddreamin/typst-ts-node-compiler', 'myst-to-typst', 'hast-util-to-mdast', 'hast-util-from-html'],
    },
    plan: {
      even: ['senior-software-engineer', 'backend-engineer'],
      class: ['data-analyst', 'new-graduate'],
      flat: ['mechanical-engineer', 'sre-shapes'],
    },
    layout:
      "the structure (what is printed, in which order, headings, lists, emphasis) is the JSON Resume theme's (named per document below; its HTML from the theme's own `render()`), " +
      "written as Typst markup by myst-to-typst (the MyST project's Typst writer, MIT) and typeset with Typst's own defaults (its page, Libertinus Serif, its headings and lists). " +
      'The Typst résumé templates on packages.typst.org cannot be installed here (no network but the npm registry and apt) and their sources may not be copied in, so none of them is used.',
    made: (versions) =>
      `HTML → Typst → PDF: render-others/html-producers.ts runs, in a Node process of its own, hast-util-from-html, hast-util-to-mdast and myst-to-typst on the theme's HTML, then compiles the Typst markup with the Typst compiler of @myriaddreamin/typst-ts-node-compiler (its linux-x64 binary comes as an npm optional dependency), fonts: the compiler's own (Libertinus Serif) and Debian's in /usr/share/fonts (fonts-arphic-* for Chinese, by Typst's font fallback). Versions: ${versions}.`,
  },
  {
    family: 'reactpdf-html',
    title: "react-pdf: a JSON Resume theme's HTML and CSS laid out by react-pdf (via react-pdf-html)",
    format: 'pdf',
    tools: {
      folder: 'react-pdf',
      runner: REACT_PDF_RUNNER,
      fonts: '/usr/share/fonts/truetype/liberation',
      packages: ['@react-pdf/renderer', 'react-pdf-html', 'react', 'he'],
    },
    plan: {
      autumn: ['registered-nurse', 'marketing-manager'],
      flat: ['finance-executive', 'academic-professor'],
      straightforward: ['teacher-to-ux-designer', 'data-analyst'],
    },
    layout:
      "the JSON Resume theme's HTML and CSS (named per document below; from the theme's own `render()`), turned into react-pdf's View and Text elements by react-pdf-html (MIT; it applies the theme's style sheets as far as react-pdf's flexbox styles go) and laid out and written by @react-pdf/renderer (MIT). " +
      "react-pdf's own résumé layouts are application code published on no registry, so none of them is used; themes whose CSS react-pdf refuses (a border radius in % or em, fonts named through CSS variables) or whose columns it draws over each other (macchiato's sidebar) are not used.",
    made: (versions) =>
      `HTML → PDF: render-others/html-producers.ts runs react-pdf-html and @react-pdf/renderer's \`renderToBuffer\` in a Node process of its own (A4, 36 pt padding, the HTML's doctype removed and its entities decoded with he, since react-pdf-html prints both as text; \`<time>\` drawn as inline text, which react-pdf-html would drop; hyphenation off), every font family the CSS names registered with the Liberation font of its kind (fonts-liberation, apt). Versions: ${versions}.`,
  },
  {
    family: 'pandoc-docx',
    title: "pandoc: a JSON Resume theme's HTML converted to a Word document by pandoc",
    format: 'docx',
    tools: { debian: ['pandoc'], convert: pandocDocx },
    plan: {
      stackoverflow: ['mechanical-engineer', 'academic-professor'],
      even: ['marketing-manager', 'backend-engineer'],
      macchiato: ['data-analyst', 'registered-nurse'],
    },
    layout:
      "the structure (what is printed, in which order, headings, lists, emphasis, links) is the JSON Resume theme's (named per document below; its HTML from the theme's own `render()`), " +
      "converted by pandoc's HTML reader and written by its DOCX writer in pandoc's default Word styles (Title, Heading 1–6, Body Text, Compact lists). pandoc does not read CSS: a sidebar's blocks come before the main column, as in the HTML. " +
      'No Word résumé template can be installed here (none is on npm or in Debian), so the document is one a person gets by converting a web résumé to Word.',
    made: (versions) =>
      `HTML → DOCX: render-others/html-producers.ts runs \`pandoc --from html --to docx\` on the theme's HTML (no network reachable, so pictures on the web become their descriptions; SOURCE_DATE_EPOCH fixes the file's dates); the file is committed as pandoc wrote it. Versions: ${versions}.`,
  },
  {
    family: 'wkhtmltopdf-sidebar',
    title: "wkhtmltopdf: a JSON Resume theme's two-column HTML printed to PDF by Qt WebKit",
    format: 'pdf',
    tools: { debian: ['wkhtmltopdf', 'libqt5webkit5'], convert: wkhtmltopdf },
    plan: {
      macchiato: ['mechanical-engineer', 'marketing-manager'],
      spartacus: ['data-analyst', 'registered-nurse'],
      caffeine: ['backend-engineer', 'finance-executive'],
    },
    layout:
      "the JSON Resume theme's HTML and CSS (named per document below; from the theme's own `render()`), each a page with a sidebar column beside the main one, laid out and printed by wkhtmltopdf (LGPL-3.0), Qt WebKit's HTML-to-PDF program, with its defaults (its own page width and smart shrinking) on A4. " +
      'Its PDFs are written by Qt, not by Chromium, LibreOffice or a TeX engine, with a text layer of their own.',
    made: (versions) =>
      `HTML → PDF: render-others/html-producers.ts runs \`wkhtmltopdf --load-error-handling ignore --load-media-error-handling ignore --page-size A4 cv.html cv.pdf\` (QT_QPA_PLATFORM=offscreen) on the theme's HTML; nothing on the network is reachable, so web fonts, icon fonts and CDN style sheets fall back to Debian's local fonts (fontconfig) as on an offline machine; the PDF's creation date set to 2026-01-01. Versions: ${versions}.`,
  },
];

const runNpm = (dir: string, tools: NpmTools, html: string) =>
  Buffer.from(execFileSync('node', [path.join(dir, 'run.mjs'), tools.fonts], { cwd: dir, input: html, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 }), 'base64');

const installedVersion = (dir: string, name: string) => (JSON.parse(readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

const debianVersion = (name: string) => execFileSync('dpkg-query', ['-W', '-f=${Version}', name], { encoding: 'utf8' });

/** How a producer makes a document of a theme's HTML, and its tools' versions; `close` removes what was installed. */
function openProducer(producer: Producer): { make: (html: string) => Buffer; versions: string; install: string; close: () => void } {
  const tools = producer.tools;
  if ('convert' in tools)
    return {
      make: tools.convert,
      versions: tools.debian.map((name) => `${name} ${debianVersion(name)} (Debian)`).join(', '),
      install: 'installs render-others/themes/package-lock.json with `npm ci --ignore-scripts` into a temporary folder',
      close: () => undefined,
    };
  const dir = installPinned(path.join(__dirname, tools.folder), `r2w-${tools.folder}-`, tools.runner);
  return {
    make: (html) => runNpm(dir, tools, html),
    versions: tools.packages.map((name) => `${name} ${installedVersion(dir, name)}`).join(', '),
    install: `installs render-others/${tools.folder}/package-lock.json and render-others/themes/package-lock.json with \`npm ci --ignore-scripts\` into temporary folders`,
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function renderProducerFamilies(cvs: SourceCv[], outDir: string, only: (family: string) => boolean): void {
  const wanted = PRODUCERS.filter((producer) => only(producer.family));
  if (wanted.length === 0) return;
  const themes = process.env.THEMES_DIR ?? installThemes();
  try {
    for (const producer of wanted) {
      const { make, versions, install, close } = openProducer(producer);
      try {
        const folder = path.join(outDir, producer.family);
        rmSync(folder, { recursive: true, force: true });
        mkdirSync(folder, { recursive: true });
        const documents: FamilyDocument[] = [];
        for (const [name, names] of Object.entries(producer.plan)) {
          const theme = loadTheme(themes, name);
          for (const cvName of names) {
            const source = cvs.find((cv) => cv.name === cvName);
            if (!source) throw new Error(`${producer.family}: no source CV named ${cvName}`);
            const resume = themeInput(source.cv);
            const file = path.join(folder, `${source.name}.${producer.format}`);
            writeFileSync(file, make(runTheme(themes, name, 'render', JSON.stringify(resume))));
            const printed = new PrintedText(producer.format === 'docx' ? docxTexts(file) : pdfTexts(file));
            const { truth, dropped } = printedTruth(withStatedFacts(fullReading(resume), source.cv), printed);
            documents.push({ name: source.name, formats: [producer.format], truth, dropped, source: `${source.origin}, through jsonresume-theme-${name} ${theme.version} (${theme.license})` });
          }
        }
        writeFamily(folder, documents, {
          title: producer.title,
          layout: producer.layout,
          made: [
            "CV → JSON Resume → HTML: `toJsonResume` from @r2w/cv-schema, each job's bullets as its `highlights`, then the theme's own `render()`, exactly as for the jsonresume-* families (themes pinned in render-others/themes/).",
            producer.made(versions),
            `Command: \`npm run eval:render-others -- ${producer.family}\` (${install}; \`THEMES_DIR=<folder>\` reuses an install of the themes).`,
          ],
        });
        console.log(`${producer.family}: ${documents.length} documents`);
      } finally {
        close();
      }
    }
  } finally {
    if (!process.env.THEMES_DIR) rmSync(themes, { recursive: true, force: true });
  }
}
