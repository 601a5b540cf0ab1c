import react from '@vitejs/plugin-react';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig } from 'vite';
import { viteStaticCopy } from 'vite-plugin-static-copy';
import { PDFJS_ASSETS } from './src/features/cvs/lib/pdfjs-assets';

// The shared packages are compiled from source (their `r2w-source` export), so the live
// preview bundles the very template components the builder renders with.
const API = process.env.R2W_DEV_API ?? 'http://localhost:2000';

// pdf.js reads CJK text in fonts a PDF does not embed through Adobe's CMaps, and draws the
// 14 standard fonts from its own font files: both ship in pdfjs-dist and are fetched only by
// a PDF that needs them. Copied under assets/ in a folder named for pdf.js's version, so
// they are cached for good like the hashed files there.
const pdfjsDist = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

export default defineConfig({
  plugins: [
    react(),
    viteStaticCopy({
      targets: (['cmaps', 'standardFonts'] as const).map((kind) => ({
        src: path.join(pdfjsDist, kind === 'cmaps' ? 'cmaps' : 'standard_fonts', '*'),
        dest: PDFJS_ASSETS[kind],
      })),
    }),
  ],
  resolve: {
    conditions: ['r2w-source', ...defaultClientConditions],
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    manifest: true,
    reportCompressedSize: false,
  },
  server: {
    port: 5173,
    proxy: { '/api': API, '/sites': API, '/previews': API },
  },
});
