import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  // Not `clean`: it would delete dist/app, which Vite writes after this step.
  clean: false,
  sourcemap: true,
  shims: true,
  target: 'node20',
});
