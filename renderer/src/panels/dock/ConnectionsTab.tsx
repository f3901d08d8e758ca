import { useMemo } from 'react';
import { useRevealElement } from '../../canvas/useRevealElement.ts';
import { useEditor } from '../../store/index.ts';
import { DataTable } from './DataTable.tsx';
import { connectionRows } from './dockRows.ts';
import type { ConnectionRow } from './dockRows.ts';
import type { TableColumn } from './tableRows.ts';

const columns: readonly TableColumn<ConnectionRow>[] = [
  { key: 'route', label: 'Connection', text: (r) => `${r.source} → ${r.target}` },
  { key: 'kind', label: 'Kind', text: (r) => r.kindLabel },
  { key: 'mode', label: 'Mode', text: (r) => r.mode },
  { key: 'protocol', label: 'Protocol', text: (r) => r.protocol },
  { key: 'criticality', label: 'Criticality', text: (r) => r.criticality },
];

/** The Connections tab: who calls or feeds whom, and how. */
export function ConnectionsTab() {
  const design = useEditor((s) => s.design);
  const scenarioId = useEditor((s) => s.scenarioId);
  const selected = useEditor((s) => s.selection.connectionIds);
  const hasComponents = useEditor(
    (s) => s.design?.components.some((c) => c.scenarioId === s.scenarioId) ?? false,
  );
  const reveal = useRevealElement();
  const rows = useMemo(
    () => (design && scenarioId ? connectionRows(design, scenarioId) : []),
    [design, scenarioId],
  );
  const selectedIds = useMemo(() => new Set(selected), [selected]);
  return (
    <DataTable
      label="Connections"
      noun="connections"
      rows={rows}
      columns={columns}
      selectedIds={selectedIds}
      onActivate={(row) => reveal({ connectionId: row.id })}
      empty={
        hasComponents ? (
          <>
            <p className="dock-empty-title">No connections yet.</p>
            <p>
              Connect two components by dragging from the dot on one component&rsquo;s right edge to another.
            </p>
          </>
        ) : (
          <>
            <p className="dock-empty-title">No connections yet: first drag components from the palette.</p>
            <p>Then connect them by dragging from the dot on one component&rsquo;s right edge to another.</p>
          </>
        )
      }
    />
  );
}
