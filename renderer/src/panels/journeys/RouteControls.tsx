import { resetRoute } from '../../store/designCommands.ts';
import { useJourneyView } from '../../store/journeyView.ts';
import { useCurrentJourney } from './useCurrentJourney.ts';

/** With a journey shown: the route edit mode toggle and the way back to the default route. */
export function RouteControls() {
  const journey = useCurrentJourney();
  const editing = useJourneyView((s) => s.routeEditing);
  if (!journey) return null;
  return (
    <div className="toolbar" role="toolbar" aria-label="Route">
      <button
        type="button"
        aria-pressed={editing}
        title={
          editing
            ? 'Stop editing the route (Escape)'
            : `Click connections on the canvas to put them on the route of ${journey.name} or take them off (R)`
        }
        onClick={() => useJourneyView.getState().setRouteEditing(!editing)}
      >
        Edit route
      </button>
      <button
        type="button"
        disabled={journey.route === null}
        title={
          journey.route === null
            ? 'The journey follows its default route: everything reachable from its entry'
            : 'Go back to the default route: everything reachable from the entry'
        }
        onClick={resetRoute}
      >
        Use default route
      </button>
    </div>
  );
}
