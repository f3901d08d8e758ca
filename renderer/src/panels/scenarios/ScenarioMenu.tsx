import { deleteScenario } from '../../store/designCommands.ts';
import { showDesignDialog } from '../../store/designDialogs.ts';
import type { DesignDialog } from '../../store/designDialogs.ts';
import { useEditor } from '../../store/index.ts';
import { PopoverPanel, usePopover } from '../Popover.tsx';

/** The scenario menu next to the switcher: new (blank or a copy of this one), rename, delete. */
export function ScenarioMenu() {
  const count = useEditor((s) => s.design?.scenarios.length ?? 0);
  const name = useEditor((s) => s.design?.scenarios.find((sc) => sc.id === s.scenarioId)?.name ?? '');
  const { open, setOpen, close, triggerRef, panelRef } = usePopover();
  const dialog = (next: DesignDialog) => {
    close();
    showDesignDialog(next);
  };
  return (
    <div className="scenario-menu">
      <button
        ref={triggerRef}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        // Named by what it does: "Scenario" alone must keep naming the switcher (tests and screen readers
        // find it by that label).
        aria-label="Add, duplicate, rename or delete"
        title="New, duplicate, rename or delete a scenario"
        onClick={() => setOpen(!open)}
      >
        ⋯
      </button>
      {open && (
        <PopoverPanel
          label="Add, duplicate, rename or delete"
          panelRef={panelRef}
          onClose={close}
          className="menu-popover"
        >
          <button type="button" onClick={() => dialog({ kind: 'new-scenario', duplicate: false })}>
            New blank scenario…
          </button>
          <button type="button" onClick={() => dialog({ kind: 'new-scenario', duplicate: true })}>
            Duplicate “{name}”…
          </button>
          <button type="button" onClick={() => dialog({ kind: 'rename-scenario' })}>
            Rename “{name}”…
          </button>
          <button
            type="button"
            className="danger"
            disabled={count <= 1}
            title={
              count <= 1
                ? 'A design keeps at least one scenario: add another before deleting this one'
                : 'Delete this scenario and everything in it (Undo brings it back)'
            }
            onClick={() => {
              close();
              deleteScenario();
            }}
          >
            Delete “{name}”
          </button>
        </PopoverPanel>
      )}
    </div>
  );
}
