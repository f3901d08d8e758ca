import type { Connection, Design } from './document.ts';
import { OperationError } from './operations.ts';
import { q } from './rules.ts';

/*
 * Sync cycles are refused when a gesture would make one (DOMAIN.md §2.0 "Cycles"): a request that waits on
 * itself has no latency and no availability, and the analyses could only say so after the fact. Async cycles
 * (feedback loops) stay allowed. The gesture builders of commands.ts call this before they return operations;
 * applyOperations does not, so a file that already holds a cycle still opens and the analyses name it.
 */

/** True when the caller waits on `e` (mode sync; a connection without a mode counts as sync, as in analysis). */
export function isSyncConnection(e: Pick<Connection, 'attributes'>): boolean {
  return e.attributes.mode !== 'async';
}

/** A sync connection a gesture would make: from `sourceId` to `targetId` in `scenarioId`. */
export interface SyncEdge {
  readonly scenarioId: string;
  readonly sourceId: string;
  readonly targetId: string;
  /** The connection being changed (a mode, kind or end change): it is left out of the existing graph. */
  readonly ignoreId?: string;
}

/**
 * The cycle a new sync connection source → target would close, as component ids from the source round to
 * the source again (shortest such cycle), or null when there is none. Linear in the scenario's connections.
 */
export function syncCycleThrough(design: Design, edge: SyncEdge): string[] | null {
  const next = new Map<string, string[]>();
  for (const e of design.connections) {
    if (e.scenarioId !== edge.scenarioId || e.id === edge.ignoreId || !isSyncConnection(e)) continue;
    const list = next.get(e.sourceId);
    if (list) list.push(e.targetId);
    else next.set(e.sourceId, [e.targetId]);
  }
  // Breadth-first from the target: the first time the source is reached gives the shortest way back.
  const cameFrom = new Map<string, string | null>([[edge.targetId, null]]);
  const queue = [edge.targetId];
  for (let head = 0; head < queue.length && !cameFrom.has(edge.sourceId); head++) {
    const at = queue[head] as string;
    for (const to of next.get(at) ?? []) {
      if (cameFrom.has(to)) continue;
      cameFrom.set(to, at);
      queue.push(to);
    }
  }
  if (!cameFrom.has(edge.sourceId)) return null;
  const back: string[] = [];
  for (let at: string | null = edge.sourceId; at !== null; at = cameFrom.get(at) ?? null) back.push(at);
  // back runs source ← … ← target; the cycle starts at the source and takes the new connection first.
  return [edge.sourceId, ...back.reverse()];
}

/**
 * Throws OperationError (index 0) when the sync connection `edge` would close a sync cycle. `lead` names the
 * gesture at the start of the message ('Connecting "A" to "B"'); the message names the cycle and the way out.
 */
export function refuseSyncCycle(design: Design, edge: SyncEdge, lead: string): void {
  const cycle = syncCycleThrough(design, edge);
  if (cycle === null) return;
  const names = new Map(design.components.map((c) => [c.id, c.name]));
  const path = cycle.map((id) => q(names.get(id) ?? id)).join(' → ');
  throw new OperationError(
    `${lead} would close a sync cycle: ${path}. A request cannot wait on itself: make one of these ` +
      'connections async.',
    0,
  );
}
