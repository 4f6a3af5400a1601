import type { ObservationRecord } from '../domain/records';

/**
 * The cost of one observation in USD: `totalCost` when it is a finite number, else the `total`
 * key of `costDetails`, else the sum of the finite `costDetails` values (0 when there are none).
 *
 * @example
 * observationCost({ totalCost: null, costDetails: { input: 0.001, output: 0.002 } }); // 0.003
 */
export function observationCost(
  observation: Pick<ObservationRecord, 'totalCost' | 'costDetails'>,
): number {
  const { totalCost, costDetails } = observation;
  if (typeof totalCost === 'number' && Number.isFinite(totalCost)) return totalCost;
  const total = costDetails.total;
  if (typeof total === 'number' && Number.isFinite(total)) return total;
  let sum = 0;
  for (const value of Object.values(costDetails)) {
    if (typeof value === 'number' && Number.isFinite(value)) sum += value;
  }
  return sum;
}
