import type { DashboardMetricsWire, KpiName } from '@cupid-dashboard/core';
import { api } from '../api/endpoints';
import { BarList } from '../components/bar-list';
import { KpiCard } from '../components/kpi-card';
import { CostByModel } from '../components/models';
import { PageHeader } from '../components/page-header';
import { RangePicker } from '../components/range-picker';
import { CallsChart, CostChart, LatencyChart } from '../components/series-charts';
import { Empty, ErrorView, Loading } from '../components/states';
import { dash, formatCompact, formatCost, formatCount, formatMs, formatRate } from '../lib/format';
import { periodLinkParams, periodOf } from '../lib/period';
import { href, type Route } from '../lib/router';
import { useApi } from '../lib/use-api';

type Format = (value: number | null) => string;

/** A score mean: two decimals (judges score 0 to 1; a boolean's mean is the share of True). */
const formatScore: Format = (value) => (value === null ? dash : value.toFixed(2));

/** The KPIs shown, in order: [name, label, format, is up good]. */
const KPIS: [KpiName, string, Format, boolean][] = [
  ['sessions', 'Sessions', formatCount, true],
  ['users', 'Users', formatCount, true],
  ['generations', 'LLM calls', formatCount, true],
  ['total_cost', 'Cost', formatCost, false],
  ['total_tokens', 'Tokens', formatCompact, false],
  ['errors', 'Errors', formatCount, false],
  ['error_rate', 'Error rate', formatRate, false],
  ['p95_latency_ms', 'Latency p95', formatMs, false],
  ['completion_rate', 'Completion rate', formatRate, true],
  ['avg_session_cost', 'Cost per session', formatCost, false],
];

export function OverviewPage({ route }: { route: Route }) {
  const period = periodOf(route.params);
  const result = useApi(JSON.stringify(period), () => api.dashboard(period));
  return (
    <>
      <PageHeader title="Overview" asOf={result.asOf}>
        <RangePicker path="" params={route.params} />
      </PageHeader>
      {result.status === 'error' ? (
        <ErrorView error={result.error} onRetry={result.reload} />
      ) : result.data === undefined ? (
        <Loading />
      ) : (
        <OverviewBody data={result.data} params={route.params} />
      )}
    </>
  );
}

function OverviewBody({ data, params }: { data: DashboardMetricsWire; params: URLSearchParams }) {
  if (data.kpis.sessions.value === 0 && data.kpis.observations.value === 0) {
    return (
      <Empty>
        <strong>No data in this period.</strong>
        <p>
          Nothing has been synced for this range yet. Pick a longer range or check the{' '}
          <a href={href('sync')}>sync</a>.
        </p>
      </Empty>
    );
  }
  const times = data.time_series.map((point) => point.bucket_start);
  const links = periodLinkParams(params);
  return (
    <div class="overview" data-bucket={data.bucket}>
      <section class="kpis" aria-label="Key figures">
        {KPIS.map(([name, label, format, goodWhenUp]) => (
          <KpiCard
            key={name}
            name={name}
            label={label}
            kpi={data.kpis[name]}
            format={format}
            goodWhenUp={goodWhenUp}
          />
        ))}
        {data.scores.map((score) => (
          <KpiCard
            key={`score:${score.name}`}
            name={`score:${score.name}`}
            label={`Mean ${score.name}`}
            kpi={score.mean}
            format={formatScore}
          />
        ))}
      </section>
      <section class="charts" aria-label={`Per ${data.bucket}`}>
        <CallsChart
          bucket={data.bucket}
          times={times}
          calls={data.time_series.map((p) => p.generations)}
          errors={data.time_series.map((p) => p.errors)}
        />
        <CostChart bucket={data.bucket} times={times} cost={data.time_series.map((p) => p.cost)} />
        <LatencyChart
          bucket={data.bucket}
          times={times}
          title="Latency p50 and p95"
          lines={{
            p50: data.time_series.map((p) => p.p50_latency_ms),
            p95: data.time_series.map((p) => p.p95_latency_ms),
          }}
        />
      </section>
      <div class="columns">
        <section class="card">
          <h2>Top agents</h2>
          <div class="table-wrap">
            <table data-table="top-agents">
              <thead>
                <tr>
                  <th scope="col">Agent</th>
                  <th scope="col" class="num">
                    Calls
                  </th>
                  <th scope="col" class="num">
                    Error rate
                  </th>
                  <th scope="col" class="num">
                    p50
                  </th>
                  <th scope="col" class="num">
                    p95
                  </th>
                  <th scope="col" class="num">
                    Cost
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.top_agents.map((agent) => (
                  <tr key={agent.name} data-row={agent.name}>
                    <td>
                      <a href={href(`agents/${encodeURIComponent(agent.name)}`, links)}>
                        {agent.name}
                      </a>
                    </td>
                    <td class="num" data-cell="calls">
                      {formatCount(agent.calls)}
                    </td>
                    <td class="num">{formatRate(agent.error_rate)}</td>
                    <td class="num">{formatMs(agent.p50_latency_ms)}</td>
                    <td class="num" data-cell="p95">
                      {formatMs(agent.p95_latency_ms)}
                    </td>
                    <td class="num">{formatCost(agent.total_cost)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        <section class="card">
          <h2>Cost by model</h2>
          <CostByModel name="cost-by-model" models={data.cost_by_model} />
          <h2>Chapter funnel</h2>
          <BarList
            name="chapter-funnel"
            bars={data.chapter_funnel.map((step) => ({
              key: String(step.chapter),
              label: `${step.chapter}. ${step.name}`,
              value: step.sessions,
              display: `${formatCount(step.sessions)} · ${formatRate(step.rate)}`,
            }))}
          />
        </section>
      </div>
    </div>
  );
}
