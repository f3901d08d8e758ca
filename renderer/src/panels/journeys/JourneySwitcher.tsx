import { availabilityToPercent } from '../../../../shared/model/journey-commands.ts';
import type { Journey } from '../../../../shared/model/document.ts';
import { deleteJourney, showJourney } from '../../store/designCommands.ts';
import { showDesignDialog } from '../../store/designDialogs.ts';
import { useEditor } from '../../store/index.ts';
import { PopoverPanel, usePopover } from '../Popover.tsx';
import { useCurrentJourney } from './useCurrentJourney.ts';

/** "Tier 1 · 50 rps · p95 150 ms · 99.9 %": the journey's targets in one line. */
function summary(j: Journey): string {
  const parts = [`Tier ${j.tier}`, `${j.avgRps} rps (peak ${j.peakRps})`];
  if (j.p95SloMs !== null) parts.push(`p95 ${j.p95SloMs} ms`);
  if (j.p99SloMs !== null) parts.push(`p99 ${j.p99SloMs} ms`);
  if (j.availabilitySlo !== null) parts.push(`${availabilityToPercent(j.availabilitySlo)} %`);
  return parts.join(' · ');
}

/**
 * The journey switcher of the top bar: shows the selected journey and opens the list of the scenario's
 * journeys, to show one on the canvas, edit, delete or create one.
 */
export function JourneySwitcher() {
  const scenarioId = useEditor((s) => s.scenarioId);
  const allJourneys = useEditor((s) => s.design?.journeys);
  const journeys = allJourneys?.filter((j) => j.scenarioId === scenarioId) ?? [];
  const current = useCurrentJourney();
  const { open, setOpen, close, triggerRef, panelRef } = usePopover();

  const choose = (id: string | null) => {
    showJourney(id);
    close();
  };
  const dialog = (action: () => void) => {
    // The dialog gives the focus back to the switcher button when it closes.
    close();
    action();
  };

  return (
    <div className="journey-switcher">
      <button
        ref={triggerRef}
        type="button"
        className="journey-trigger"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label={`Journey: ${current ? current.name : 'whole design'}`}
        title="Show a journey's request path on the canvas (Alt+J)"
        onClick={() => setOpen(!open)}
        data-journey-trigger
      >
        <span className="muted">Journey</span> <strong>{current ? current.name : 'Whole design'}</strong>{' '}
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <PopoverPanel label="Journeys" panelRef={panelRef} onClose={close} className="journey-popover">
          <ul className="journey-list">
            <li>
              <button
                type="button"
                className="journey-choice"
                aria-pressed={current === null}
                onClick={() => choose(null)}
              >
                Whole design <span className="muted small">no journey highlighted</span>
              </button>
            </li>
            {journeys.map((j) => (
              <li key={j.id} className="journey-item">
                <button
                  type="button"
                  className="journey-choice"
                  aria-pressed={current?.id === j.id}
                  aria-label={`Show journey ${j.name}`}
                  onClick={() => choose(j.id)}
                >
                  <span className="journey-name">{j.name}</span>
                  <span className="muted small">{summary(j)}</span>
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Edit journey ${j.name}`}
                  title="Edit"
                  onClick={() => dialog(() => showDesignDialog({ kind: 'edit-journey', journeyId: j.id }))}
                >
                  ✎
                </button>
                <button
                  type="button"
                  className="icon-button danger"
                  aria-label={`Delete journey ${j.name}`}
                  title="Delete (Undo brings it back)"
                  onClick={() => {
                    deleteJourney(j.id);
                    close();
                  }}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
          {journeys.length === 0 && <p className="muted small">This scenario has no journey yet.</p>}
          <button
            type="button"
            className="primary"
            onClick={() => dialog(() => showDesignDialog({ kind: 'new-journey', entryId: null }))}
          >
            New journey…
          </button>
        </PopoverPanel>
      )}
    </div>
  );
}
