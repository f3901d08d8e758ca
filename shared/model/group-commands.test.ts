import { describe, expect, it } from 'vitest';
import { applyOperations, validateDesign } from './apply.ts';
import { changeConnectionKindOps, removeElementsOps } from './commands.ts';
import type { Design } from './document.ts';
import { createComponent, createConnection, createEmptyDesign } from './factory.ts';
import {
  createGroupOps,
  groupsForConnection,
  joinGroupOps,
  normaliseSharesOps,
  primaryCandidates,
  renameGroupOps,
  rescaledShares,
  setGroupJoinOps,
  setGroupTypeOps,
  setPrimaryOps,
  setSharesOps,
} from './group-commands.ts';
import type { Operation } from './operations.ts';
import { OperationError } from './operations.ts';

/** Gateway → A, B, C (calls) and Gateway → Backup (a fallback); Other → A; no groups yet. */
function fixture() {
  const empty = createEmptyDesign({ name: 'Groups' });
  const scenarioId = empty.scenarios[0]!.id;
  const at = { x: 0, y: 0 };
  const make = (name: string) => createComponent({ scenarioId, kind: 'model-server', name, position: at });
  const gateway = make('Gateway');
  const [a, b, c, backup, other] = ['A', 'B', 'C', 'Backup', 'Other'].map(make) as [
    typeof gateway,
    typeof gateway,
    typeof gateway,
    typeof gateway,
    typeof gateway,
  ];
  const ga = createConnection({ scenarioId, sourceId: gateway.id, targetId: a.id });
  const gb = createConnection({ scenarioId, sourceId: gateway.id, targetId: b.id });
  const gc = createConnection({ scenarioId, sourceId: gateway.id, targetId: c.id });
  const fb = createConnection({ scenarioId, sourceId: gateway.id, targetId: backup.id, kind: 'fallback' });
  const oa = createConnection({ scenarioId, sourceId: other.id, targetId: a.id });
  const ops: Operation[] = [
    ...[gateway, a, b, c, backup, other].map((component): Operation => ({
      type: 'component.add',
      component,
    })),
    ...[ga, gb, gc, fb, oa].map((connection): Operation => ({ type: 'connection.add', connection })),
  ];
  return { design: applyOperations(empty, ops).design, scenarioId, gateway, ga, gb, gc, fb, oa };
}

/** Applies `ops`, checks the result is a sound design and that the inverse brings back `design` exactly. */
function step(design: Design, ops: Operation[]): Design {
  const { design: after, inverse } = applyOperations(design, ops);
  expect(validateDesign(after)).toEqual([]);
  expect(applyOperations(after, inverse).design).toEqual(design);
  return after;
}

function share(design: Design, id: string): unknown {
  return design.connections.find((e) => e.id === id)?.attributes.probability;
}

function groupIdOf(design: Design, id: string): string | null {
  return design.connections.find((e) => e.id === id)?.groupId ?? null;
}

function refusal(build: () => unknown): string {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(OperationError);
    return (error as OperationError).message;
  }
  throw new Error('expected a refusal');
}

/** Gateway → A and → B in a new choice "Choice from Gateway" (A created it, B joined: 50/50). */
function withChoice() {
  const f = fixture();
  const created = createGroupOps(f.design, f.ga.id, 'exclusive');
  let design = step(f.design, created);
  const groupId = (created[0] as Extract<Operation, { type: 'group.add' }>).group.id;
  design = step(design, joinGroupOps(design, f.gb.id, groupId));
  return { ...f, design, groupId };
}

describe('createGroupOps', () => {
  it('makes a named choice from the source with the connection in it at share 1, in one step', () => {
    const f = fixture();
    const owner = { type: 'connection', id: f.ga.id } as const;
    // A hand-typed 0.3 (an independent draw) becomes the whole of a one-branch choice.
    const at30 = step(f.design, [
      { type: 'connection.update', id: owner.id, changes: { attributes: { probability: 0.3 } } },
    ]);
    const ops = createGroupOps(at30, f.ga.id, 'exclusive');
    expect(ops.map((op) => op.type)).toEqual(['group.add', 'connection.update']);
    const design = step(at30, ops);
    expect(design.groups).toEqual([
      expect.objectContaining({ name: 'Choice from Gateway', type: 'exclusive', join: null, joinK: null }),
    ]);
    expect(groupIdOf(design, f.ga.id)).toBe(design.groups[0]!.id);
    expect(share(design, f.ga.id)).toBe(1);
  });

  it('numbers the name when taken, joins a parallel group as all, and leaves the old group in the same step', () => {
    const f = withChoice();
    const ops = createGroupOps(f.design, f.gb.id, 'parallel');
    const design = step(f.design, ops);
    const parallel = design.groups.find((g) => g.type === 'parallel')!;
    expect(parallel).toMatchObject({ name: 'Parallel from Gateway', join: 'all', joinK: null });
    // A is alone in the choice again: its share goes back to 1.
    expect(share(design, f.ga.id)).toBe(1);
    const again = createGroupOps(design, f.gc.id, 'exclusive');
    expect((again[0] as Extract<Operation, { type: 'group.add' }>).group.name).toBe('Choice from Gateway 2');
  });

  it('removes the group it leaves when that is left empty', () => {
    const f = fixture();
    const first = step(f.design, createGroupOps(f.design, f.ga.id, 'exclusive'));
    const ops = createGroupOps(first, f.ga.id, 'parallel');
    expect(ops.map((op) => op.type)).toEqual(['group.add', 'connection.update', 'group.remove']);
    const design = step(first, ops);
    expect(design.groups.map((g) => g.type)).toEqual(['parallel']);
  });

  it('refuses a fallback', () => {
    const f = fixture();
    expect(refusal(() => createGroupOps(f.design, f.fb.id, 'exclusive'))).toBe(
      'The connection from "Gateway" to "Backup" is a fallback: it backs up one call and cannot be a branch of a group.',
    );
  });
});

describe('joinGroupOps', () => {
  it('joining a choice of n gives the newcomer 1/(n+1) and keeps the ratios of the others', () => {
    const f = withChoice();
    expect([share(f.design, f.ga.id), share(f.design, f.gb.id)]).toEqual([0.5, 0.5]);
    // 80/20 first, then C joins: C 1/3, A and B scaled to 2/3 keeping 4:1 → 8/15 and 2/15.
    const design = step(f.design, setSharesOps(f.design, f.groupId, { [f.ga.id]: 0.8, [f.gb.id]: 0.2 }));
    const joined = step(design, joinGroupOps(design, f.gc.id, f.groupId));
    expect(share(joined, f.ga.id)).toBeCloseTo(8 / 15, 12);
    expect(share(joined, f.gb.id)).toBeCloseTo(2 / 15, 12);
    expect(share(joined, f.gc.id)).toBeCloseTo(1 / 3, 12);
    expect(groupsForConnection(joined, f.gc.id).map((g) => g.id)).toEqual([f.groupId]);
  });

  it('leaving rescales the rest to 1; the last member leaving removes the group in the same step', () => {
    const f = withChoice();
    const design = step(f.design, setSharesOps(f.design, f.groupId, { [f.ga.id]: 0.8, [f.gb.id]: 0.2 }));
    const joined = step(design, joinGroupOps(design, f.gc.id, f.groupId));
    // C (1/3) leaves: A and B back to 0.8 and 0.2; C keeps its own probability.
    const left = step(joined, joinGroupOps(joined, f.gc.id, null));
    expect(share(left, f.ga.id)).toBeCloseTo(0.8, 12);
    expect(share(left, f.gb.id)).toBeCloseTo(0.2, 12);
    expect(groupIdOf(left, f.gc.id)).toBe(null);
    const bGone = step(left, joinGroupOps(left, f.gb.id, null));
    expect(share(bGone, f.ga.id)).toBe(1);
    const ops = joinGroupOps(bGone, f.ga.id, null);
    expect(ops).toEqual([
      { type: 'connection.update', id: f.ga.id, changes: { groupId: null } },
      { type: 'group.remove', id: f.groupId },
    ]);
    expect(step(bGone, ops).groups).toEqual([]);
  });

  it('sends nothing for the group it is in; refuses a fallback and a group of another source', () => {
    const f = withChoice();
    expect(joinGroupOps(f.design, f.ga.id, f.groupId)).toEqual([]);
    expect(refusal(() => joinGroupOps(f.design, f.fb.id, f.groupId))).toContain('is a fallback');
    expect(groupsForConnection(f.design, f.oa.id)).toEqual([]);
    // The model refuses what the builder lets through: its message names the rule.
    expect(() => applyOperations(f.design, joinGroupOps(f.design, f.oa.id, f.groupId))).toThrow(
      "a group's connections all leave from its source component",
    );
  });
});

describe('changeConnectionKindOps out of a group', () => {
  it('a member turned into a fallback leaves its choice in the same step: the rest rescaled, an empty group removed', () => {
    const f = withChoice();
    const design = step(f.design, setSharesOps(f.design, f.groupId, { [f.ga.id]: 0.8, [f.gb.id]: 0.2 }));
    const ops = changeConnectionKindOps(design, f.gb.id, 'fallback');
    const after = step(design, ops);
    expect(after.connections.find((e) => e.id === f.gb.id)).toMatchObject({
      kind: 'fallback',
      groupId: null,
    });
    expect(share(after, f.ga.id)).toBe(1);
    const last = changeConnectionKindOps(after, f.ga.id, 'fallback');
    expect(last.map((op) => op.type)).toEqual(['connection.update', 'group.remove']);
    expect(step(after, last).groups).toEqual([]);
  });
});

describe('group settings', () => {
  it('renames (trimmed), and refuses an empty name', () => {
    const f = withChoice();
    const design = step(f.design, renameGroupOps(f.design, f.groupId, '  A/B split '));
    expect(design.groups[0]!.name).toBe('A/B split');
    expect(renameGroupOps(design, f.groupId, 'A/B split')).toEqual([]);
    expect(refusal(() => renameGroupOps(design, f.groupId, '  '))).toBe('A group needs a name.');
  });

  it('turns a choice into a parallel step joining all, and back with the shares rescaled to 1', () => {
    const f = withChoice();
    const parallel = step(f.design, setGroupTypeOps(f.design, f.groupId, 'parallel'));
    expect(parallel.groups[0]).toMatchObject({ type: 'parallel', join: 'all', joinK: null });
    // In parallel both are taken: give B a hand-typed 1, then back to a choice: 0.5 and 1 → 1/3 and 2/3.
    const edited = step(parallel, [
      { type: 'connection.update', id: f.gb.id, changes: { attributes: { probability: 1 } } },
    ]);
    const choice = step(edited, setGroupTypeOps(edited, f.groupId, 'exclusive'));
    expect(choice.groups[0]).toMatchObject({ type: 'exclusive', join: null, joinK: null });
    expect(share(choice, f.ga.id)).toBeCloseTo(1 / 3, 12);
    expect(share(choice, f.gb.id)).toBeCloseTo(2 / 3, 12);
    expect(setGroupTypeOps(choice, f.groupId, 'exclusive')).toEqual([]);
  });

  it('sets the join of a parallel group, with k from 1 to the number of members for k of n', () => {
    const f = withChoice();
    const parallel = step(f.design, setGroupTypeOps(f.design, f.groupId, 'parallel'));
    const any = step(parallel, setGroupJoinOps(parallel, f.groupId, 'any'));
    expect(any.groups[0]).toMatchObject({ join: 'any', joinK: null });
    const kOfN = step(any, setGroupJoinOps(any, f.groupId, 'k-of-n', 2));
    expect(kOfN.groups[0]).toMatchObject({ join: 'k-of-n', joinK: 2 });
    // Back to all clears k.
    expect(step(kOfN, setGroupJoinOps(kOfN, f.groupId, 'all')).groups[0]).toMatchObject({ joinK: null });
    expect(setGroupJoinOps(kOfN, f.groupId, 'k-of-n', 2)).toEqual([]);
    expect(refusal(() => setGroupJoinOps(any, f.groupId, 'k-of-n', 3))).toBe(
      'Group "Choice from Gateway" has 2 members: k is a whole number from 1 to 2.',
    );
    expect(refusal(() => setGroupJoinOps(any, f.groupId, 'k-of-n', null))).toContain('from 1 to 2');
    expect(refusal(() => setGroupJoinOps(f.design, f.groupId, 'any'))).toContain('it has no join');
  });
});

describe('setSharesOps and normaliseSharesOps', () => {
  it('sets shares that sum to 1 in one step, only for the members that change', () => {
    const f = withChoice();
    const ops = setSharesOps(f.design, f.groupId, { [f.ga.id]: 0.8, [f.gb.id]: 0.2 });
    expect(ops).toHaveLength(2);
    const design = step(f.design, ops);
    expect([share(design, f.ga.id), share(design, f.gb.id)]).toEqual([0.8, 0.2]);
    expect(setSharesOps(design, f.groupId, { [f.ga.id]: 0.8, [f.gb.id]: 0.2 })).toEqual([]);
    // Within the tolerance: 0.1 + 0.2 + … float noise is fine.
    expect(setSharesOps(design, f.groupId, { [f.ga.id]: 0.7, [f.gb.id]: 0.3 + 1e-12 })).toHaveLength(2);
  });

  it('refuses shares that do not sum to 1, out of range, or missing a member', () => {
    const f = withChoice();
    expect(refusal(() => setSharesOps(f.design, f.groupId, { [f.ga.id]: 0.8, [f.gb.id]: 0.3 }))).toBe(
      'The shares of choice "Choice from Gateway" add up to 110 %, not 100 %: exactly one branch is taken ' +
        'per request. Change them or normalise them.',
    );
    expect(
      refusal(() => setSharesOps(f.design, f.groupId, { [f.ga.id]: 0.8, [f.gb.id]: 0.2 - 2e-9 })),
    ).toContain('not 100 %');
    expect(refusal(() => setSharesOps(f.design, f.groupId, { [f.ga.id]: 1.2, [f.gb.id]: -0.2 }))).toBe(
      'Give the connection from "Gateway" to "A" a share between 0 and 100 % of choice "Choice from Gateway".',
    );
    expect(refusal(() => setSharesOps(f.design, f.groupId, { [f.ga.id]: 1 }))).toContain('"B"');
    const parallel = step(f.design, setGroupTypeOps(f.design, f.groupId, 'parallel'));
    expect(refusal(() => setSharesOps(parallel, f.groupId, { [f.ga.id]: 1, [f.gb.id]: 0 }))).toContain(
      'in parallel',
    );
  });

  it('normalises shares typed elsewhere (0.6 and 0.6 → 0.5 each; all 0 → equal parts)', () => {
    const f = withChoice();
    const typed = step(f.design, [
      { type: 'connection.update', id: f.ga.id, changes: { attributes: { probability: 0.6 } } },
      { type: 'connection.update', id: f.gb.id, changes: { attributes: { probability: 0.6 } } },
    ]);
    const design = step(typed, normaliseSharesOps(typed, f.groupId));
    expect([share(design, f.ga.id), share(design, f.gb.id)]).toEqual([0.5, 0.5]);
    expect(rescaledShares([0, 0, 0])).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(rescaledShares([3, 1], 0.5)).toEqual([0.375, 0.125]);
  });
});

describe('setPrimaryOps and primaryCandidates', () => {
  it('links a fallback to a call of its source and clears it again, one step each', () => {
    const f = fixture();
    expect(primaryCandidates(f.design, f.fb.id).map((e) => e.id)).toEqual([f.ga.id, f.gb.id, f.gc.id]);
    const linked = step(f.design, setPrimaryOps(f.design, f.fb.id, f.ga.id));
    expect(linked.connections.find((e) => e.id === f.fb.id)?.primaryId).toBe(f.ga.id);
    expect(setPrimaryOps(linked, f.fb.id, f.ga.id)).toEqual([]);
    const cleared = step(linked, setPrimaryOps(linked, f.fb.id, null));
    expect(cleared.connections.find((e) => e.id === f.fb.id)?.primaryId).toBe(null);
  });

  it('offers fallbacks for a chain, but not one that backs up this fallback already', () => {
    const f = fixture();
    const second = createConnection({
      scenarioId: f.scenarioId,
      sourceId: f.gateway.id,
      targetId: f.design.components.find((c) => c.name === 'C')!.id,
      kind: 'fallback',
    });
    let design = step(f.design, [{ type: 'connection.add', connection: second }]);
    expect(primaryCandidates(design, second.id).map((e) => e.id)).toEqual([
      f.ga.id,
      f.gb.id,
      f.gc.id,
      f.fb.id,
    ]);
    // second backs up fb: fb may not back up second (a loop), but it may still back up the calls.
    design = step(design, setPrimaryOps(design, second.id, f.fb.id));
    expect(primaryCandidates(design, f.fb.id).map((e) => e.id)).toEqual([f.ga.id, f.gb.id, f.gc.id]);
    expect(refusal(() => setPrimaryOps(design, f.fb.id, second.id))).toContain(
      'can back up only another connection from the same component',
    );
  });

  it('refuses a connection that is not a fallback and a primary from another source', () => {
    const f = fixture();
    expect(refusal(() => setPrimaryOps(f.design, f.ga.id, f.gb.id))).toBe(
      'The connection from "Gateway" to "A" is not a fallback: turn it into one to make it back up a call.',
    );
    expect(refusal(() => setPrimaryOps(f.design, f.fb.id, f.oa.id))).toContain('same component');
  });
});

describe('deleting a member of a choice', () => {
  it('rescales the other shares to sum to 1, keeping their ratios, in the same undo step', () => {
    const f = withChoice();
    let design = step(f.design, joinGroupOps(f.design, f.gc.id, f.groupId));
    design = step(
      design,
      setSharesOps(design, f.groupId, { [f.ga.id]: 0.5, [f.gb.id]: 0.3, [f.gc.id]: 0.2 }),
    );
    design = step(design, removeElementsOps(design, { componentIds: [], connectionIds: [f.gc.id] }));
    expect(share(design, f.ga.id)).toBeCloseTo(0.625, 12);
    expect(share(design, f.gb.id)).toBeCloseTo(0.375, 12);
  });
});
