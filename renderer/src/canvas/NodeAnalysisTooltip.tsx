import { useAnalysis } from '../store/analysis.ts';
import { useAnalysisView } from '../store/analysisView.ts';
import { ANALYSIS_TABS, useDock } from '../store/dock.ts';
import { useEditor } from '../store/index.ts';
import { useJourneyView } from '../store/journeyView.ts';
import { formatMs, formatUsd } from '../panels/analysis/format.ts';

/**
 * What the component under the pointer adds, while an analysis tab is on show: its mean time in the tail and
 * share of p95 (the journey shown, else the first), its monthly cost, its Birnbaum importance and whether it
 * fails the journey on its own. Drawn over the canvas, so no node re-renders for it.
 */
export function NodeAnalysisTooltip() {
  const hovered = useAnalysisView((s) => s.hovered);
  const showing = useDock((s) => s.open && ANALYSIS_TABS.has(s.tab));
  const scenarioId = useEditor((s) => s.scenarioId);
  const docId = useEditor((s) => s.doc?.docId ?? null);
  const name = useEditor((s) => s.design?.components.find((c) => c.id === hovered?.id)?.name ?? null);
  const shown = useJourneyView((v) =>
    scenarioId && v.docId === docId ? (v.byScenario[scenarioId] ?? null) : null,
  );
  const analysis = useAnalysis((s) => (scenarioId ? s.byScenario[scenarioId] : undefined));
  if (!hovered || !showing || !analysis || name === null) return null;
  const id = hovered.id;
  const journey = analysis.journeys.find((j) => j.journeyId === shown) ?? analysis.journeys[0];
  const contribution = journey?.latency?.contributions?.components.find((c) => c.id === id);
  const line = analysis.cost.byComponent.find((c) => c.componentId === id);
  const importance = journey?.availability.importance.find((c) => c.componentId === id);
  const spof = journey?.availability.singlePointsOfFailure.includes(id) ?? false;
  return (
    <div
      className="node-analysis-tooltip"
      role="tooltip"
      style={{ left: hovered.x + 14, top: hovered.y + 14 }}
    >
      <strong>{name}</strong>
      {journey && <span className="muted"> in {journey.name}</span>}
      <dl>
        {contribution && (
          <>
            <dt>Latency</dt>
            <dd>
              {formatMs(contribution.meanTailMs)} mean in the tail,{' '}
              {(contribution.shareOfP95 * 100).toFixed(1)} % of p95
            </dd>
          </>
        )}
        {line && (
          <>
            <dt>Cost</dt>
            <dd>{formatUsd(line.totalUsd)} a month</dd>
          </>
        )}
        {importance && (
          <>
            <dt>Availability</dt>
            <dd>
              Birnbaum importance {importance.birnbaum.toPrecision(3)}
              {spof ? ', a single point of failure' : ''}
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}
