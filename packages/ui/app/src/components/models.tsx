import type { ModelUsageWire } from '@cupid-dashboard/core';
import { formatCost, formatCount, formatRate } from '../lib/format';
import { BarList } from './bar-list';

/**
 * Usage per model: calls, tokens, cost, and each model's share of `totalCost` when given.
 * `name` tells the tables apart (`data-table`).
 */
export function ModelTable({
  models,
  name,
  totalCost,
}: {
  models: ModelUsageWire[];
  name: string;
  totalCost?: number;
}) {
  return (
    <div class="table-wrap">
      <table data-table={name}>
        <thead>
          <tr>
            <th scope="col">Model</th>
            {['Calls', 'Input tokens', 'Output tokens', 'Total tokens', 'Cost'].map((label) => (
              <th key={label} scope="col" class="num">
                {label}
              </th>
            ))}
            {totalCost !== undefined && (
              <th scope="col" class="num">
                Share of cost
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {models.map((model) => (
            <tr key={model.model} data-row={model.model}>
              <td>{model.model}</td>
              <td class="num" data-cell="calls" data-value={model.calls}>
                {formatCount(model.calls)}
              </td>
              <td class="num">{formatCount(model.tokens.input)}</td>
              <td class="num">{formatCount(model.tokens.output)}</td>
              <td class="num">{formatCount(model.tokens.total)}</td>
              <td class="num" data-cell="cost" data-value={model.total_cost}>
                {formatCost(model.total_cost)}
              </td>
              {totalCost !== undefined && (
                <td class="num">
                  {formatRate(totalCost > 0 ? model.total_cost / totalCost : null)}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Each model's cost as a bar. */
export function CostByModel({ models, name }: { models: ModelUsageWire[]; name: string }) {
  return (
    <BarList
      name={name}
      bars={models.map((model) => ({
        key: model.model,
        label: model.model,
        value: model.total_cost,
        display: formatCost(model.total_cost),
      }))}
    />
  );
}
