import { readNumber } from './catalog/readers.ts';
import type { Connection, ConnectionGroup, Design } from './document.ts';
import { newId } from './ids.ts';
import { connectionName, q } from './integrity.ts';
import type { ConnectionChanges, Operation } from './operations.ts';
import { OperationError } from './operations.ts';

/*
 * Request-path gestures of the inspector as operation lists (DOMAIN.md §2.0): put a connection in a choice or
 * parallel group of its source, take it out, set a group's type, join and shares, and link a fallback to the
 * call it backs up. Pure builders like commands.ts: a gesture the design cannot take throws OperationError
 * (index 0) with a message for the user. Every builder that touches an exclusive group leaves its members'
 * shares summing to 1, so a choice stays analysable after each step.
 */

export type GroupType = ConnectionGroup['type'];
export type GroupJoin = NonNullable<ConnectionGroup['join']>;

/** How far the shares of a choice may sum from 1 (the analyses' tolerance, DOMAIN.md §2.0). */
export const CHOICE_SHARE_TOLERANCE = 1e-9;

function connectionOf(design: Design, id: string): Connection {
  const e = design.connections.find((c) => c.id === id);
  if (!e) throw new OperationError('The connection no longer exists.', 0);
  return e;
}

function groupOf(design: Design, id: string): ConnectionGroup {
  const g = design.groups.find((c) => c.id === id);
  if (!g) throw new OperationError('The group no longer exists.', 0);
  return g;
}

function lookupOf(design: Design) {
  const components = new Map(design.components.map((c) => [c.id, c]));
  return {
    scenario: (id: string) => design.scenarios.find((s) => s.id === id),
    component: (id: string) => components.get(id),
  };
}

/** A connection's share of traffic (its probability attribute; 1 when it has none). */
export function shareOf(e: Connection): number {
  return readNumber(e.attributes, 'probability') ?? 1;
}

/** The members of group `groupId`, in document (id) order. */
export function groupMembers(design: Design, groupId: string): Connection[] {
  return design.connections.filter((e) => e.groupId === groupId);
}

/** `shares` scaled to sum to `total` (proportionally; equal parts when they are all 0). */
export function rescaledShares(shares: readonly number[], total = 1): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  if (sum <= 0) return shares.map(() => total / shares.length);
  return shares.map((s) => (s / sum) * total);
}

/** The operations that set each connection's probability to its share, leaving out unchanged ones. */
function shareOps(members: readonly Connection[], shares: readonly number[]): Operation[] {
  const ops: Operation[] = [];
  members.forEach((e, i) => {
    const share = shares[i] as number;
    if (shareOf(e) !== share)
      ops.push({ type: 'connection.update', id: e.id, changes: { attributes: { probability: share } } });
  });
  return ops;
}

/** "Choice from Gateway" or "Parallel from Gateway", numbered when the scenario already has that name. */
export function newGroupName(
  design: Design,
  scenarioId: string,
  type: GroupType,
  sourceName: string,
): string {
  const base = `${type === 'exclusive' ? 'Choice' : 'Parallel'} from ${sourceName}`;
  const taken = new Set(design.groups.filter((g) => g.scenarioId === scenarioId).map((g) => g.name));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base} ${n}`)) n += 1;
  return `${base} ${n}`;
}

/** The groups connection `id` may be a member of: those of its source (none for a fallback). */
export function groupsForConnection(design: Design, id: string): ConnectionGroup[] {
  const e = design.connections.find((c) => c.id === id);
  if (!e || e.kind === 'fallback') return [];
  return design.groups.filter((g) => g.scenarioId === e.scenarioId && g.sourceId === e.sourceId);
}

/**
 * The operations that take connection `e` out of its group: the remaining members of a choice are rescaled
 * to sum to 1, and a group left empty is removed (after the connection leaves it). `changes` are further
 * changes of `e` made in the same update (a kind change to fallback, which cannot stay in a group).
 */
export function leaveOps(design: Design, e: Connection, changes: ConnectionChanges = {}): Operation[] {
  const update: Operation = { type: 'connection.update', id: e.id, changes: { groupId: null, ...changes } };
  if (e.groupId === null) return [update];
  const group = groupOf(design, e.groupId);
  const rest = groupMembers(design, group.id).filter((m) => m.id !== e.id);
  if (rest.length === 0) return [update, { type: 'group.remove', id: group.id }];
  const rescale = group.type === 'exclusive' ? shareOps(rest, rescaledShares(rest.map(shareOf))) : [];
  return [update, ...rescale];
}

/**
 * The operations that put connection `connectionId` in group `groupId` of its source, or take it out of its
 * group (null). Joining a choice of n members gives the newcomer 1/(n+1) and scales the others to n/(n+1);
 * leaving one rescales the rest to 1; a group left empty is removed in the same step. None when nothing
 * changes.
 */
export function joinGroupOps(design: Design, connectionId: string, groupId: string | null): Operation[] {
  const e = connectionOf(design, connectionId);
  if (e.groupId === groupId) return [];
  if (groupId === null) return leaveOps(design, e);
  const group = groupOf(design, groupId);
  if (e.kind === 'fallback') {
    throw new OperationError(
      `${connectionName(e, lookupOf(design))} is a fallback: it backs up one call and cannot be a branch of a group.`,
      0,
    );
  }
  const members = groupMembers(design, group.id);
  const old = e.groupId === null ? [] : leaveOps(design, e).slice(1);
  if (group.type !== 'exclusive') {
    return [{ type: 'connection.update', id: e.id, changes: { groupId } }, ...old];
  }
  const n = members.length;
  const share = 1 / (n + 1);
  return [
    ...shareOps(members, rescaledShares(members.map(shareOf), n / (n + 1))),
    { type: 'connection.update', id: e.id, changes: { groupId, attributes: { probability: share } } },
    ...old,
  ];
}

/**
 * The operations that make a new group of `type` from the source of connection `connectionId` and put the
 * connection in it (leaving its old group, which goes when it is left empty). A choice starts with the
 * connection's share at 1; a parallel group joins all. The first operation is the `group.add`.
 */
export function createGroupOps(design: Design, connectionId: string, type: GroupType): Operation[] {
  const e = connectionOf(design, connectionId);
  if (e.kind === 'fallback') {
    throw new OperationError(
      `${connectionName(e, lookupOf(design))} is a fallback: it backs up one call and cannot be a branch of a group.`,
      0,
    );
  }
  const sourceName = lookupOf(design).component(e.sourceId)?.name ?? e.sourceId;
  const group: ConnectionGroup = {
    id: newId('g'),
    scenarioId: e.scenarioId,
    sourceId: e.sourceId,
    name: newGroupName(design, e.scenarioId, type, sourceName),
    type,
    join: type === 'parallel' ? 'all' : null,
    joinK: null,
  };
  const changes: Partial<Connection> = { groupId: group.id };
  if (type === 'exclusive' && shareOf(e) !== 1) changes.attributes = { probability: 1 };
  const old = e.groupId === null ? [] : leaveOps(design, e).slice(1);
  return [{ type: 'group.add', group }, { type: 'connection.update', id: e.id, changes }, ...old];
}

/** The operation that renames group `groupId` (trimmed); none when unchanged. */
export function renameGroupOps(design: Design, groupId: string, name: string): Operation[] {
  const group = groupOf(design, groupId);
  const trimmed = name.trim();
  if (trimmed === '') throw new OperationError('A group needs a name.', 0);
  if (trimmed === group.name) return [];
  return [{ type: 'group.update', id: groupId, changes: { name: trimmed } }];
}

/**
 * The operations that turn group `groupId` into a choice or a parallel step. A parallel step joins all; a
 * choice has no join and its members' shares are rescaled to sum to 1 (equal when they are all 0).
 */
export function setGroupTypeOps(design: Design, groupId: string, type: GroupType): Operation[] {
  const group = groupOf(design, groupId);
  if (group.type === type) return [];
  if (type === 'parallel') {
    return [{ type: 'group.update', id: groupId, changes: { type, join: 'all', joinK: null } }];
  }
  const members = groupMembers(design, groupId);
  return [
    { type: 'group.update', id: groupId, changes: { type, join: null, joinK: null } },
    ...shareOps(members, rescaledShares(members.map(shareOf))),
  ];
}

/**
 * The operation that sets how parallel group `groupId` completes: all, any, or k of n (`k` between 1 and
 * the number of members). None when unchanged.
 */
export function setGroupJoinOps(
  design: Design,
  groupId: string,
  join: GroupJoin,
  k: number | null = null,
): Operation[] {
  const group = groupOf(design, groupId);
  if (group.type !== 'parallel') {
    throw new OperationError(`Choice group ${q(group.name)} takes exactly one branch: it has no join.`, 0);
  }
  const joinK = join === 'k-of-n' ? k : null;
  if (join === 'k-of-n') {
    const n = groupMembers(design, groupId).length;
    if (joinK === null || !Number.isInteger(joinK) || joinK < 1 || joinK > Math.max(n, 1)) {
      throw new OperationError(
        `Group ${q(group.name)} has ${n} member${n === 1 ? '' : 's'}: k is a whole number from 1 to ${Math.max(n, 1)}.`,
        0,
      );
    }
  }
  if (group.join === join && group.joinK === joinK) return [];
  return [{ type: 'group.update', id: groupId, changes: { join, joinK } }];
}

/**
 * The operations that set the shares of choice group `groupId`: `shares` maps each member's id to its
 * probability (0 to 1). Refused unless every member has one and they sum to 1 (± CHOICE_SHARE_TOLERANCE).
 */
export function setSharesOps(
  design: Design,
  groupId: string,
  shares: Readonly<Record<string, number>>,
): Operation[] {
  const group = groupOf(design, groupId);
  if (group.type !== 'exclusive') {
    throw new OperationError(
      `Group ${q(group.name)} runs its members in parallel: each is taken, so they have no shares.`,
      0,
    );
  }
  const members = groupMembers(design, groupId);
  const values = members.map((e) => shares[e.id]);
  const lookup = lookupOf(design);
  members.forEach((e, i) => {
    const v = values[i];
    if (v === undefined || !Number.isFinite(v) || v < 0 || v > 1) {
      throw new OperationError(
        `Give ${connectionName(e, lookup, 'the')} a share between 0 and 100 % of choice ${q(group.name)}.`,
        0,
      );
    }
  });
  const total = (values as number[]).reduce((a, b) => a + b, 0);
  if (Math.abs(total - 1) > CHOICE_SHARE_TOLERANCE) {
    throw new OperationError(
      `The shares of choice ${q(group.name)} add up to ${formatPercent(total)}, not 100 %: exactly one ` +
        'branch is taken per request. Change them or normalise them.',
      0,
    );
  }
  return shareOps(members, values as number[]);
}

/** The operations that rescale the shares of choice group `groupId` to sum to 1, keeping their ratios. */
export function normaliseSharesOps(design: Design, groupId: string): Operation[] {
  const members = groupMembers(design, groupId);
  const shares = rescaledShares(members.map(shareOf));
  return setSharesOps(
    design,
    groupId,
    Object.fromEntries(members.map((e, i) => [e.id, shares[i] as number])),
  );
}

/** A fraction as a percentage for messages: 0.9 → "90 %", 1/3 → "33.33 %". */
export function formatPercent(fraction: number): string {
  return `${Number((fraction * 100).toFixed(2))} %`;
}

/**
 * The connections fallback `fallbackId` may back up: the other connections from its source, calls first,
 * then fallbacks (for a chain) whose chain does not lead back to it.
 */
export function primaryCandidates(design: Design, fallbackId: string): Connection[] {
  const f = design.connections.find((e) => e.id === fallbackId);
  if (!f) return [];
  const byId = new Map(design.connections.map((e) => [e.id, e]));
  const leadsBack = (e: Connection): boolean => {
    let at: Connection | undefined = e;
    for (let depth = 0; at && depth <= 64; depth++) {
      if (at.id === f.id) return true;
      at = at.primaryId === null ? undefined : byId.get(at.primaryId);
    }
    return at !== undefined;
  };
  const siblings = design.connections.filter(
    (e) => e.id !== f.id && e.scenarioId === f.scenarioId && e.sourceId === f.sourceId,
  );
  return [
    ...siblings.filter((e) => e.kind !== 'fallback'),
    ...siblings.filter((e) => e.kind === 'fallback' && !leadsBack(e)),
  ];
}

/** The operation that makes fallback `fallbackId` back up `primaryId` (null: none); none when unchanged. */
export function setPrimaryOps(design: Design, fallbackId: string, primaryId: string | null): Operation[] {
  const f = connectionOf(design, fallbackId);
  if (f.kind !== 'fallback') {
    throw new OperationError(
      `${connectionName(f, lookupOf(design))} is not a fallback: turn it into one to make it back up a call.`,
      0,
    );
  }
  if (f.primaryId === primaryId) return [];
  if (primaryId !== null && !primaryCandidates(design, fallbackId).some((e) => e.id === primaryId)) {
    throw new OperationError(
      `${connectionName(f, lookupOf(design))} can back up only another connection from the same component ` +
        'that is not backed up by it.',
      0,
    );
  }
  return [{ type: 'connection.update', id: fallbackId, changes: { primaryId } }];
}
