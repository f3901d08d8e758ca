import type { AnalysisData } from '../store/analysis.ts';
import type { DockTab } from '../store/dock.ts';

/** What the shown analysis tab lights up on the canvas: a critical path, or components at risk (red). */
export interface AnalysisHighlight {
  readonly tone: 'path' | 'risk';
  readonly componentIds: ReadonlySet<string>;
  readonly connectionIds: ReadonlySet<string>;
}

/**
 * The highlight as a string key ("tone|component ids|connection ids"), so a new analysis result that lights
 * up the same things is the same value and the canvas rebuilds nothing.
 */
export function highlightKey(
  data: Pick<AnalysisData, 'byScenario'>,
  tab: DockTab | null,
  scenarioId: string | null,
  shownJourneyId: string | null,
  cutSet: string | null,
): string {
  if (!tab || !scenarioId) return '';
  const analysis = data.byScenario[scenarioId];
  const journey = analysis?.journeys.find((j) => j.journeyId === shownJourneyId) ?? analysis?.journeys[0];
  if (!journey) return '';
  if (tab === 'latency') {
    const path = journey.latency?.criticalPath;
    return path ? `path|${path.componentIds.join(',')}|${path.connectionIds.join(',')}` : '';
  }
  if (tab === 'availability') {
    const a = journey.availability;
    const chosen = a.cutSets.find((c) => c.componentIds.join('+') === cutSet);
    const ids = chosen ? chosen.componentIds : a.singlePointsOfFailure;
    return ids.length > 0 ? `risk|${ids.join(',')}|` : '';
  }
  return '';
}

/** Parses a highlight key; null for none. */
export function parseHighlight(key: string): AnalysisHighlight | null {
  if (!key) return null;
  const [tone, components = '', connections = ''] = key.split('|');
  const set = (list: string) => new Set(list ? list.split(',') : []);
  return {
    tone: tone === 'risk' ? 'risk' : 'path',
    componentIds: set(components),
    connectionIds: set(connections),
  };
}
