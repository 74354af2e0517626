// Builds the dashboard (web/) into dist/web, which `marketdash serve` serves at /.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1024,
    // .vite/manifest.json: which chunks each page loads (bench/dashboard-bench.ts weighs them)
    manifest: true,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
