import type { Design } from '../../../../shared/model/document.ts';
import type { GroupJoin, GroupType } from '../../../../shared/model/group-commands.ts';
import {
  createGroupOps,
  joinGroupOps,
  normaliseSharesOps,
  renameGroupOps,
  setGroupJoinOps,
  setGroupTypeOps,
  setPrimaryOps,
  setSharesOps,
} from '../../../../shared/model/group-commands.ts';
import type { Operation } from '../../../../shared/model/operations.ts';
import { editorStore, reportError } from '../../store/index.ts';
import { messageOf } from '../../store/messageOf.ts';

/*
 * The request-path gestures of the connection inspector as commands: each builds its operations in
 * shared/model/group-commands.ts and goes through the store's one edit path (one undo step, one doc.apply).
 * A gesture the model refuses shows its reason in the error banner; each command answers whether it was made.
 */

function run(label: string, build: (design: Design) => Operation[]): boolean {
  const { design, edit } = editorStore.getState();
  if (!design) return false;
  let ops: Operation[];
  try {
    ops = build(design);
  } catch (error) {
    reportError(error);
    return false;
  }
  return ops.length === 0 || edit(label, ops);
}

/** Puts connection `id` in group `groupId` of its source, or takes it out of its group (null). */
export function joinGroup(id: string, groupId: string | null): boolean {
  return run(groupId === null ? 'Leave group' : 'Join group', (d) => joinGroupOps(d, id, groupId));
}

/** Makes a new choice or parallel group from the source of connection `id`, with the connection in it. */
export function createGroup(id: string, type: GroupType): boolean {
  const label = type === 'exclusive' ? 'New choice group' : 'New parallel group';
  return run(label, (d) => createGroupOps(d, id, type));
}

export function renameGroup(groupId: string, name: string): boolean {
  return run('Rename group', (d) => renameGroupOps(d, groupId, name));
}

export function setGroupType(groupId: string, type: GroupType): boolean {
  return run('Change group type', (d) => setGroupTypeOps(d, groupId, type));
}

export function setGroupJoin(groupId: string, join: GroupJoin, k: number | null): boolean {
  return run('Change group join', (d) => setGroupJoinOps(d, groupId, join, k));
}

/**
 * Saves the shares (fractions by member id) of a choice. Answers null when saved, or why the model refused
 * (shares that do not sum to 1): the share editor shows that next to the shares, not in the banner.
 */
export function setShares(groupId: string, shares: Readonly<Record<string, number>>): string | null {
  const { design, edit } = editorStore.getState();
  if (!design) return null;
  let ops: Operation[];
  try {
    ops = setSharesOps(design, groupId, shares);
  } catch (error) {
    return messageOf(error);
  }
  if (ops.length > 0) edit('Change choice shares', ops);
  return null;
}

export function normaliseShares(groupId: string): boolean {
  return run('Normalise choice shares', (d) => normaliseSharesOps(d, groupId));
}

/** Makes fallback `id` back up `primaryId` (null: none). */
export function setPrimary(id: string, primaryId: string | null): boolean {
  return run(primaryId === null ? 'Unlink fallback' : 'Link fallback', (d) =>
    setPrimaryOps(d, id, primaryId),
  );
}
