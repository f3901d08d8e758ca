import { useId, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { filterRows, nextSort, sortRows } from './tableRows.ts';
import type { TableColumn, TableSort } from './tableRows.ts';

interface DataTableProps<Row extends { readonly id: string }> {
  /** Accessible name of the table ("Components"). */
  readonly label: string;
  /** What the rows are, for the filter box and the no-match message ("components"). */
  readonly noun: string;
  readonly rows: readonly Row[];
  readonly columns: readonly TableColumn<Row>[];
  readonly selectedIds: ReadonlySet<string>;
  readonly onActivate: (row: Row) => void;
  /** Shown instead of the table when there are no rows at all: says how to get some. */
  readonly empty: ReactNode;
}

/**
 * A dock table: a filter box, headers that sort on click, rows that select their element on the canvas.
 * The first cell of each row is a button so the keyboard reaches every row.
 */
export function DataTable<Row extends { readonly id: string }>({
  label,
  noun,
  rows,
  columns,
  selectedIds,
  onActivate,
  empty,
}: DataTableProps<Row>) {
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<TableSort | null>(null);
  const filterId = useId();
  const shown = useMemo(
    () => sortRows(filterRows(rows, columns, query), columns, sort),
    [rows, columns, query, sort],
  );

  if (rows.length === 0) return <div className="dock-empty">{empty}</div>;
  const [first, ...rest] = columns;
  return (
    <div className="data-table">
      <div className="data-table-tools">
        <label htmlFor={filterId} className="visually-hidden">
          Filter {noun}
        </label>
        <input
          id={filterId}
          type="search"
          placeholder={`Filter ${noun}…`}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <span className="muted small" aria-live="polite">
          {shown.length === rows.length
            ? `${rows.length} ${noun}`
            : `${shown.length} of ${rows.length} ${noun}`}
        </span>
      </div>
      <div className="data-table-scroll">
        <table aria-label={label}>
          <thead>
            <tr>
              {columns.map((column) => {
                const direction = sort?.key === column.key ? sort.direction : undefined;
                return (
                  <th
                    key={column.key}
                    scope="col"
                    aria-sort={direction ?? 'none'}
                    className={column.numeric ? 'numeric' : undefined}
                  >
                    <button type="button" onClick={() => setSort(nextSort(sort, column.key))}>
                      {column.label}
                      <span aria-hidden="true" className="sort-mark">
                        {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : ''}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr
                key={row.id}
                className={selectedIds.has(row.id) ? 'selected' : undefined}
                onClick={() => onActivate(row)}
              >
                {first && (
                  <td>
                    {/* The row's click handler does the work; the button gives keyboard users a way in. */}
                    <button type="button" className="row-button">
                      {first.text(row)}
                    </button>
                  </td>
                )}
                {rest.map((column) => (
                  <td key={column.key} className={column.numeric ? 'numeric' : undefined}>
                    {column.text(row) || <span className="muted">—</span>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {shown.length === 0 && (
          <p className="dock-empty">
            No {noun} match “{query.trim()}”.{' '}
            <button type="button" className="link-button" onClick={() => setQuery('')}>
              Clear the filter
            </button>
          </p>
        )}
      </div>
    </div>
  );
}
