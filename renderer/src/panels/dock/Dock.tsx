import { useState } from 'react';
import type { ComponentType, KeyboardEvent } from 'react';
import { clampDockHeight, useDock } from '../../store/dock.ts';
import type { DockTab } from '../../store/dock.ts';
import { shortcutLabel } from '../../hooks/platform.ts';
import { ComponentsTab } from './ComponentsTab.tsx';
import { ConnectionsTab } from './ConnectionsTab.tsx';
import { AvailabilityTab } from '../analysis/AvailabilityTab.tsx';
import { CompareTab } from '../analysis/CompareTab.tsx';
import { CostTab } from '../analysis/CostTab.tsx';
import { LatencyTab } from '../analysis/LatencyTab.tsx';
import { AnalysisFailure } from '../analysis/Metric.tsx';
import { useAnalysis } from '../../store/analysis.ts';
import { ANALYSIS_TABS } from '../../store/dock.ts';
import { useAnalysisWorker } from '../../workers/useAnalysisWorker.ts';
import '../analysis/analysis.css';
import { DockResizer } from './DockResizer.tsx';
import './dock.css';

const tabs: readonly { id: DockTab; label: string }[] = [
  { id: 'components', label: 'Components' },
  { id: 'connections', label: 'Connections' },
  { id: 'latency', label: 'Latency' },
  { id: 'cost', label: 'Cost' },
  { id: 'availability', label: 'Availability' },
  { id: 'compare', label: 'Compare' },
];

const panels: Record<DockTab, ComponentType> = {
  components: ComponentsTab,
  connections: ConnectionsTab,
  latency: LatencyTab,
  cost: CostTab,
  availability: AvailabilityTab,
  compare: CompareTab,
};

/** The bottom dock under the canvas: tables of the scenario now, analysis tabs as they arrive. */
export function Dock() {
  // The analyses run whether the dock is open or not: the canvas tooltips read them too.
  useAnalysisWorker();
  const open = useDock((s) => s.open);
  const storedHeight = useDock((s) => s.heightPx);
  const tab = useDock((s) => s.tab);
  const failure = useAnalysis((s) => s.failure?.message ?? null);
  const { setHeight, showTab, toggle } = useDock.getState();
  // While the edge is dragged the height is previewed here and stored once, when the drag ends.
  const [preview, setPreview] = useState<number | null>(null);
  if (!open) return null;
  const heightPx = preview ?? storedHeight;
  const Panel = panels[tab];

  const onTabKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const index = tabs.findIndex((t) => t.id === tab);
    const next = tabs[(index + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
    if (!next) return;
    event.preventDefault();
    showTab(next.id);
    document.getElementById(`dock-tab-${next.id}`)?.focus();
  };

  return (
    <section className="dock" aria-label="Dock" style={{ height: heightPx }}>
      <DockResizer
        heightPx={heightPx}
        onPreview={(h) => setPreview(clampDockHeight(h))}
        onCommit={(h) => {
          setPreview(null);
          setHeight(h);
        }}
      />
      <div className="dock-header">
        <div className="dock-tabs" role="tablist" aria-label="Dock tabs" onKeyDown={onTabKeyDown}>
          {tabs.map((t) => (
            <button
              key={t.id}
              id={`dock-tab-${t.id}`}
              type="button"
              role="tab"
              aria-selected={t.id === tab}
              aria-controls="dock-panel"
              tabIndex={t.id === tab ? 0 : -1}
              onClick={() => showTab(t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="icon-button"
          aria-label="Close dock"
          title={`Close dock (${shortcutLabel('J')})`}
          onClick={toggle}
        >
          ×
        </button>
      </div>
      <div className="dock-panel" id="dock-panel" role="tabpanel" aria-labelledby={`dock-tab-${tab}`}>
        {failure && ANALYSIS_TABS.has(tab) && <AnalysisFailure message={failure} />}
        <Panel />
      </div>
    </section>
  );
}
