import { peekRedo, peekUndo } from '../store/history.ts';
import { closeDocument, promptOpen, promptSaveAs } from '../store/documents.ts';
import { editorStore, useEditor } from '../store/index.ts';
import { shortcutLabel } from '../hooks/platform.ts';
import { useDock } from '../store/dock.ts';
import { switchScenario } from '../store/designCommands.ts';
import { showDesignDialog } from '../store/designDialogs.ts';
import { JourneySwitcher } from './journeys/JourneySwitcher.tsx';
import { RouteControls } from './journeys/RouteControls.tsx';
import { ScenarioMenu } from './scenarios/ScenarioMenu.tsx';
import './design.css';

/**
 * The editor's top bar: design name, scenario switcher and menu, journey switcher and route controls,
 * undo/redo, the dock toggle, design settings and file commands.
 */
export function TopBar() {
  const name = useEditor((s) => s.design?.meta.name ?? '');
  const path = useEditor((s) => s.doc?.path ?? '');
  const scenarios = useEditor((s) => s.design?.scenarios);
  const scenarioId = useEditor((s) => s.scenarioId);
  const undoEntry = useEditor((s) => peekUndo(s.history));
  const redoEntry = useEditor((s) => peekRedo(s.history));
  const saving = useEditor((s) => s.pending > 0 || s.switching);
  const dockOpen = useDock((s) => s.open);
  const { undo, redo } = editorStore.getState();

  const undoTitle = undoEntry
    ? `Undo ${undoEntry.label} (${shortcutLabel('Z')})`
    : `Nothing to undo (${shortcutLabel('Z')})`;
  const redoTitle = redoEntry
    ? `Redo ${redoEntry.label} (${shortcutLabel('Z', true)})`
    : `Nothing to redo (${shortcutLabel('Z', true)})`;

  return (
    <header className="top-bar">
      <div className="top-bar-title">
        <span className="app-mark" aria-hidden="true">
          ◆
        </span>
        <h1 title={path}>{name}</h1>
        <span className="save-status" role="status">
          {saving ? 'Saving…' : 'All changes saved'}
        </span>
      </div>
      <div className="scenario-group">
        <label className="scenario-switcher">
          <span>Scenario</span>
          <select
            aria-label="Scenario"
            value={scenarioId ?? ''}
            onChange={(e) => switchScenario(e.target.value)}
          >
            {scenarios?.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <ScenarioMenu />
      </div>
      <JourneySwitcher />
      <RouteControls />
      <div className="toolbar" role="toolbar" aria-label="Edit">
        <button type="button" aria-label="Undo" title={undoTitle} disabled={!undoEntry} onClick={undo}>
          ↶ Undo
        </button>
        <button type="button" aria-label="Redo" title={redoTitle} disabled={!redoEntry} onClick={redo}>
          ↷ Redo
        </button>
      </div>
      <div className="toolbar" role="toolbar" aria-label="View">
        <button
          type="button"
          aria-pressed={dockOpen}
          title={`${dockOpen ? 'Hide' : 'Show'} the dock with the tables of this scenario (${shortcutLabel('J')})`}
          onClick={useDock.getState().toggle}
        >
          <span aria-hidden="true">▤</span> Dock
        </button>
        <button
          type="button"
          title={`Budget, data-residency policy and AI-system profile (${shortcutLabel(',')})`}
          onClick={() => showDesignDialog({ kind: 'settings' })}
        >
          Design settings
        </button>
      </div>
      <div className="toolbar" role="toolbar" aria-label="File">
        <button type="button" onClick={() => void promptOpen()}>
          Open…
        </button>
        <button type="button" onClick={() => void promptSaveAs()}>
          Save As…
        </button>
        <button type="button" onClick={() => void closeDocument()}>
          Close
        </button>
      </div>
    </header>
  );
}
