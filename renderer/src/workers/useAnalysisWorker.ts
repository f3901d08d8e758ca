import { useEffect, useRef } from 'react';
import { useAnalysis } from '../store/analysis.ts';
import { useEditor } from '../store/index.ts';
import type { AnalysisMessage, AnalyzeRequest } from '../api/analysisProtocol.ts';

/** Least time between two requests to the worker, ms: a burst of edits (typing, a drag) is sent at most this often. */
export const ANALYSIS_DEBOUNCE_MS = 150;

/**
 * Keeps the analysis worker fed: every change of the design or the shown scenario is a new revision. The first
 * change after a quiet spell goes at once (the first numbers come quickly); changes within the next
 * ANALYSIS_DEBOUNCE_MS are folded into one request sent when it ends. Mounted once, for the open document.
 */
export function useAnalysisWorker(): void {
  const design = useEditor((s) => s.design);
  const scenarioId = useEditor((s) => s.scenarioId);
  const workerRef = useRef<Worker | null>(null);
  const revisionRef = useRef(0);
  const lastSentRef = useRef(-Infinity);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<AnalysisMessage>) => useAnalysis.getState().receive(event.data);
    worker.onerror = (event) => {
      useAnalysis.getState().receive({
        type: 'failed',
        revision: revisionRef.current,
        scenarioId: '',
        message: `The analysis stopped: ${event.message || 'the analysis worker failed'}. Reopen the design to restart it.`,
      });
    };
    workerRef.current = worker;
    return () => {
      worker.terminate();
      workerRef.current = null;
      if (timerRef.current) clearTimeout(timerRef.current);
      useAnalysis.getState().reset();
    };
  }, []);

  useEffect(() => {
    if (!design || !scenarioId) return;
    revisionRef.current += 1;
    const request: AnalyzeRequest = { type: 'analyze', revision: revisionRef.current, design, scenarioId };
    useAnalysis.getState().request(request.revision);
    const send = () => {
      timerRef.current = null;
      lastSentRef.current = performance.now();
      workerRef.current?.postMessage(request);
    };
    if (timerRef.current) clearTimeout(timerRef.current);
    const wait = lastSentRef.current + ANALYSIS_DEBOUNCE_MS - performance.now();
    if (wait <= 0) send();
    else timerRef.current = setTimeout(send, wait);
  }, [design, scenarioId]);
}
