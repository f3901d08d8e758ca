import { connectionKindSpecs, getConnectionKindSpec } from '../../../../shared/model/catalog/index.ts';
import { CONNECTION_KINDS } from '../../../../shared/model/catalog/types.ts';
import type { ConnectionKind } from '../../../../shared/model/catalog/types.ts';
import type { Connection } from '../../../../shared/model/document.ts';
import { changeConnectionKind } from '../../store/commands.ts';
import { AttributeSections } from './AttributeSections.tsx';
import { DeleteButton } from './DeleteButton.tsx';
import { RequestPathSection } from './RequestPathSection.tsx';

interface ConnectionDetailsProps {
  readonly connection: Connection;
  readonly from: string;
  readonly to: string;
}

function isConnectionKind(value: string): value is ConnectionKind {
  return (CONNECTION_KINDS as readonly string[]).includes(value);
}

/** One selected connection: its kind (changeable), its ends, its place on the request path, its attributes. */
export function ConnectionDetails({ connection, from, to }: ConnectionDetailsProps) {
  const spec = getConnectionKindSpec(connection.kind);
  return (
    <>
      <div className="inspector-header">
        <h2>Connection</h2>
        <DeleteButton label={`Delete connection from ${from} to ${to}`} />
      </div>
      <dl className="facts">
        <dt>
          <label htmlFor="inspector-connection-kind">Kind</label>
        </dt>
        <dd>
          <select
            id="inspector-connection-kind"
            aria-label="Connection kind"
            value={connection.kind}
            onChange={(e) => {
              if (isConnectionKind(e.target.value)) changeConnectionKind(connection.id, e.target.value);
            }}
          >
            {connectionKindSpecs.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </select>
        </dd>
        <dt>From</dt>
        <dd>{from}</dd>
        <dt>To</dt>
        <dd>{to}</dd>
      </dl>
      <p className="muted small">{spec.description}</p>
      <RequestPathSection connection={connection} />
      <AttributeSections
        key={connection.id}
        ownerType="connection"
        ownerId={connection.id}
        specs={spec.attributes}
        kindLabel={spec.label}
        attributes={connection.attributes}
      />
    </>
  );
}
