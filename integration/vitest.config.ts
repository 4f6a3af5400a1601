import { defineProject } from 'vitest/config';

// No 'import' condition: Vitest hands the conditions to Node for external packages, and with
// 'import' the router inside Express 5 would `require` is-promise's ESM build and fail.
const conditions = ['source', 'module', 'node', 'default'];

export default defineProject({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    name: 'integration',
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
