import type { Viewport } from '../../../shared/model/document.ts';

/** Where a debounced viewport is written: the store's `saveViewport`, for the document it belongs to. */
export type ViewportWrite = (docId: string, scenarioId: string, viewport: Viewport) => void;

export interface ViewportSaver {
  /** Remembers the latest viewport of a scenario and writes it once the view has been still for a while. */
  schedule(docId: string, scenarioId: string, viewport: Viewport): void;
  /** Writes a waiting viewport now: before the scenario changes or the document closes. */
  flush(): void;
}

/** Pans and zooms come in bursts; writing each one would fill the file's write queue with positions no one needs. */
export const VIEWPORT_SAVE_DELAY_MS = 500;

export function createViewportSaver(write: ViewportWrite, delayMs = VIEWPORT_SAVE_DELAY_MS): ViewportSaver {
  let waiting: { docId: string; scenarioId: string; viewport: Viewport } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const next = waiting;
    waiting = null;
    if (next) write(next.docId, next.scenarioId, next.viewport);
  };

  return {
    schedule(docId, scenarioId, viewport) {
      // A view of another scenario or document is written at once rather than replaced.
      if (waiting && (waiting.docId !== docId || waiting.scenarioId !== scenarioId)) flush();
      waiting = { docId, scenarioId, viewport };
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(flush, delayMs);
    },
    flush,
  };
}
