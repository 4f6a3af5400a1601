import { api } from '../api/endpoints';
import { BarList } from '../components/bar-list';
import { PageHeader } from '../components/page-header';
import { RangePicker } from '../components/range-picker';
import { Empty, ErrorView, Loading } from '../components/states';
import { formatCompact, formatCost, formatCount, formatRate } from '../lib/format';
import { periodOf } from '../lib/period';
import type { Route } from '../lib/router';
import { useApi } from '../lib/use-api';

/** Cost, tokens and calls per model for the period. */
export function ModelsPage({ route }: { route: Route }) {
  const period = periodOf(route.params);
  const result = useApi(JSON.stringify(period), () => api.models(period));
  const data = result.data;
  return (
    <>
      <PageHeader title="Models" asOf={result.asOf}>
        <RangePicker path="models" params={route.params} />
      </PageHeader>
      {result.status === 'error' ? (
        <ErrorView error={result.error} onRetry={result.reload} />
      ) : data === undefined ? (
        <Loading />
      ) : data.models.length === 0 ? (
        <Empty>
          <strong>No model was called in this period.</strong>
        </Empty>
      ) : (
        <>
          <p class="summary" data-summary="models" data-value={data.total_cost}>
            {formatCost(data.total_cost)} in all · {formatCompact(data.tokens.total)} tokens (
            {formatCompact(data.tokens.input)} in, {formatCompact(data.tokens.output)} out)
          </p>
          <div class="table-wrap">
            <table data-table="models">
              <thead>
                <tr>
                  <th scope="col">Model</th>
                  <th scope="col" class="num">
                    Calls
                  </th>
                  <th scope="col" class="num">
                    Input tokens
                  </th>
                  <th scope="col" class="num">
                    Output tokens
                  </th>
                  <th scope="col" class="num">
                    Total tokens
                  </th>
                  <th scope="col" class="num">
                    Cost
                  </th>
                  <th scope="col" class="num">
                    Share of cost
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.models.map((model) => (
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
                    <td class="num">
                      {formatRate(data.total_cost > 0 ? model.total_cost / data.total_cost : null)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <section class="card">
            <h2>Cost by model</h2>
            <BarList
              name="models-cost"
              bars={data.models.map((model) => ({
                key: model.model,
                label: model.model,
                value: model.total_cost,
                display: formatCost(model.total_cost),
              }))}
            />
          </section>
        </>
      )}
    </>
  );
}
