import { useEditor } from '../store/index.ts';
import type { EditorState } from '../store/editorStore.ts';
import { ComponentDetails } from './inspector/ComponentDetails.tsx';
import { ConnectionDetails } from './inspector/ConnectionDetails.tsx';
import { DeleteButton } from './inspector/DeleteButton.tsx';
import './inspector/inspector.css';

// Narrow selectors: each returns one element or one name, so the inspector re-renders only when what it
// shows changes (an object kept as is by the model when untouched), never for an unrelated edit.

function componentName(s: EditorState, id: string | null): string | null {
  return id ? (s.design?.components.find((c) => c.id === id)?.name ?? null) : null;
}

function SelectedComponent({ id }: { readonly id: string }) {
  const component = useEditor((s) => s.design?.components.find((c) => c.id === id));
  const parentName = useEditor((s) =>
    componentName(s, s.design?.components.find((c) => c.id === id)?.parentId ?? null),
  );
  return component ? <ComponentDetails component={component} parentName={parentName} /> : null;
}

function SelectedConnection({ id }: { readonly id: string }) {
  const connection = useEditor((s) => s.design?.connections.find((c) => c.id === id));
  const from = useEditor((s) => componentName(s, connection?.sourceId ?? null));
  const to = useEditor((s) => componentName(s, connection?.targetId ?? null));
  return connection ? <ConnectionDetails connection={connection} from={from ?? '?'} to={to ?? '?'} /> : null;
}

function SelectionSummary({ components, connections }: { components: number; connections: number }) {
  const parts = [];
  if (components > 0) parts.push(`${components} component${components === 1 ? '' : 's'}`);
  if (connections > 0) parts.push(`${connections} connection${connections === 1 ? '' : 's'}`);
  return (
    <>
      <div className="inspector-header">
        <h2>Selection</h2>
        <DeleteButton label="Delete selection" />
      </div>
      <p>{parts.join(' and ')} selected.</p>
    </>
  );
}

/** The right pane: the selection's details and attributes, rename and delete. */
export function Inspector() {
  const open = useEditor((s) => s.design !== null);
  const selection = useEditor((s) => s.selection);
  if (!open) return null;

  const { componentIds, connectionIds } = selection;
  let body;
  if (componentIds.length + connectionIds.length === 0) {
    body = <p className="muted">Select a component or a connection to see and edit its details.</p>;
  } else if (componentIds.length === 1 && connectionIds.length === 0 && componentIds[0]) {
    body = <SelectedComponent key={componentIds[0]} id={componentIds[0]} />;
  } else if (connectionIds.length === 1 && componentIds.length === 0 && connectionIds[0]) {
    body = <SelectedConnection key={connectionIds[0]} id={connectionIds[0]} />;
  } else {
    body = <SelectionSummary components={componentIds.length} connections={connectionIds.length} />;
  }
  return (
    <aside className="inspector" aria-label="Inspector">
      {body}
    </aside>
  );
}
