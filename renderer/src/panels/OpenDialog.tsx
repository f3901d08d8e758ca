import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../../shared/api.ts';
import { request } from '../api/client.ts';
import { openDocument } from '../store/documents.ts';
import { messageOf } from '../store/messageOf.ts';
import { useUi } from '../store/ui.ts';
import { DocumentList } from './DocumentList.tsx';
import { Modal } from './Modal.tsx';

type Listing = { files: ResponseOf<'workspace.list'>; recent: ResponseOf<'recent.list'> };

/** The web host's Open dialog: the designs in the workspace folder, then recent ones from elsewhere. */
export function OpenDialog() {
  const close = () => useUi.getState().showDialog(null);
  const workspace = useUi((s) => s.appInfo?.workspace ?? '');
  const [listing, setListing] = useState<Listing | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([request('workspace.list', {}), request('recent.list', {})])
      .then(([files, recent]) => live && setListing({ files, recent }))
      .catch((e: unknown) => live && setError(messageOf(e)));
    return () => {
      live = false;
    };
  }, []);

  const open = async (path: string) => {
    if (await openDocument(path)) close();
  };

  const inWorkspace = new Set(listing?.files.map((f) => f.path));
  const otherRecent = listing?.recent.filter((r) => !inWorkspace.has(r.path)) ?? [];
  return (
    <Modal title="Open a design" onClose={close}>
      {error && <p role="alert">{error}</p>}
      {!listing && !error && <p className="muted">Reading the workspace…</p>}
      {listing && (
        <>
          <h3>In the workspace</h3>
          <p className="muted small">{workspace}</p>
          <DocumentList
            label="Workspace designs"
            items={listing.files.map((f) => ({ path: f.path, name: f.name, when: f.modifiedAt }))}
            empty="No .mlarch files in the workspace folder yet."
            onOpen={(path) => void open(path)}
          />
          {otherRecent.length > 0 && (
            <>
              <h3>Recent elsewhere</h3>
              <DocumentList
                label="Recent designs"
                items={otherRecent.map((r) => ({
                  path: r.path,
                  name: r.name,
                  when: r.openedAt,
                  missing: !r.exists,
                }))}
                empty=""
                onOpen={(path) => void open(path)}
              />
            </>
          )}
        </>
      )}
    </Modal>
  );
}
