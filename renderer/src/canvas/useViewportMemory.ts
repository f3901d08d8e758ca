import { useCallback, useEffect, useRef, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { OnMove } from '@xyflow/react';
import type { Viewport } from '../../../shared/model/document.ts';
import { editorStore, viewportSaver } from '../store/index.ts';

export const FIT_VIEW_OPTIONS = { maxZoom: 1.2 } as const;
/** An empty scenario keeps zoom 1, so the first drop does not make the view jump. */
const EMPTY_SCENARIO_VIEWPORT: Viewport = { x: 0, y: 0, zoom: 1 };

function savedViewportOf(scenarioId: string | null): Viewport | null {
  const { design } = editorStore.getState();
  return design?.scenarios.find((s) => s.id === scenarioId)?.viewport ?? null;
}

function hasComponents(scenarioId: string | null): boolean {
  return editorStore.getState().design?.components.some((c) => c.scenarioId === scenarioId) ?? false;
}

/**
 * Each scenario's viewport: restored when the canvas opens or the scenario changes (a fit when none was
 * saved), and saved a while after the user pans or zooms. Views the app sets itself are not saved, so
 * merely opening a design never writes to its file.
 */
export function useViewportMemory(scenarioId: string | null) {
  const { fitView, setViewport } = useReactFlow();
  const [opening] = useState(() => {
    const saved = savedViewportOf(scenarioId);
    return { saved, fit: !saved && hasComponents(scenarioId) };
  });
  // True while a view set by the app (a fit, a restore) has yet to report its end: that move is not the user's.
  const restoring = useRef(opening.fit);
  const shown = useRef(scenarioId);

  useEffect(() => {
    if (shown.current === scenarioId) return;
    shown.current = scenarioId;
    restoring.current = true;
    // The view just left may still be waiting to be written; write it now, so coming straight back finds it.
    viewportSaver.flush();
    const saved = savedViewportOf(scenarioId);
    // Nodes of the new scenario are measured on the next frame; fit once they are.
    const frame = requestAnimationFrame(() => {
      if (saved) void setViewport(saved);
      else if (hasComponents(scenarioId)) void fitView(FIT_VIEW_OPTIONS);
      else void setViewport(EMPTY_SCENARIO_VIEWPORT);
    });
    return () => cancelAnimationFrame(frame);
  }, [scenarioId, fitView, setViewport]);

  // Moves the user makes through React Flow's own controls or the menu also come without an event; only
  // the one right after a restore is the app's.
  const onMoveEnd = useCallback<OnMove>(
    (event, viewport) => {
      const ours = restoring.current && event === null;
      restoring.current = false;
      const { doc } = editorStore.getState();
      if (ours || !doc || !scenarioId) return;
      viewportSaver.schedule(doc.docId, scenarioId, { x: viewport.x, y: viewport.y, zoom: viewport.zoom });
    },
    [scenarioId],
  );

  return { savedOnOpen: opening.saved, fitOnOpen: opening.fit, onMoveEnd };
}
