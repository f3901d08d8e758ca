import { describe, expect, it } from 'vitest';
import { filterRows, nextSort, sortRows } from './tableRows.ts';
import type { TableColumn } from './tableRows.ts';

interface Row {
  name: string;
  p95: number | null;
}

const columns: TableColumn<Row>[] = [
  { key: 'name', label: 'Name', text: (r) => r.name },
  { key: 'p95', label: 'p95', text: (r) => (r.p95 === null ? '' : String(r.p95)), sortValue: (r) => r.p95 },
];

const rows: Row[] = [
  { name: 'cache 10', p95: 5 },
  { name: 'API gateway', p95: null },
  { name: 'cache 9', p95: 40 },
  { name: 'Model server', p95: 120 },
];

describe('dock table rows', () => {
  it('sorts text naturally and case-insensitively, both ways', () => {
    const names = (sorted: Row[]) => sorted.map((r) => r.name);
    expect(names(sortRows(rows, columns, { key: 'name', direction: 'ascending' }))).toEqual([
      'API gateway',
      'cache 9',
      'cache 10',
      'Model server',
    ]);
    expect(names(sortRows(rows, columns, { key: 'name', direction: 'descending' }))).toEqual([
      'Model server',
      'cache 10',
      'cache 9',
      'API gateway',
    ]);
  });

  it('sorts numbers as numbers with empty values last in both directions', () => {
    const values = (sorted: Row[]) => sorted.map((r) => r.p95);
    expect(values(sortRows(rows, columns, { key: 'p95', direction: 'ascending' }))).toEqual([
      5,
      40,
      120,
      null,
    ]);
    expect(values(sortRows(rows, columns, { key: 'p95', direction: 'descending' }))).toEqual([
      120,
      40,
      5,
      null,
    ]);
  });

  it('keeps document order without a sort', () => {
    expect(sortRows(rows, columns, null)).toEqual(rows);
  });

  it('filters on every word across the shown columns', () => {
    expect(filterRows(rows, columns, 'CACHE').map((r) => r.name)).toEqual(['cache 10', 'cache 9']);
    expect(filterRows(rows, columns, 'cache 40').map((r) => r.name)).toEqual(['cache 9']);
    expect(filterRows(rows, columns, '  ')).toEqual(rows);
  });

  it('flips the direction when the sorted column is clicked again', () => {
    const first = nextSort(null, 'name');
    expect(first).toEqual({ key: 'name', direction: 'ascending' });
    expect(nextSort(first, 'name')).toEqual({ key: 'name', direction: 'descending' });
    expect(nextSort(first, 'p95')).toEqual({ key: 'p95', direction: 'ascending' });
  });
});
