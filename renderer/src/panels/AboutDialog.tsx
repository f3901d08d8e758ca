import { useEditor } from '../store/index.ts';
import { useUi } from '../store/ui.ts';
import { Modal } from './Modal.tsx';

const HOST_NAMES = {
  electron: 'Desktop app (Electron)',
  web: 'Browser, served by the local web host',
} as const;

/** Help › About: what this is, which version and host, and which file is open. */
export function AboutDialog() {
  const info = useUi((s) => s.appInfo);
  const path = useEditor((s) => s.doc?.path ?? null);
  const close = () => useUi.getState().showDialog(null);
  return (
    <Modal title="About MLArch Studio" onClose={close}>
      <p className="about-lead">
        MLArch Studio models the architecture of machine-learning systems: components, connections and
        scenarios on a canvas, checked for latency, cost, availability and failure modes, all offline.
      </p>
      <dl className="facts">
        <dt>Version</dt>
        <dd>{info?.version ?? 'unknown (the host did not answer)'}</dd>
        <dt>Running as</dt>
        <dd>{info ? HOST_NAMES[info.host] : 'unknown'}</dd>
        {path && (
          <>
            <dt>Open design</dt>
            <dd className="about-path">{path}</dd>
          </>
        )}
      </dl>
      <div className="form-actions">
        <button type="button" className="primary" onClick={close} data-autofocus>
          Close
        </button>
      </div>
    </Modal>
  );
}
