import { useMemo } from 'react';
import { costBreakdownOption, trafficCurveOption } from '../../../../shared/analysis/charts/index.ts';
import type { ScenarioCost } from '../../../../shared/analysis/cost/index.ts';
import { isUpdating } from '../../store/analysis.ts';
import { useAnalysisView } from '../../store/analysisView.ts';
import type { CostGrouping } from '../../store/analysisView.ts';
import { EChart } from './EChart.tsx';
import { AnalysisPending } from './EmptyState.tsx';
import { breakdownItems, multiplierAt, pointAt, positionOf } from './costView.ts';
import { formatUsd, provenance } from './format.ts';
import { AnalysisErrors, Metric, Verdict } from './Metric.tsx';
import { useShownAnalysis } from './useShownAnalysis.ts';

const GROUPINGS: readonly { id: CostGrouping; label: string }[] = [
  { id: 'component', label: 'Component' },
  { id: 'kind', label: 'Kind' },
  { id: 'team', label: 'Team' },
];

function budgetVerdict(over: boolean | null): boolean | null {
  return over === null ? null : !over;
}

function Summary({ cost, updating }: { cost: ScenarioCost; updating: boolean }) {
  const title = provenance(cost.method, cost.assumptions);
  const assumed = cost.assumptions.length > 0;
  const m = (value: number | null, testId: string, extra?: string) => (
    <Metric
      title={extra ? `${title}\n${extra}` : title}
      assumed={assumed}
      updating={updating}
      testId={testId}
    >
      {formatUsd(value)}
    </Metric>
  );
  return (
    <dl className="analysis-summary">
      <div>
        <dt>Monthly total</dt>
        <dd>
          {m(cost.monthlyUsd, 'cost-monthly')}{' '}
          {cost.budget.monthlyUsd !== null && (
            <>
              of {formatUsd(cost.budget.monthlyUsd)}{' '}
              <Verdict ok={budgetVerdict(cost.budget.overMonthly)} what="budget" />
            </>
          )}
        </dd>
      </div>
      <div>
        <dt>Per 1k inferences (fully loaded)</dt>
        <dd>
          {m(cost.per1kInferencesUsd, 'cost-per1k', '1000 × monthly total ÷ monthly requests.')}{' '}
          {cost.budget.per1kInferencesUsd !== null && (
            <>
              of {formatUsd(cost.budget.per1kInferencesUsd)}{' '}
              <Verdict ok={budgetVerdict(cost.budget.overPer1k)} what="budget" />
            </>
          )}
        </dd>
      </div>
      <div>
        <dt>Per 1k marginal</dt>
        <dd>{m(cost.per1kMarginalUsd, 'cost-marginal', '1000 × variable part ÷ monthly requests.')}</dd>
      </div>
      <div>
        <dt>Fixed / variable</dt>
        <dd>
          {m(cost.fixedUsd, 'cost-fixed')} / {m(cost.variableUsd, 'cost-variable')}
        </dd>
      </div>
    </dl>
  );
}

/** The Cost tab: monthly total and per 1k against the budget, breakdowns, top drivers and the traffic curve. */
export function CostTab() {
  const { analysis, requested } = useShownAnalysis();
  const grouping = useAnalysisView((s) => s.costGrouping);
  const multiplier = useAnalysisView((s) => s.trafficMultiplier);
  const setView = useAnalysisView((s) => s.set);
  const cost = analysis?.cost;
  const breakdown = useMemo(
    () => (cost ? costBreakdownOption(breakdownItems(cost, grouping)) : null),
    [cost, grouping],
  );
  const curve = useMemo(
    () => (cost ? trafficCurveOption(cost.trafficCurve, multiplier) : null),
    [cost, multiplier],
  );
  if (!analysis || !cost) return <AnalysisPending />;
  const updating = isUpdating(analysis.revision, requested);
  const at = pointAt(cost.trafficCurve, multiplier);
  const curveTitle = `${cost.method}\nRead off the traffic curve (every journey's traffic × the multiple), linear between its points.`;
  return (
    <div className="analysis-tab">
      <Summary cost={cost} updating={updating} />
      <AnalysisErrors errors={cost.errors} />
      <div className="analysis-detail">
        <div className="analysis-chart-box">
          <div className="segmented" role="radiogroup" aria-label="Break the cost down by">
            {GROUPINGS.map((g) => (
              <button
                key={g.id}
                type="button"
                role="radio"
                aria-checked={grouping === g.id}
                onClick={() => setView({ costGrouping: g.id })}
              >
                {g.label}
              </button>
            ))}
          </div>
          {breakdown && <EChart option={breakdown} label={`Monthly cost by ${grouping}`} />}
        </div>
        <div className="analysis-side">
          <h3>Top drivers</h3>
          <ol aria-label="Top cost drivers">
            {cost.topDrivers.map((d) => (
              <li key={d.componentId}>
                {d.name}: <Metric title={cost.method}>{formatUsd(d.monthlyUsd)}</Metric> (
                {Math.round(d.share * 100)} %)
              </li>
            ))}
          </ol>
          <label className="traffic-slider">
            Traffic ×{multiplier}
            <input
              type="range"
              min={0}
              max={100}
              value={positionOf(multiplier)}
              aria-label="Traffic multiple"
              aria-valuetext={`×${multiplier}`}
              onChange={(e) => setView({ trafficMultiplier: multiplierAt(Number(e.target.value)) })}
            />
          </label>
          {at && (
            <p>
              At ×{multiplier}:{' '}
              <Metric title={curveTitle} updating={updating} testId="cost-at-traffic">
                {formatUsd(at.monthlyUsd)}
              </Metric>{' '}
              a month,{' '}
              <Metric title={curveTitle} updating={updating}>
                {formatUsd(at.per1kInferencesUsd)}
              </Metric>{' '}
              per 1k
            </p>
          )}
          {curve && <EChart option={curve} label="Monthly cost and cost per 1k against traffic" />}
        </div>
      </div>
    </div>
  );
}
