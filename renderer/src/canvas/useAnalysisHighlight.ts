import { useMemo } from 'react';
import { useAnalysis } from '../store/analysis.ts';
import { useAnalysisView } from '../store/analysisView.ts';
import { useDock } from '../store/dock.ts';
import { useEditor } from '../store/index.ts';
import { useJourneyView } from '../store/journeyView.ts';
import { highlightKey, parseHighlight } from './analysisHighlight.ts';
import type { AnalysisHighlight } from './analysisHighlight.ts';

/** The canvas highlight of the analysis tab on show, stable across results that change nothing it shows. */
export function useAnalysisHighlight(): AnalysisHighlight | null {
  const tab = useDock((s) => (s.open ? s.tab : null));
  const scenarioId = useEditor((s) => s.scenarioId);
  const docId = useEditor((s) => s.doc?.docId ?? null);
  const shown = useJourneyView((v) =>
    scenarioId && v.docId === docId ? (v.byScenario[scenarioId] ?? null) : null,
  );
  const cutSet = useAnalysisView((s) => s.cutSet);
  const key = useAnalysis((s) => highlightKey(s, tab, scenarioId, shown, cutSet));
  return useMemo(() => parseHighlight(key), [key]);
}
