import { isUpdating } from '../../store/analysis.ts';
import type { JourneyResult } from '../../store/analysis.ts';
import { cutSetKey, useAnalysisView } from '../../store/analysisView.ts';
import { showJourney } from '../../store/designCommands.ts';
import { AnalysisEmpty, AnalysisPending } from './EmptyState.tsx';
import { formatMinutes, formatNines, formatPercent, provenance } from './format.ts';
import { AnalysisErrors, Metric, Verdict } from './Metric.tsx';
import { focusJourney, useShownAnalysis, useShownJourneyId } from './useShownAnalysis.ts';

function AvailabilityRow({
  journey,
  updating,
  focused,
}: {
  journey: JourneyResult;
  updating: boolean;
  focused: boolean;
}) {
  const a = journey.availability;
  const title = provenance(a.method, a.assumptions);
  const assumed = a.assumptions.length > 0;
  return (
    <tr aria-selected={focused} className={focused ? 'selected' : undefined}>
      <th scope="row">
        <button type="button" className="link-button" onClick={() => showJourney(journey.journeyId)}>
          {journey.name}
        </button>
      </th>
      <td className="numeric">
        <Metric title={title} assumed={assumed} updating={updating} testId="availability-value">
          {formatPercent(a.value)}
        </Metric>
      </td>
      <td className="numeric">
        <Metric title={title} assumed={assumed} updating={updating}>
          {formatNines(a.value)}
        </Metric>
      </td>
      <td className="numeric">
        <Metric
          title={`${title}\n(1 − availability) × 43,800 minutes in a 730-hour month.`}
          updating={updating}
        >
          {formatMinutes(a.downtimeMinutesPerMonth)}
        </Metric>
      </td>
      <td className="numeric">
        <Metric title={`${title}\nTime a fallback serves instead of the primary.`} updating={updating}>
          {formatMinutes(a.degradedMinutesPerMonth)}
        </Metric>
      </td>
      <td className="numeric">{formatPercent(a.slo)}</td>
      <td>
        <Verdict ok={a.meetsSlo} what="SLO" />
      </td>
    </tr>
  );
}

/** The Availability tab: each journey's availability and downtime, the focused journey's cut sets and risks. */
export function AvailabilityTab() {
  const { scenarioId, analysis, requested } = useShownAnalysis();
  const shownId = useShownJourneyId(scenarioId);
  const selected = useAnalysisView((s) => s.cutSet);
  const setView = useAnalysisView((s) => s.set);
  if (!analysis) return <AnalysisPending />;
  if (analysis.journeys.length === 0) return <AnalysisEmpty what="availability" />;
  const updating = isUpdating(analysis.revision, requested);
  const focus = focusJourney(analysis, shownId);
  const a = focus?.availability;
  return (
    <div className="analysis-tab">
      <table className="analysis-table" aria-label="Availability per journey">
        <thead>
          <tr>
            <th scope="col">Journey</th>
            <th scope="col">Availability</th>
            <th scope="col">Nines</th>
            <th scope="col">Downtime / month</th>
            <th scope="col">Degraded / month</th>
            <th scope="col">SLO</th>
            <th scope="col">Verdict</th>
          </tr>
        </thead>
        <tbody>
          {analysis.journeys.map((j) => (
            <AvailabilityRow key={j.journeyId} journey={j} focused={j === focus} updating={updating} />
          ))}
        </tbody>
      </table>
      <AnalysisErrors
        errors={analysis.journeys.flatMap((j) => j.availability.errors.map((e) => `${j.name}: ${e}`))}
      />
      {a && focus && (
        <>
          <div className="analysis-detail">
            <div className="analysis-chart-box">
              <h3>Cut sets of {focus.name}</h3>
              <p className="muted">Select one to see its components on the canvas.</p>
              <table className="analysis-table" aria-label="Cut sets">
                <thead>
                  <tr>
                    <th scope="col">Order</th>
                    <th scope="col">Members</th>
                    <th scope="col">Probability</th>
                    <th scope="col">Conditional</th>
                  </tr>
                </thead>
                <tbody>
                  {a.cutSets.map((c) => {
                    const key = cutSetKey(c.componentIds);
                    const on = key === selected;
                    return (
                      <tr key={key} aria-selected={on} className={on ? 'selected' : undefined}>
                        <td className="numeric">{c.order}</td>
                        <td>
                          <button
                            type="button"
                            className="link-button"
                            aria-pressed={on}
                            onClick={() => setView({ cutSet: on ? null : key })}
                          >
                            {c.componentNames.join(' + ')}
                          </button>
                        </td>
                        <td className="numeric">
                          <Metric title="Product of the members' unavailabilities (1 − service availability).">
                            {c.probability.toExponential(2)}
                          </Metric>
                        </td>
                        <td>{c.conditional ? 'only on some branches' : 'always'}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              {a.cutSetsTruncated && (
                <p className="muted">More cut sets exist; the most likely are listed.</p>
              )}
            </div>
            <div className="analysis-side">
              <h3>Single points of failure</h3>
              {a.singlePointsOfFailure.length === 0 ? (
                <p className="muted">None: no component fails the journey on its own.</p>
              ) : (
                <ul aria-label="Single points of failure">
                  {a.cutSets
                    .filter((c) => c.order === 1)
                    .map((c) => (
                      <li key={c.componentIds[0]}>{c.componentNames[0]}</li>
                    ))}
                </ul>
              )}
              <h3>Extra-nine breaches</h3>
              {a.extraNine.length === 0 ? (
                <p className="muted">None: every single point of failure has a nine more than the SLO.</p>
              ) : (
                <ul aria-label="Extra-nine breaches">
                  {a.extraNine.map((x) => (
                    <li key={x.componentId}>
                      {x.componentName}: {formatPercent(x.availability)}, needs{' '}
                      {formatPercent(x.requiredAvailability)}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        </>
      )}
    </div>
  );
}
