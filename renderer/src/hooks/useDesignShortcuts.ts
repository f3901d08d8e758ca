import { useEffect } from 'react';
import { currentJourney, switchScenario } from '../store/designCommands.ts';
import { showDesignDialog } from '../store/designDialogs.ts';
import { editorStore, useEditor } from '../store/index.ts';
import { useJourneyView } from '../store/journeyView.ts';
import { isTextField } from './textField.ts';

/**
 * Journey, route and settings shortcuts: Escape leaves route editing (before the editor's own Escape clears
 * the selection), R toggles route editing while a journey is shown, Alt+J opens the journey list, Ctrl+,
 * (⌘, on a Mac) opens the design settings. Inactive while a dialog is open. Call before useEditorShortcuts:
 * listeners run in the order they were added, and the editor's skips a key this one has handled.
 */
export function useDesignShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || document.querySelector('dialog[open]')) return;
      const mod = event.ctrlKey || event.metaKey;
      if (mod && !event.altKey && event.key === ',') {
        event.preventDefault();
        showDesignDialog({ kind: 'settings' });
        return;
      }
      if (event.altKey && !mod && event.code === 'KeyJ') {
        event.preventDefault();
        document.querySelector<HTMLButtonElement>('[data-journey-trigger]')?.click();
        return;
      }
      if (isTextField(event.target) || event.target instanceof HTMLSelectElement) return;
      const view = useJourneyView.getState();
      if (event.key === 'Escape' && view.routeEditing && currentJourney()) {
        event.preventDefault();
        view.setRouteEditing(false);
      } else if (!mod && !event.altKey && event.key.toLowerCase() === 'r' && currentJourney()) {
        event.preventDefault();
        view.setRouteEditing(!view.routeEditing);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

/**
 * Keeps the canvas on a scenario that exists: an undo can take away the scenario on show (the undo of
 * "New scenario" or "Duplicate"); the first one left is shown instead.
 */
export function useScenarioGuard(): void {
  const fallback = useEditor((s) =>
    s.design && s.scenarioId && !s.design.scenarios.some((sc) => sc.id === s.scenarioId)
      ? (s.design.scenarios[0]?.id ?? null)
      : null,
  );
  useEffect(() => {
    if (fallback && editorStore.getState().design) switchScenario(fallback);
  }, [fallback]);
}
