import type { AgentChartsWire, AgentDetailWire } from '@cupid-dashboard/core';
import { api } from '../api/endpoints';
import { type Fact, Facts } from '../components/facts';
import { ModelTable } from '../components/models';
import { PageHeader } from '../components/page-header';
import { RangePicker } from '../components/range-picker';
import { CallsChart, CostChart, LatencyChart } from '../components/series-charts';
import { Empty, ErrorView, Loading } from '../components/states';
import {
  formatCompact,
  formatCost,
  formatCount,
  formatMs,
  formatRate,
  formatTime,
} from '../lib/format';
import { periodLinkParams, periodOf } from '../lib/period';
import { href, type Route } from '../lib/router';
import { useApi } from '../lib/use-api';

/** One agent: its figures, series, models and latest errors for the period. */
export function AgentPage({ name, route }: { name: string; route: Route }) {
  const period = periodOf(route.params);
  const key = JSON.stringify([name, period]);
  const detail = useApi(key, () => api.agent(name, period));
  const charts = useApi(key, () => api.agentCharts(name, period));
  const links = periodLinkParams(route.params);
  return (
    <>
      <p class="breadcrumb">
        <a href={href('agents', links)}>← Agents</a>
      </p>
      <PageHeader
        title={
          <>
            Agent <code>{name}</code>
          </>
        }
        asOf={detail.asOf}
      >
        <RangePicker path={`agents/${encodeURIComponent(name)}`} params={route.params} />
      </PageHeader>
      {detail.status === 'error' ? (
        <ErrorView error={detail.error} onRetry={detail.reload} />
      ) : detail.data === undefined ? (
        <Loading />
      ) : (
        <>
          <AgentFigures agent={detail.data} />
          {charts.data && <AgentCharts charts={charts.data} />}
          <div class="columns">
            <section class="card">
              <h2>Models</h2>
              {detail.data.models.length === 0 ? (
                <Empty>No model calls in this period.</Empty>
              ) : (
                <ModelTable name="agent-models" models={detail.data.models} />
              )}
            </section>
            <section class="card">
              <h2>Recent errors</h2>
              {detail.data.recent_errors.length === 0 ? (
                <Empty>No errors in this period.</Empty>
              ) : (
                <ul class="errors" data-list="recent-errors">
                  {detail.data.recent_errors.map((error) => (
                    <li key={error.observation_id}>
                      <time dateTime={error.time}>{formatTime(error.time)}</time>{' '}
                      {error.model && <span class="muted">{error.model}</span>}
                      <p>{error.message ?? 'No message'}</p>
                      {error.session_id && (
                        <a href={href(`sessions/${encodeURIComponent(error.session_id)}`, links)}>
                          Session {error.session_id}
                        </a>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
        </>
      )}
    </>
  );
}

function AgentFigures({ agent }: { agent: AgentDetailWire }) {
  const facts: Fact[] = [
    ['calls', 'Calls', formatCount(agent.calls)],
    ['sessions', 'Sessions', formatCount(agent.sessions)],
    ['errors', 'Errors', `${formatCount(agent.errors)} (${formatRate(agent.error_rate)})`],
    ['p50', 'Latency p50', formatMs(agent.p50_latency_ms)],
    ['p95', 'Latency p95', formatMs(agent.p95_latency_ms)],
    ['p99', 'Latency p99', formatMs(agent.p99_latency_ms)],
    ['cost', 'Cost', formatCost(agent.total_cost)],
    ['tokens', 'Tokens', formatCompact(agent.tokens.total)],
    ['chapter', 'Chapter', agent.chapter_name ?? '—'],
    ['last-seen', 'Last seen', formatTime(agent.last_seen)],
  ];
  return <Facts data-agent={agent.name} facts={facts} />;
}

function AgentCharts({ charts }: { charts: AgentChartsWire }) {
  const times = charts.points.map((point) => point.bucket_start);
  return (
    <section class="charts" aria-label={`Per ${charts.bucket}`}>
      <CallsChart
        bucket={charts.bucket}
        times={times}
        calls={charts.points.map((p) => p.calls)}
        errors={charts.points.map((p) => p.errors)}
      />
      <LatencyChart
        bucket={charts.bucket}
        times={times}
        title="Latency p50 / p95"
        lines={{
          p50: charts.points.map((p) => p.latency_p50_ms),
          p95: charts.points.map((p) => p.latency_p95_ms),
        }}
      />
      <CostChart bucket={charts.bucket} times={times} cost={charts.points.map((p) => p.cost)} />
    </section>
  );
}
