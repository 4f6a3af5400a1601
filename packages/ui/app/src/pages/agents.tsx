import type { AgentSummaryWire } from '@cupid-dashboard/core';
import { api } from '../api/endpoints';
import { PageHeader } from '../components/page-header';
import { RangePicker } from '../components/range-picker';
import { SortHeader } from '../components/sort-header';
import { Empty, ErrorView, Loading } from '../components/states';
import { formatCost, formatCount, formatMs, formatRate, formatTime } from '../lib/format';
import { updateParams } from '../lib/params';
import { periodLinkParams, periodOf } from '../lib/period';
import { href, type Route } from '../lib/router';
import { useApi } from '../lib/use-api';

type SortableColumn = keyof Pick<
  AgentSummaryWire,
  | 'name'
  | 'calls'
  | 'sessions'
  | 'error_rate'
  | 'p50_latency_ms'
  | 'p95_latency_ms'
  | 'p99_latency_ms'
  | 'total_cost'
>;
const COLUMNS: [SortableColumn, string, (agent: AgentSummaryWire) => string][] = [
  ['calls', 'Calls', (a) => formatCount(a.calls)],
  ['sessions', 'Sessions', (a) => formatCount(a.sessions)],
  ['error_rate', 'Error rate', (a) => formatRate(a.error_rate)],
  ['p50_latency_ms', 'p50', (a) => formatMs(a.p50_latency_ms)],
  ['p95_latency_ms', 'p95', (a) => formatMs(a.p95_latency_ms)],
  ['p99_latency_ms', 'p99', (a) => formatMs(a.p99_latency_ms)],
  ['total_cost', 'Cost', (a) => formatCost(a.total_cost)],
];

/** Sorts in the page: the API returns every agent at once. Nulls sort last either way. */
function sortAgents(agents: AgentSummaryWire[], column: SortableColumn, order: 'asc' | 'desc') {
  const sign = order === 'asc' ? 1 : -1;
  return [...agents].sort((a, b) => {
    const x = a[column];
    const y = b[column];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return (x < y ? -1 : x > y ? 1 : 0) * sign;
  });
}

export function AgentsPage({ route }: { route: Route }) {
  const period = periodOf(route.params);
  const result = useApi(JSON.stringify(period), () => api.agents(period));
  const sort = (route.params.get('sort') ?? 'calls') as SortableColumn;
  const order = route.params.get('order') === 'asc' ? 'asc' : 'desc';
  const onSort = (column: string, next: 'asc' | 'desc') =>
    updateParams(route, { sort: column, order: next });
  const links = periodLinkParams(route.params);
  return (
    <>
      <PageHeader title="Agents" asOf={result.asOf}>
        <RangePicker path="agents" params={route.params} />
      </PageHeader>
      {result.status === 'error' ? (
        <ErrorView error={result.error} onRetry={result.reload} />
      ) : result.data === undefined ? (
        <Loading />
      ) : result.data.agents.length === 0 ? (
        <Empty>
          <strong>No agent ran in this period.</strong>
        </Empty>
      ) : (
        <div class="table-wrap">
          <table data-table="agents">
            <thead>
              <tr>
                <SortHeader column="name" sort={sort} order={order} onSort={onSort}>
                  Agent
                </SortHeader>
                <th scope="col">Chapter</th>
                {COLUMNS.map(([column, label]) => (
                  <SortHeader
                    key={column}
                    column={column}
                    sort={sort}
                    order={order}
                    onSort={onSort}
                    numeric
                  >
                    {label}
                  </SortHeader>
                ))}
                <th scope="col">Last seen</th>
              </tr>
            </thead>
            <tbody>
              {sortAgents(result.data.agents, sort, order).map((agent) => (
                <tr key={agent.name} data-row={agent.name}>
                  <td>
                    <a href={href(`agents/${encodeURIComponent(agent.name)}`, links)}>
                      {agent.name}
                    </a>
                    <span class="muted"> {agent.category}</span>
                  </td>
                  <td>{agent.chapter_name ?? '—'}</td>
                  {COLUMNS.map(([column, , format]) => (
                    <td
                      key={column}
                      class="num"
                      data-cell={column}
                      data-value={agent[column] ?? ''}
                    >
                      {format(agent)}
                    </td>
                  ))}
                  <td>{formatTime(agent.last_seen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
