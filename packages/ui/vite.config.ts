import { defineConfig } from 'vite';

/**
 * Builds the app in `app/` into `dist/app`. `base: './'` makes every asset URL relative, so the
 * same build works under any mount prefix. JSX compiles for Preact with Vite's own transform.
 */
export default defineConfig({
  root: 'app',
  base: './',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: '../dist/app',
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    // Inlined assets would become data: URLs, which the strict Content-Security-Policy refuses.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: {
    // `npm run dev -w packages/ui` beside `npm start -w @cupid-dashboard/server` on :8080.
    proxy: { '/api': 'http://127.0.0.1:8080', '/health': 'http://127.0.0.1:8080' },
  },
});
