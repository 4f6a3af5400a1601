import { defineConfig } from 'tsup';

export default defineConfig({
  // The write thread's entry point is built beside the bundle, where `spawn-write-worker` looks.
  entry: { index: 'src/index.ts', 'write-worker': 'src/write-worker.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts' } },
  clean: true,
  sourcemap: true,
  target: 'node20',
  // Each entry self-contained (no shared chunk), so the worker file can be shipped on its own.
  splitting: false,
  // `import.meta.url` in the CommonJS build (the worker's path is resolved from it).
  shims: true,
});
