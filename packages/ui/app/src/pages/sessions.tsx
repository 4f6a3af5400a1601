import type { SessionRowWire, SessionSortWire } from '@cupid-dashboard/core';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/endpoints';
import { PageHeader } from '../components/page-header';
import { RangePicker } from '../components/range-picker';
import { SortHeader } from '../components/sort-header';
import { Empty, ErrorView, Loading } from '../components/states';
import {
  formatCompact,
  formatCost,
  formatCount,
  formatMs,
  formatRate,
  formatTime,
} from '../lib/format';
import { updateParams } from '../lib/params';
import { periodLinkParams, periodOf } from '../lib/period';
import { href, navigate, type Route } from '../lib/router';
import { useApi } from '../lib/use-api';

const STATUSES = ['all', 'completed', 'active', 'abandoned', 'error'] as const satisfies readonly (
  | SessionRowWire['status']
  | 'all'
)[];
const PAGE_SIZE = 25;

/** The session list: status, search, user, sort and page all live in the URL. */
export function SessionsPage({ route }: { route: Route }) {
  const { params } = route;
  const period = periodOf(params);
  const status = params.get('status') ?? 'all';
  const sort = (params.get('sort') ?? 'started_at') as SessionSortWire;
  const order = params.get('order') === 'asc' ? 'asc' : 'desc';
  const query = {
    ...period,
    status,
    search: params.get('search') ?? undefined,
    user_id: params.get('user') ?? undefined,
    sort,
    order,
    page: params.get('page') ?? '1',
    limit: PAGE_SIZE,
  };
  const list = useApi(JSON.stringify(query), () => api.sessions(query));
  const stats = useApi(JSON.stringify(period), () => api.sessionStats(period));
  const onSort = (column: string, next: 'asc' | 'desc') =>
    updateParams(route, { sort: column, order: next });
  const links = periodLinkParams(params);

  return (
    <>
      <PageHeader title="Sessions" asOf={list.asOf}>
        <RangePicker path="sessions" params={params} />
      </PageHeader>
      <div class="toolbar">
        <fieldset class="segmented" aria-label="Status">
          {STATUSES.map((value) => (
            <button
              key={value}
              type="button"
              data-status={value}
              aria-pressed={status === value}
              onClick={() => updateParams(route, { status: value === 'all' ? undefined : value })}
            >
              {value}
              {stats.data && (
                <span class="count" data-count={value}>
                  {' '}
                  {formatCount(
                    value === 'all' ? stats.data.total_sessions : stats.data.by_status[value],
                  )}
                </span>
              )}
            </button>
          ))}
        </fieldset>
        <Filters route={route} />
      </div>
      {stats.data && (
        <p class="summary" data-summary="sessions">
          {formatRate(stats.data.completion_rate)} completed · median{' '}
          {formatMs(stats.data.median_duration_ms)} · {formatCount(stats.data.unique_users)} users ·{' '}
          {formatCost(stats.data.total_cost)}
        </p>
      )}
      {list.status === 'error' ? (
        <ErrorView error={list.error} onRetry={list.reload} />
      ) : list.data === undefined ? (
        <Loading />
      ) : list.data.sessions.length === 0 ? (
        <Empty>
          <strong>No sessions match.</strong>
          <p>Change the filters or the range.</p>
        </Empty>
      ) : (
        <>
          <div class="table-wrap">
            <table data-table="sessions" aria-busy={list.status === 'loading'}>
              <thead>
                <tr>
                  <SortHeader column="id" sort={sort} order={order} onSort={onSort}>
                    Session
                  </SortHeader>
                  <SortHeader column="user_id" sort={sort} order={order} onSort={onSort}>
                    User
                  </SortHeader>
                  <SortHeader column="started_at" sort={sort} order={order} onSort={onSort}>
                    Started
                  </SortHeader>
                  <SortHeader column="duration" sort={sort} order={order} onSort={onSort} numeric>
                    Duration
                  </SortHeader>
                  <th scope="col">Status</th>
                  <SortHeader column="chapter_reached" sort={sort} order={order} onSort={onSort}>
                    Chapter
                  </SortHeader>
                  <SortHeader
                    column="trace_count"
                    sort={sort}
                    order={order}
                    onSort={onSort}
                    numeric
                  >
                    Traces
                  </SortHeader>
                  <SortHeader column="cost" sort={sort} order={order} onSort={onSort} numeric>
                    Cost
                  </SortHeader>
                  <SortHeader column="tokens" sort={sort} order={order} onSort={onSort} numeric>
                    Tokens
                  </SortHeader>
                  <SortHeader
                    column="error_count"
                    sort={sort}
                    order={order}
                    onSort={onSort}
                    numeric
                  >
                    Errors
                  </SortHeader>
                </tr>
              </thead>
              <tbody>
                {list.data.sessions.map((row) => {
                  const target = href(`sessions/${encodeURIComponent(row.id)}`, links);
                  return (
                    <tr
                      key={row.id}
                      data-row={row.id}
                      class="clickable"
                      onClick={() => navigate(target)}
                    >
                      <td>
                        <a
                          class="id"
                          href={target}
                          title={row.id}
                          onClick={(event) => event.stopPropagation()}
                        >
                          {row.id}
                        </a>
                      </td>
                      <td>{row.user_id ?? '—'}</td>
                      <td>{formatTime(row.started_at)}</td>
                      <td class="num">{formatMs(row.duration_ms)}</td>
                      <td>
                        <span class={`badge status-${row.status}`}>{row.status}</span>
                      </td>
                      <td>{row.chapter_name ?? '—'}</td>
                      <td class="num">{formatCount(row.trace_count)}</td>
                      <td class="num" data-cell="cost" data-value={row.total_cost}>
                        {formatCost(row.total_cost)}
                      </td>
                      <td class="num">{formatCompact(row.tokens.total)}</td>
                      <td class="num">{formatCount(row.error_count)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Pager
            route={route}
            page={list.data.pagination.page}
            pages={list.data.pagination.total_pages}
            total={list.data.pagination.total}
          />
        </>
      )}
    </>
  );
}

/** Search and user filters, applied on Enter so each search is one history entry. */
function Filters({ route }: { route: Route }) {
  const [search, setSearch] = useState(route.params.get('search') ?? '');
  const [user, setUser] = useState(route.params.get('user') ?? '');
  useEffect(() => {
    setSearch(route.params.get('search') ?? '');
    setUser(route.params.get('user') ?? '');
  }, [route.params]);
  return (
    <form
      class="filters"
      onSubmit={(event) => {
        event.preventDefault();
        updateParams(route, { search: search.trim(), user: user.trim() });
      }}
    >
      <label>
        Search{' '}
        <input
          type="search"
          name="search"
          placeholder="id, user or message text"
          value={search}
          onInput={(event) => setSearch(event.currentTarget.value)}
        />
      </label>
      <label>
        User{' '}
        <input
          type="text"
          name="user"
          value={user}
          onInput={(event) => setUser(event.currentTarget.value)}
        />
      </label>
      <button type="submit">Filter</button>
    </form>
  );
}

function Pager({
  route,
  page,
  pages,
  total,
}: {
  route: Route;
  page: number;
  pages: number;
  total: number;
}) {
  const go = (next: number) => updateParams(route, { page: next === 1 ? undefined : String(next) });
  return (
    <nav class="pager" aria-label="Pages">
      <button type="button" disabled={page <= 1} onClick={() => go(page - 1)}>
        ← Previous
      </button>
      <span data-pagination={`${page}/${pages}`}>
        Page {formatCount(page)} of {formatCount(pages)} · {formatCount(total)} sessions
      </span>
      <button type="button" disabled={page >= pages} onClick={() => go(page + 1)}>
        Next →
      </button>
    </nav>
  );
}
