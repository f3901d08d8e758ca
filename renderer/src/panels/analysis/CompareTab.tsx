import { useMemo, useState } from 'react';
import { tornadoOption } from '../../../../shared/analysis/charts/index.ts';
import { METRICS } from '../../../../shared/analysis/compare.ts';
import { COMPARISON_METRICS } from '../../../../shared/model/document.ts';
import type { ComparisonMetric, Settings } from '../../../../shared/model/document.ts';
import { isUpdating, useAnalysis } from '../../store/analysis.ts';
import { useAnalysisView } from '../../store/analysisView.ts';
import { saveSettings } from '../../store/designCommands.ts';
import { useEditor } from '../../store/index.ts';
import { EChart } from './EChart.tsx';
import { AnalysisPending } from './EmptyState.tsx';
import { formatMetric, unitOf, withWeight } from './compareView.ts';
import { Metric } from './Metric.tsx';

function WeightInput({ metric, settings }: { metric: ComparisonMetric; settings: Settings }) {
  const weight = settings.comparison.criteria.find((c) => c.metric === metric)?.weight ?? 0;
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const next = withWeight(settings, metric, Number(draft));
    setDraft(null);
    if (next) saveSettings(next);
  };
  return (
    <input
      type="number"
      min={0}
      max={100}
      step={1}
      className="weight-input"
      aria-label={`Weight of ${METRICS[metric].label}`}
      value={draft ?? String(weight)}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setDraft(null);
      }}
    />
  );
}

/** The Compare tab: every scenario side by side, the weighted decision matrix and a tornado of one metric. */
export function CompareTab() {
  const compare = useAnalysis((s) => s.compare);
  const requested = useAnalysis((s) => s.requested);
  const sensitivity = useAnalysis((s) => s.sensitivity);
  const settings = useEditor((s) => s.design?.meta.settings);
  const metric = useAnalysisView((s) => s.tornadoMetric);
  const setView = useAnalysisView((s) => s.set);
  const scenarioId = useEditor((s) => s.scenarioId);
  const scenarioName = useEditor((s) => s.design?.scenarios.find((sc) => sc.id === scenarioId)?.name ?? '');
  // Tornados are of the scenario on screen: one of another scenario waits for the next run.
  const tornado =
    sensitivity?.scenarioId === scenarioId
      ? sensitivity.tornados.find((t) => t.metric === metric)
      : undefined;
  const option = useMemo(() => (tornado ? tornadoOption(tornado, unitOf(metric)) : null), [tornado, metric]);
  if (!compare || !settings) return <AnalysisPending />;
  const updating = isUpdating(compare.revision, requested);
  const scenarios = compare.comparison.scenarios;
  const note = `${compare.comparison.method}\nEvery scenario is analysed here with ${compare.samples.toLocaleString('en-US')} latency samples per journey (fewer than the Latency tab), so latency can differ slightly from it.`;
  return (
    <div className="analysis-tab">
      <table className="analysis-table" aria-label="Scenarios compared">
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">Weight</th>
            {scenarios.map((s) => (
              <th key={s.scenarioId} scope="col">
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {COMPARISON_METRICS.map((m) => (
            <tr key={m}>
              <th scope="row">{METRICS[m].label}</th>
              <td>
                <WeightInput metric={m} settings={settings} />
              </td>
              {scenarios.map((s) => (
                <td key={s.scenarioId} className="numeric">
                  <Metric title={note} updating={updating}>
                    {formatMetric(m, s.values[m])}
                  </Metric>
                </td>
              ))}
            </tr>
          ))}
          <tr className="total-row">
            <th scope="row">Weighted total</th>
            <td />
            {scenarios.map((s) => (
              <td key={s.scenarioId} className="numeric">
                <Metric title={note} updating={updating} testId={`compare-total-${s.name}`}>
                  {s.total.toFixed(2)}
                </Metric>
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">Rank</th>
            <td />
            {scenarios.map((s) => (
              <td key={s.scenarioId} className="numeric" data-testid={`compare-rank-${s.name}`}>
                {s.rank}
                {s.pareto && (
                  <span
                    className="pareto-mark"
                    title="Pareto-optimal: no other scenario is better on every metric"
                  >
                    {' '}
                    ◆ Pareto
                  </span>
                )}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      <div className="analysis-detail">
        <div className="analysis-chart-box">
          <label>
            Tornado of {scenarioName}:{' '}
            <select
              value={metric}
              aria-label="Tornado metric"
              onChange={(e) => setView({ tornadoMetric: e.target.value as ComparisonMetric })}
            >
              {COMPARISON_METRICS.map((m) => (
                <option key={m} value={m}>
                  {METRICS[m].label}
                </option>
              ))}
            </select>
          </label>
          {tornado && (
            <p className="muted" title={tornado.method}>
              {tornado.method}
            </p>
          )}
          {option && tornado && tornado.bars.length > 0 ? (
            <EChart option={option} label={`Which component moves ${METRICS[metric].label} most`} />
          ) : (
            <p className="muted">{tornado ? 'No input of this scenario moves this metric.' : 'Computing…'}</p>
          )}
        </div>
      </div>
    </div>
  );
}
