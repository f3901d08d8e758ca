/** A column of a dock table: its header, the text shown and the value it sorts by. */
export interface TableColumn<Row> {
  readonly key: string;
  readonly label: string;
  readonly text: (row: Row) => string;
  /** Sorts by this instead of the text (numbers sort as numbers); null sorts last. */
  readonly sortValue?: (row: Row) => number | string | null;
  readonly numeric?: boolean;
}

export interface TableSort {
  readonly key: string;
  readonly direction: 'ascending' | 'descending';
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function compareValues(a: number | string | null, b: number | string | null): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** Keeps the rows whose shown text contains every word of `query`, ignoring case. */
export function filterRows<Row>(
  rows: readonly Row[],
  columns: readonly TableColumn<Row>[],
  query: string,
): Row[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((row) => {
    const haystack = columns.map((c) => c.text(row).toLowerCase()).join('\n');
    return words.every((word) => haystack.includes(word));
  });
}

/** Sorts by one column; empty values go last in both directions and ties keep their order. */
export function sortRows<Row>(
  rows: readonly Row[],
  columns: readonly TableColumn<Row>[],
  sort: TableSort | null,
): Row[] {
  const column = sort && columns.find((c) => c.key === sort.key);
  if (!sort || !column) return [...rows];
  const valueOf = (row: Row) => {
    const value = column.sortValue ? column.sortValue(row) : column.text(row);
    return value === '' ? null : value;
  };
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: valueOf(row) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) {
        if (a.value === b.value) return a.index - b.index;
        return a.value === null ? 1 : -1;
      }
      return sign * compareValues(a.value, b.value) || a.index - b.index;
    })
    .map(({ row }) => row);
}

/** What a click on a column header does: sort by it ascending, or flip the direction if it already sorts. */
export function nextSort(current: TableSort | null, key: string): TableSort {
  if (current?.key === key) {
    return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { key, direction: 'ascending' };
}
