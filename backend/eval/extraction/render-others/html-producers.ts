import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fullReading, installPinned, installThemes, loadTheme, runTheme, themeInput } from './jsonresume';
import { type SourceCv } from './source-cvs';
import { pdfTexts, PrintedText, printedTruth } from './printed-truth';
import { writeFamily, type FamilyDocument } from './family-files';
import { withStatedFacts } from './reading';

// The typst-* and reactpdf-* families: PDFs made by two producers none of the other families
// uses, Typst and react-pdf (pdfkit underneath), each with its own text layer (glyph runs
// positioned without space glyphs in Typst; lines cut by react-pdf's own layout engine).
// Their résumé templates cannot be installed here (Typst's come from its package registry,
// which is not reachable; react-pdf's are application code on no registry), so the layout is
// again one other people wrote: the HTML a JSON Resume theme (pinned in themes/) makes of the
// CV, turned into each producer's input by converters other people wrote, pinned in typst/ and
// react-pdf/ and installed like the themes into a temporary folder. Held out: added on
// 2026-12-06 with no extraction change made on them.

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

interface Producer {
  family: string;
  title: string;
  /** The folder under render-others/ pinning the producer (package.json, package-lock.json). */
  tools: string;
  runner: string;
  /** Passed to the runner: the fonts it may use. */
  fonts: string;
  /** The npm packages that make the PDF, for SOURCES.md. */
  packages: string[];
  /** Which theme lays out which CVs (themes whose HTML the producer renders without losing the page). */
  plan: Readonly<Record<string, readonly string[]>>;
  layout: string;
  made: (versions: string) => string;
}

export const PRODUCERS: readonly Producer[] = [
  {
    family: 'typst-myst',
    title: "Typst: a JSON Resume theme's HTML typeset by the Typst compiler (via myst-to-typst)",
    tools: 'typst',
    runner: TYPST_RUNNER,
    fonts: '/usr/share/fonts',
    packages: ['@myriaddreamin/typst-ts-node-compiler', 'myst-to-typst', 'hast-util-to-mdast', 'hast-util-from-html'],
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
    tools: 'react-pdf',
    runner: REACT_PDF_RUNNER,
    fonts: '/usr/share/fonts/truetype/liberation',
    packages: ['@react-pdf/renderer', 'react-pdf-html', 'react', 'he'],
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
];

const run = (dir: string, producer: Producer, html: string) =>
  Buffer.from(execFileSync('node', [path.join(dir, 'run.mjs'), producer.fonts], { cwd: dir, input: html, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 }), 'base64');

const installedVersion = (dir: string, name: string) => (JSON.parse(readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

export function renderProducerFamilies(cvs: SourceCv[], outDir: string, only: (family: string) => boolean): void {
  const wanted = PRODUCERS.filter((producer) => only(producer.family));
  if (wanted.length === 0) return;
  const themes = process.env.THEMES_DIR ?? installThemes();
  try {
    for (const producer of wanted) {
      const dir = installPinned(path.join(__dirname, producer.tools), `r2w-${producer.tools}-`, producer.runner);
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
            const file = path.join(folder, `${source.name}.pdf`);
            writeFileSync(file, run(dir, producer, runTheme(themes, name, 'render', JSON.stringify(resume))));
            const { truth, dropped } = printedTruth(withStatedFacts(fullReading(resume), source.cv), new PrintedText(pdfTexts(file)));
            documents.push({ name: source.name, formats: ['pdf'], truth, dropped, source: `${source.origin}, through jsonresume-theme-${name} ${theme.version} (${theme.license})` });
          }
        }
        const versions = producer.packages.map((name) => `${name} ${installedVersion(dir, name)}`).join(', ');
        writeFamily(folder, documents, {
          title: producer.title,
          layout: producer.layout,
          made: [
            "CV → JSON Resume → HTML: `toJsonResume` from @r2w/cv-schema, each job's bullets as its `highlights`, then the theme's own `render()`, exactly as for the jsonresume-* families (themes pinned in render-others/themes/).",
            producer.made(versions),
            `Command: \`npm run eval:render-others -- ${producer.family}\` (installs render-others/${producer.tools}/package-lock.json and render-others/themes/package-lock.json with \`npm ci --ignore-scripts\` into temporary folders; \`THEMES_DIR=<folder>\` reuses an install of the themes).`,
          ],
        });
        console.log(`${producer.family}: ${documents.length} documents`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    if (!process.env.THEMES_DIR) rmSync(themes, { recursive: true, force: true });
  }
}
