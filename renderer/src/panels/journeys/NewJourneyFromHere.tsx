import { isBoundaryKind } from '../../../../shared/model/integrity.ts';
import type { Component } from '../../../../shared/model/document.ts';
import { showDesignDialog } from '../../store/designDialogs.ts';

/** The inspector's "New journey from here": a journey whose entry is the selected component. */
export function NewJourneyFromHere({ component }: { readonly component: Component }) {
  if (isBoundaryKind(component.kind)) return null;
  return (
    <button
      type="button"
      className="new-journey-here"
      aria-label={`New journey from ${component.name}`}
      onClick={() => showDesignDialog({ kind: 'new-journey', entryId: component.id })}
    >
      New journey from here…
    </button>
  );
}
