import { useState } from 'react';
import type { FormEvent } from 'react';
import { uniqueScenarioName } from '../../../../shared/model/scenario-commands.ts';
import { createScenario, renameScenario } from '../../store/designCommands.ts';
import { showDesignDialog } from '../../store/designDialogs.ts';
import { editorStore } from '../../store/index.ts';
import { FormField } from '../FormField.tsx';
import { Modal } from '../Modal.tsx';

type Mode = 'new' | 'duplicate' | 'rename';

function initialName(mode: Mode): string {
  const { design, scenarioId } = editorStore.getState();
  const current = design?.scenarios.find((s) => s.id === scenarioId)?.name ?? '';
  if (!design || mode === 'rename') return current;
  return uniqueScenarioName(design, mode === 'duplicate' ? `${current} copy` : 'New scenario');
}

const TITLES: Record<Mode, string> = {
  new: 'New blank scenario',
  duplicate: 'Duplicate scenario',
  rename: 'Rename scenario',
};

/** Names a new scenario (blank or a copy of the current one) or renames the current one. */
export function ScenarioNameDialog({ mode }: { readonly mode: Mode }) {
  const [name, setName] = useState(() => initialName(mode));
  const [error, setError] = useState<string | undefined>(undefined);
  const close = () => showDesignDialog(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') {
      setError('A scenario needs a name.');
      return;
    }
    const done = mode === 'rename' ? renameScenario(name) : createScenario(name, mode === 'duplicate');
    if (done) close();
  };
  return (
    <Modal title={TITLES[mode]} onClose={close}>
      <form className="form" onSubmit={submit} noValidate>
        <FormField label="Scenario name" error={error}>
          <input value={name} maxLength={200} data-autofocus onChange={(e) => setName(e.target.value)} />
        </FormField>
        {mode === 'duplicate' && (
          <p className="muted small">
            The copy has every component, boundary, connection, group and journey of the current scenario, in
            the same places, and shows next.
          </p>
        )}
        <div className="form-actions">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary">
            {mode === 'rename' ? 'Rename' : mode === 'duplicate' ? 'Duplicate' : 'Create'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
