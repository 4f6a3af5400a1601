/**
 * The seeded random source of probabilistic faults: the same seed gives the same sequence, so a
 * random fault matrix is reproducible. It is the dataset generator's (from `/dataset`, which,
 * unlike `/testing`, does not load vitest).
 *
 * @example
 * const next = seededRandom(7);
 * next(); // a number in [0, 1), always the same for seed 7
 */
export { seededRandom } from '@cupid-dashboard/core/dataset';
