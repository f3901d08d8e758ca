import { useId } from 'react';
import { getConnectionKindSpec } from '../../../shared/model/catalog/index.ts';
import { toggleRouteConnection } from '../store/designCommands.ts';
import { useEditor } from '../store/index.ts';
import { useJourneyView } from '../store/journeyView.ts';
import { useCurrentJourney } from '../panels/journeys/useCurrentJourney.ts';
import type { RouteView } from './flowElements.ts';

/**
 * Shown over the canvas in route edit mode: what a click does, the way out, and the scenario's connections
 * as checkboxes, so the route can be edited from the keyboard too (each change is one undo step). "Use
 * default route" sits next to "Edit route" in the top bar.
 */
export function RouteEditPanel({ route }: { readonly route: RouteView }) {
  const scenarioId = useEditor((s) => s.scenarioId);
  const design = useEditor((s) => s.design);
  const journey = useCurrentJourney();
  const headingId = useId();
  if (!design || !journey) return null;
  const isDefault = journey.route === null;
  const journeyName = journey.name;
  const names = new Map(design.components.map((c) => [c.id, c.name]));
  const connections = design.connections.filter((e) => e.scenarioId === scenarioId);
  return (
    <section className="route-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Route of {journeyName}</h2>
      <p className="small">
        Click a connection to put it on the route or take it off. {isDefault ? 'Now: the default route.' : ''}
      </p>
      <details>
        <summary>Connections ({route.connectionIds.size} on the route)</summary>
        <ul className="route-checklist">
          {connections.map((e) => (
            <li key={e.id}>
              <label>
                <input
                  type="checkbox"
                  checked={route.connectionIds.has(e.id)}
                  onChange={() => toggleRouteConnection(e.id)}
                />
                {names.get(e.sourceId) ?? '?'} → {names.get(e.targetId) ?? '?'}{' '}
                <span className="muted">({getConnectionKindSpec(e.kind).label})</span>
              </label>
            </li>
          ))}
        </ul>
      </details>
      <div className="form-actions">
        <button
          type="button"
          className="primary"
          onClick={() => useJourneyView.getState().setRouteEditing(false)}
        >
          Done
        </button>
      </div>
    </section>
  );
}
