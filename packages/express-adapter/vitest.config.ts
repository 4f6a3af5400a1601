import { defineProject } from 'vitest/config';

// No 'import' condition here: Vitest hands the conditions to Node for external packages, and
// with 'import' the router inside Express 5 would `require` is-promise's ESM build and fail.
const conditions = ['source', 'module', 'node', 'default'];

export default defineProject({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    name: 'express',
    include: ['test/**/*.test.ts'],
    // A hang guard, not a speed check: real-HTTP tests over large datasets take seconds on a
    // loaded machine, past Vitest's 5 s default.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
