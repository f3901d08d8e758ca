import { getConnectionKindSpec, getKindSpec } from '../../../shared/model/catalog/index.ts';
import type { Component, Connection } from '../../../shared/model/document.ts';
import { deleteSelection, renameComponent } from '../store/commands.ts';
import { useEditor } from '../store/index.ts';
import { NameField } from './NameField.tsx';

function DeleteButton({ label }: { readonly label: string }) {
  return (
    <button
      type="button"
      className="danger"
      aria-label={label}
      title={`${label} (Delete)`}
      onClick={deleteSelection}
    >
      Delete
    </button>
  );
}

function ComponentDetails({
  component,
  parentName,
}: {
  readonly component: Component;
  readonly parentName: string | null;
}) {
  const spec = getKindSpec(component.kind);
  return (
    <>
      <h2>{spec.boundary ? 'Boundary' : 'Component'}</h2>
      <div className="field">
        <label htmlFor="inspector-name">Name</label>
        <NameField
          key={`${component.id}:${component.name}`}
          value={component.name}
          onCommit={(name) => renameComponent(component.id, name)}
        />
      </div>
      <dl className="facts">
        <dt>Kind</dt>
        <dd>
          <span className="kind-chip" style={{ borderColor: spec.colour }}>
            <span aria-hidden="true">{spec.icon}</span> {spec.label}
          </span>
        </dd>
        <dt>Position</dt>
        <dd>
          x {Math.round(component.position.x)}, y {Math.round(component.position.y)}
          {parentName ? ` in ${parentName}` : ''}
        </dd>
      </dl>
      <p className="muted small">{spec.description}</p>
      <DeleteButton label={`Delete ${component.name}`} />
    </>
  );
}

function ConnectionDetails({
  connection,
  from,
  to,
}: {
  readonly connection: Connection;
  readonly from: string;
  readonly to: string;
}) {
  return (
    <>
      <h2>Connection</h2>
      <dl className="facts">
        <dt>Kind</dt>
        <dd>{getConnectionKindSpec(connection.kind).label}</dd>
        <dt>From</dt>
        <dd>{from}</dd>
        <dt>To</dt>
        <dd>{to}</dd>
      </dl>
      <DeleteButton label={`Delete connection from ${from} to ${to}`} />
    </>
  );
}

/** The right pane: details of the selection, rename and delete. */
export function Inspector() {
  const design = useEditor((s) => s.design);
  const selection = useEditor((s) => s.selection);
  if (!design) return null;

  const nameOf = (id: string | null) =>
    id ? (design.components.find((c) => c.id === id)?.name ?? null) : null;
  const { componentIds, connectionIds } = selection;
  let body;
  if (componentIds.length + connectionIds.length === 0) {
    body = <p className="muted">Select a component or a connection to see and edit its details.</p>;
  } else if (componentIds.length === 1 && connectionIds.length === 0) {
    const component = design.components.find((c) => c.id === componentIds[0]);
    body = component && <ComponentDetails component={component} parentName={nameOf(component.parentId)} />;
  } else if (connectionIds.length === 1 && componentIds.length === 0) {
    const connection = design.connections.find((c) => c.id === connectionIds[0]);
    body = connection && (
      <ConnectionDetails
        connection={connection}
        from={nameOf(connection.sourceId) ?? '?'}
        to={nameOf(connection.targetId) ?? '?'}
      />
    );
  } else {
    const parts = [];
    if (componentIds.length > 0)
      parts.push(`${componentIds.length} component${componentIds.length === 1 ? '' : 's'}`);
    if (connectionIds.length > 0)
      parts.push(`${connectionIds.length} connection${connectionIds.length === 1 ? '' : 's'}`);
    body = (
      <>
        <h2>Selection</h2>
        <p>{parts.join(' and ')} selected.</p>
        <DeleteButton label="Delete selection" />
      </>
    );
  }
  return (
    <aside className="inspector" aria-label="Inspector">
      {body}
    </aside>
  );
}
