import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig } from 'vite';

// The shared packages are compiled from source (their `r2w-source` export), so the live
// preview bundles the very template components the builder renders with.
const API = process.env.R2W_DEV_API ?? 'http://localhost:2000';

export default defineConfig({
  plugins: [react()],
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
