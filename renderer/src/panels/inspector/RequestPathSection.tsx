import { getConnectionKindSpec } from '../../../../shared/model/catalog/index.ts';
import { readNumber } from '../../../../shared/model/catalog/readers.ts';
import type { Connection, Design } from '../../../../shared/model/document.ts';
import { groupsForConnection, primaryCandidates } from '../../../../shared/model/group-commands.ts';
import { isSyncConnection } from '../../../../shared/model/sync-cycle.ts';
import { useEditor } from '../../store/index.ts';
import { GroupSettings } from './GroupSettings.tsx';
import { createGroup, joinGroup, setPrimary } from './requestPathCommands.ts';

/*
 * The "Request path" section of the connection inspector (DOMAIN.md §2.0): what one request does at this
 * connection. A fallback names the call it backs up; any other connection may be a branch of a choice or a
 * parallel step of its source, whose settings are edited here; a fan-out is explained in words.
 */

const NEW_CHOICE = 'new:exclusive';
const NEW_PARALLEL = 'new:parallel';

function nameOf(design: Design, id: string): string {
  return design.components.find((c) => c.id === id)?.name ?? '?';
}

function FallbackPrimary({ connection, design }: { connection: Connection; design: Design }) {
  const candidates = primaryCandidates(design, connection.id);
  const label = (e: Connection) => `${getConnectionKindSpec(e.kind).label} to ${nameOf(design, e.targetId)}`;
  return (
    <>
      <div className="rp-row">
        <label htmlFor="rp-primary">Backs up</label>
        <select
          id="rp-primary"
          value={connection.primaryId ?? ''}
          onChange={(e) => setPrimary(connection.id, e.target.value === '' ? null : e.target.value)}
        >
          <option value="">none</option>
          {candidates.map((e) => (
            <option key={e.id} value={e.id}>
              {label(e)}
            </option>
          ))}
        </select>
      </div>
      {connection.primaryId === null && (
        <p className="rp-warning">
          This fallback backs up no call, so it is never taken: choose the call from{' '}
          {nameOf(design, connection.sourceId)} it stands in for.
        </p>
      )}
      <p className="muted small">
        Taken when the call it backs up fails (down, or timed out): its share of traffic is derived from that
        call&apos;s availability, never typed.
      </p>
    </>
  );
}

function GroupMembership({ connection, design }: { connection: Connection; design: Design }) {
  const groups = groupsForConnection(design, connection.id);
  const source = nameOf(design, connection.sourceId);
  return (
    <>
      <div className="rp-row">
        <label htmlFor="rp-group">Group</label>
        <select
          id="rp-group"
          value={connection.groupId ?? ''}
          onChange={(e) => {
            const value = e.target.value;
            if (value === NEW_CHOICE) createGroup(connection.id, 'exclusive');
            else if (value === NEW_PARALLEL) createGroup(connection.id, 'parallel');
            else joinGroup(connection.id, value === '' ? null : value);
          }}
        >
          <option value="">none</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name} ({g.type === 'exclusive' ? 'choice' : 'parallel'})
            </option>
          ))}
          <option value={NEW_CHOICE}>New choice group…</option>
          <option value={NEW_PARALLEL}>New parallel group…</option>
        </select>
      </div>
      {connection.groupId === null && (
        <p className="muted small">
          Made on every call reaching {source}, with its own probability. Put calls that are alternatives (an
          A/B split, hit or miss) in a choice group, calls made at once in a parallel group.
        </p>
      )}
    </>
  );
}

function FanOutNote({ connection, design }: { connection: Connection; design: Design }) {
  const calls = readNumber(connection.attributes, 'calls_per_request') ?? 1;
  if (calls <= 1) return null;
  const target = nameOf(design, connection.targetId);
  const parallel = connection.attributes.fanout_mode === 'parallel';
  return (
    <p className="muted small" data-testid="rp-fanout">
      Fan-out: {calls} calls to {target} for each call reaching {nameOf(design, connection.sourceId)},{' '}
      {parallel
        ? 'all at once and joined as all: the slowest of them counts for latency.'
        : 'one after another: their latencies add up.'}{' '}
      Cost and load on {target} count {calls} times either way. Change it under Calls per request and Fan-out
      calls.
    </p>
  );
}

/** The request-path section of one selected connection. */
export function RequestPathSection({ connection }: { readonly connection: Connection }) {
  const design = useEditor((s) => s.design);
  if (!design) return null;
  const group =
    connection.groupId === null ? undefined : design.groups.find((g) => g.id === connection.groupId);
  return (
    <section className="request-path" aria-labelledby="rp-title">
      <h3 id="rp-title">Request path</h3>
      {!isSyncConnection(connection) && (
        <p className="muted small">
          Async: the caller does not wait, so this connection counts for cost and freshness, never for request
          latency.
        </p>
      )}
      {connection.kind === 'fallback' ? (
        <FallbackPrimary connection={connection} design={design} />
      ) : (
        <GroupMembership connection={connection} design={design} />
      )}
      {group && <GroupSettings key={group.id} group={group} design={design} />}
      <FanOutNote connection={connection} design={design} />
    </section>
  );
}
