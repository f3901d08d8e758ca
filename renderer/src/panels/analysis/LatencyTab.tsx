import { useMemo } from 'react';
import { latencyHistogramOption } from '../../../../shared/analysis/charts/index.ts';
import type { JourneyLatency } from '../../../../shared/analysis/latency/index.ts';
import { latencyUpdating } from '../../store/analysis.ts';
import type { JourneyResult } from '../../store/analysis.ts';
import { showJourney } from '../../store/designCommands.ts';
import { useEditor } from '../../store/index.ts';
import { EChart } from './EChart.tsx';
import { AnalysisEmpty, AnalysisPending } from './EmptyState.tsx';
import { formatMs, provenance } from './format.ts';
import { AnalysisErrors, Metric, Verdict } from './Metric.tsx';
import { focusJourney, useShownAnalysis, useShownJourneyId } from './useShownAnalysis.ts';

function samplesNote(latency: JourneyLatency): string {
  const done = latency.samples.toLocaleString('en-US');
  return latency.complete
    ? `${done} simulated requests, seed ${latency.seed}.`
    : `Quick first pass: ${done} of ${latency.requestedSamples.toLocaleString('en-US')} simulated requests.`;
}

function quantileTitle(latency: JourneyLatency, which: 'p50' | 'p95' | 'p99'): string {
  const ci = latency.intervals?.[which];
  const interval = ci ? `95 % confidence interval ${formatMs(ci.lowMs)} – ${formatMs(ci.highMs)}.` : '';
  return provenance(latency.method, latency.assumptions, `${interval} ${samplesNote(latency)}`.trim());
}

function LatencyRow({
  journey,
  updating,
  focused,
}: {
  journey: JourneyResult;
  updating: boolean;
  focused: boolean;
}) {
  const l = journey.latency;
  const assumed = (l?.assumptions.length ?? 0) > 0;
  const cell = (value: number | null, which: 'p50' | 'p95' | 'p99') =>
    l ? (
      <Metric
        title={quantileTitle(l, which)}
        assumed={assumed}
        updating={updating}
        testId={`latency-${which}`}
      >
        {formatMs(value)}
      </Metric>
    ) : (
      '…'
    );
  return (
    <tr aria-selected={focused} className={focused ? 'selected' : undefined}>
      <th scope="row">
        <button type="button" className="link-button" onClick={() => showJourney(journey.journeyId)}>
          {journey.name}
        </button>
      </th>
      <td className="numeric">{cell(l?.p50Ms ?? null, 'p50')}</td>
      <td className="numeric">{cell(l?.p95Ms ?? null, 'p95')}</td>
      <td className="numeric">{cell(l?.p99Ms ?? null, 'p99')}</td>
      <td className="numeric">
        {l && (
          <Metric
            title={provenance(l.method, l.assumptions, samplesNote(l))}
            assumed={assumed}
            updating={updating}
          >
            {formatMs(l.meanMs)}
          </Metric>
        )}
      </td>
      <td className="numeric">{l?.p95SloMs === null || !l ? '—' : formatMs(l.p95SloMs)}</td>
      <td>{l && <Verdict ok={l.meetsP95Slo} what="SLO" />}</td>
      <td className="numeric">{l?.p99SloMs === null || !l ? '—' : formatMs(l.p99SloMs)}</td>
      <td>{l && <Verdict ok={l.meetsP99Slo} what="SLO" />}</td>
      <td className="numeric">
        {l && (
          <Metric
            title="Sum of the p95s along the path: a conservative screen, not a guarantee (p95s do not add)."
            updating={updating}
          >
            {formatMs(l.sumOfP95sMs)}
          </Metric>
        )}
      </td>
      <td className="numeric">
        {l?.ttft ? (
          <Metric
            title={provenance(
              l.method,
              l.assumptions,
              `Time to the first token: the request with every LLM generation left out. p95 95 % interval ${formatMs(l.ttft.intervals.p95.lowMs)} – ${formatMs(l.ttft.intervals.p95.highMs)}.`,
            )}
            assumed={assumed}
            updating={updating}
          >
            {formatMs(l.ttft.p50Ms)} / {formatMs(l.ttft.p95Ms)}
          </Metric>
        ) : (
          '—'
        )}
      </td>
    </tr>
  );
}

/** The Latency tab: each journey's percentiles against its SLO, the focused journey's histogram and critical path. */
export function LatencyTab() {
  const { scenarioId, analysis, requested } = useShownAnalysis();
  const shownId = useShownJourneyId(scenarioId);
  const names = useEditor((s) => s.design?.components);
  const focus = focusJourney(analysis, shownId);
  const latency = focus?.latency ?? null;
  const option = useMemo(
    () =>
      latency?.histogram
        ? latencyHistogramOption(latency.histogram, { p95Ms: latency.p95Ms, sloMs: latency.p95SloMs })
        : null,
    [latency],
  );
  const nameOf = useMemo(() => new Map(names?.map((c) => [c.id, c.name])), [names]);
  if (!analysis) return <AnalysisPending />;
  if (analysis.journeys.length === 0) return <AnalysisEmpty what="latency" />;
  return (
    <div className="analysis-tab">
      <table className="analysis-table" aria-label="Latency per journey">
        <thead>
          <tr>
            <th scope="col">Journey</th>
            <th scope="col">p50</th>
            <th scope="col">p95</th>
            <th scope="col">p99</th>
            <th scope="col">Mean</th>
            <th scope="col">p95 SLO</th>
            <th scope="col">p95 verdict</th>
            <th scope="col">p99 SLO</th>
            <th scope="col">p99 verdict</th>
            <th scope="col">Sum of p95s</th>
            <th scope="col">TTFT p50 / p95</th>
          </tr>
        </thead>
        <tbody>
          {analysis.journeys.map((j) => (
            <LatencyRow
              key={j.journeyId}
              journey={j}
              focused={j === focus}
              updating={latencyUpdating(j, analysis, requested)}
            />
          ))}
        </tbody>
      </table>
      <AnalysisErrors
        errors={analysis.journeys.flatMap((j) => (j.latency?.errors ?? []).map((e) => `${j.name}: ${e}`))}
      />
      {focus && latency && (
        <div className="analysis-detail">
          {option && (
            <EChart option={option} label={`Latency histogram of ${focus.name}, with p95 and SLO marked`} />
          )}
          <div className="analysis-side">
            <h3>Critical path of {focus.name}</h3>
            {latency.criticalPath ? (
              <ol className="critical-path" aria-label="Critical path">
                {latency.criticalPath.hops.map((hop) => (
                  <li key={hop.componentId}>
                    {nameOf.get(hop.componentId) ?? hop.componentId}{' '}
                    <Metric title="Mean time of this call in the requests around p95 (ranks 94–96 %).">
                      {formatMs(hop.meanTailMs)}
                    </Metric>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="muted">No critical path: the journey has no latency yet.</p>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
