import { useMemo } from 'react';
import { useRevealElement } from '../../canvas/useRevealElement.ts';
import { useEditor } from '../../store/index.ts';
import { DataTable } from './DataTable.tsx';
import { componentRows, formatAvailability, formatReplicas, replicasSortValue } from './dockRows.ts';
import type { ComponentRow } from './dockRows.ts';
import type { TableColumn } from './tableRows.ts';

const columns: readonly TableColumn<ComponentRow>[] = [
  { key: 'name', label: 'Name', text: (r) => r.name },
  { key: 'kind', label: 'Kind', text: (r) => r.kindLabel },
  { key: 'boundary', label: 'Boundary', text: (r) => r.boundary },
  { key: 'team', label: 'Team', text: (r) => r.team },
  {
    key: 'p95',
    label: 'p95 (ms)',
    text: (r) => (r.p95Ms === null ? '' : String(r.p95Ms)),
    sortValue: (r) => r.p95Ms,
    numeric: true,
  },
  {
    key: 'availability',
    label: 'Availability',
    text: (r) => formatAvailability(r.availability),
    sortValue: (r) => r.availability,
    numeric: true,
  },
  {
    key: 'replicas',
    label: 'Replicas',
    text: (r) => formatReplicas(r.replicas),
    sortValue: (r) => replicasSortValue(r.replicas),
    numeric: true,
  },
];

/** The Components tab: every component of the scenario with its key figures. */
export function ComponentsTab() {
  const design = useEditor((s) => s.design);
  const scenarioId = useEditor((s) => s.scenarioId);
  const selected = useEditor((s) => s.selection.componentIds);
  const reveal = useRevealElement();
  const rows = useMemo(
    () => (design && scenarioId ? componentRows(design, scenarioId) : []),
    [design, scenarioId],
  );
  const selectedIds = useMemo(() => new Set(selected), [selected]);
  return (
    <DataTable
      label="Components"
      noun="components"
      rows={rows}
      columns={columns}
      selectedIds={selectedIds}
      onActivate={(row) => reveal({ componentId: row.id })}
      empty={
        <>
          <p className="dock-empty-title">No components yet: drag one from the palette.</p>
          <p>
            Each component you place on the canvas gets a row here with its team, latency and availability.
          </p>
        </>
      }
    />
  );
}
