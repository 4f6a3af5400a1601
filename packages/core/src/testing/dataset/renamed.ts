import type { ObservationRecord } from '../../domain/records';

/**
 * Later versions of some observations, for tests of what follows an observation's name and
 * model: every fifth renamed (`<name>-v2`), every other one of those on `another-model`, each an
 * hour newer (`updatedAt`).
 *
 * @example
 * await store.upsert({ observations: renamedVersions(dataset.observations) });
 */
export function renamedVersions(observations: readonly ObservationRecord[]): ObservationRecord[] {
  return observations
    .filter((_, index) => index % 5 === 0)
    .map((observation, index) => ({
      ...observation,
      name: `${observation.name ?? 'unnamed'}-v2`,
      model: index % 2 === 0 ? 'another-model' : observation.model,
      updatedAt: (observation.updatedAt ?? observation.startTime) + 3_600_000,
    }));
}
