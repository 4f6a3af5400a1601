import { defineConfig } from 'tsup';

export default defineConfig({
  // `cli` is the bin (dist/cli.js, ESM; esbuild keeps its `#!/usr/bin/env node` line).
  entry: { index: 'src/index.ts', cli: 'src/cli/main.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts' } },
  clean: true,
  sourcemap: true,
  target: 'node20',
});
