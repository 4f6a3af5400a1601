import { defineProject } from 'vitest/config';

// No 'import' condition: Vitest hands the conditions to Node for external packages, and with
// 'import' pg's CommonJS entry would `require` pg-pool's ESM build and fail.
const conditions = ['source', 'module', 'node', 'default'];

export default defineProject({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    name: 'postgres-store',
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // A hang guard, not a speed check: every store migrates a schema of its own on open.
    testTimeout: 30_000,
    hookTimeout: 180_000,
  },
});
