import { api } from '../api/endpoints';
import { CostByModel, ModelTable } from '../components/models';
import { PageHeader } from '../components/page-header';
import { RangePicker } from '../components/range-picker';
import { Empty, ErrorView, Loading } from '../components/states';
import { formatCompact, formatCost } from '../lib/format';
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
          <ModelTable name="models" models={data.models} totalCost={data.total_cost} />
          <section class="card">
            <h2>Cost by model</h2>
            <CostByModel name="models-cost" models={data.models} />
          </section>
        </>
      )}
    </>
  );
}
