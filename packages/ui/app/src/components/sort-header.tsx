import type { ComponentChildren } from 'preact';

/**
 * A column header that sorts: the first press sorts descending, the next flips the order.
 * `aria-sort` tells screen readers which column leads.
 */
export function SortHeader({
  column,
  sort,
  order,
  onSort,
  numeric = false,
  children,
}: {
  column: string;
  sort: string;
  order: 'asc' | 'desc';
  onSort: (column: string, order: 'asc' | 'desc') => void;
  numeric?: boolean;
  children: ComponentChildren;
}) {
  const active = sort === column;
  const next = active && order === 'desc' ? 'asc' : 'desc';
  return (
    <th
      scope="col"
      class={numeric ? 'num' : undefined}
      aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <button type="button" class="sort" data-sort={column} onClick={() => onSort(column, next)}>
        {children}
        <span aria-hidden="true">{active ? (order === 'asc' ? ' ↑' : ' ↓') : ''}</span>
      </button>
    </th>
  );
}
