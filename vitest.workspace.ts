/**
 * The test projects. Vitest 4 does not read this file by itself: `vitest.config.ts` imports it
 * into `test.projects`, so every package's own `vitest.config.ts` (its name, includes, timeouts)
 * is applied. Run one with `npx vitest run --project core`.
 */
export default ['packages/*', 'examples/*', 'integration'];
