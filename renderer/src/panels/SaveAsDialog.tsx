import { useState } from 'react';
import type { FormEvent } from 'react';
import { editorStore } from '../store/index.ts';
import { saveDocumentAs, workspacePath } from '../store/documents.ts';
import { useUi } from '../store/ui.ts';
import { Modal } from './Modal.tsx';

/** The web host's Save As: a new file name in the workspace folder. */
export function SaveAsDialog() {
  const workspace = useUi((s) => s.appInfo?.workspace ?? '');
  const [name, setName] = useState(() => `${editorStore.getState().design?.meta.name ?? 'Design'} copy`);
  const close = () => useUi.getState().showDialog(null);
  const trimmed = name.trim();
  const invalid = /[\\/:*?"<>|]/.test(trimmed);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!trimmed || invalid) return;
    if (await saveDocumentAs(workspacePath(workspace, trimmed))) close();
  };

  return (
    <Modal title="Save a copy as" onClose={close}>
      <form onSubmit={(e) => void submit(e)} className="form">
        <label htmlFor="save-as-name">File name</label>
        <input id="save-as-name" data-autofocus value={name} onChange={(e) => setName(e.target.value)} />
        <p className="muted small">
          Saved as {workspacePath(workspace, trimmed || '…')}. You continue working on the copy.
        </p>
        {invalid && (
          <p className="field-error">A file name cannot contain \ / : * ? &quot; &lt; &gt; or |.</p>
        )}
        <div className="form-actions">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!trimmed || invalid}>
            Save
          </button>
        </div>
      </form>
    </Modal>
  );
}
