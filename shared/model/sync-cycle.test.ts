import { describe, expect, it } from 'vitest';
import { applyOperations } from './apply.ts';
import { changeConnectionKindOps, connectOps, reconnectOps, setAttributeOps } from './commands.ts';
import type { Connection, Design } from './document.ts';
import { createComponent, createConnection, createEmptyDesign } from './factory.ts';
import type { Operation } from './operations.ts';
import { OperationError } from './operations.ts';
import { syncCycleThrough } from './sync-cycle.ts';

/**
 * Hand-drawn: A → B → C sync calls, C ⇢ D async event, D → A sync call, and E alone. Closing C → A makes
 * A → B → C → A; D → A already exists, so anything from A to D (over C ⇢ D only) is async.
 */
function fixture() {
  const empty = createEmptyDesign({ name: 'Cycles' });
  const scenarioId = empty.scenarios[0]!.id;
  const at = { x: 0, y: 0 };
  const [a, b, c, d, e] = ['A', 'B', 'C', 'D', 'E'].map((name) =>
    createComponent({ scenarioId, kind: 'model-server', name, position: at }),
  ) as [ReturnType<typeof createComponent>, ...ReturnType<typeof createComponent>[]];
  const ab = createConnection({ scenarioId, sourceId: a.id, targetId: b!.id });
  const bc = createConnection({ scenarioId, sourceId: b!.id, targetId: c!.id });
  const cd = createConnection({ scenarioId, sourceId: c!.id, targetId: d!.id, kind: 'event' });
  const da = createConnection({ scenarioId, sourceId: d!.id, targetId: a.id });
  const ops: Operation[] = [
    ...[a, b, c, d, e].map((component): Operation => ({ type: 'component.add', component: component! })),
    ...[ab, bc, cd, da].map((connection): Operation => ({ type: 'connection.add', connection })),
  ];
  const design = applyOperations(empty, ops).design;
  return { design, scenarioId, a, b: b!, c: c!, d: d!, e: e!, ab, bc, cd, da };
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

function withConnection(design: Design, connection: Connection): Design {
  return applyOperations(design, [{ type: 'connection.add', connection }]).design;
}

describe('connectOps and sync cycles', () => {
  it('refuses a sync call that closes a cycle, naming it from the new connection round', () => {
    const f = fixture();
    expect(refusal(() => connectOps(f.design, { sourceId: f.c.id, targetId: f.a.id }))).toBe(
      'Connecting "C" to "A" would close a sync cycle: "C" → "A" → "B" → "C". A request cannot wait on ' +
        'itself: make one of these connections async.',
    );
    expect(refusal(() => connectOps(f.design, { sourceId: f.b.id, targetId: f.a.id }))).toContain(
      '"B" → "A" → "B".',
    );
  });

  it('names the shortest cycle when there are several ways back', () => {
    const f = fixture();
    // A → C directly as well: C → A closes "C" → "A" → "C", not the longer way over B.
    const ac = createConnection({ scenarioId: f.scenarioId, sourceId: f.a.id, targetId: f.c.id });
    const design = withConnection(f.design, ac);
    expect(refusal(() => connectOps(design, { sourceId: f.c.id, targetId: f.a.id }))).toContain(
      'sync cycle: "C" → "A" → "C".',
    );
  });

  it('allows async cycles (feedback loops) and sync connections that close none', () => {
    const f = fixture();
    // A → D: the way back D → A exists, but A ⇢ D would be async: a feedback loop.
    const event = connectOps(f.design, { sourceId: f.a.id, targetId: f.d.id, kind: 'event' });
    expect(() => applyOperations(f.design, event)).not.toThrow();
    // A → D as a sync call: D → A is a sync call, so that closes a cycle.
    expect(refusal(() => connectOps(f.design, { sourceId: f.a.id, targetId: f.d.id }))).toContain(
      '"A" → "D" → "A".',
    );
    // D is reached from C only over the async event: C → D sync would be fine without D → A…
    expect(refusal(() => connectOps(f.design, { sourceId: f.c.id, targetId: f.d.id }))).toContain(
      '"C" → "D" → "A" → "B" → "C".',
    );
    // …and E is on no cycle at all.
    expect(connectOps(f.design, { sourceId: f.c.id, targetId: f.e.id })).toHaveLength(1);
    expect(connectOps(f.design, { sourceId: f.e.id, targetId: f.a.id })).toHaveLength(1);
  });

  it('counts a sync fallback as a connection a request waits on', () => {
    const f = fixture();
    expect(
      refusal(() => connectOps(f.design, { sourceId: f.b.id, targetId: f.a.id, kind: 'fallback' })),
    ).toContain('"B" → "A" → "B".');
  });

  it('finds the cycle through only the scenario of the connection', () => {
    const f = fixture();
    expect(syncCycleThrough(f.design, { scenarioId: 'sc_other', sourceId: f.c.id, targetId: f.a.id })).toBe(
      null,
    );
    expect(
      syncCycleThrough(f.design, { scenarioId: f.scenarioId, sourceId: f.c.id, targetId: f.a.id }),
    ).toEqual([f.c.id, f.a.id, f.b.id, f.c.id]);
  });
});

describe('setAttributeOps, changeConnectionKindOps and reconnectOps refuse a sync cycle', () => {
  it('refuses turning the async event sync when it closes a cycle, and allows the reverse', () => {
    const f = fixture();
    const owner = { type: 'connection', id: f.cd.id } as const;
    expect(refusal(() => setAttributeOps(f.design, owner, 'mode', 'sync'))).toBe(
      'Making the connection from "C" to "D" sync would close a sync cycle: "C" → "D" → "A" → "B" → "C". ' +
        'A request cannot wait on itself: make one of these connections async.',
    );
    // Making a sync call async never closes a cycle; the event stays editable otherwise.
    expect(setAttributeOps(f.design, { type: 'connection', id: f.ab.id }, 'mode', 'async')).toHaveLength(1);
    expect(setAttributeOps(f.design, owner, 'retries', 2)).toHaveLength(1);
  });

  it('turns the event sync when the way back is async', () => {
    const f = fixture();
    const relaxed = applyOperations(
      f.design,
      setAttributeOps(f.design, { type: 'connection', id: f.da.id }, 'mode', 'async'),
    ).design;
    const ops = setAttributeOps(relaxed, { type: 'connection', id: f.cd.id }, 'mode', 'sync');
    expect(
      applyOperations(relaxed, ops).design.connections.find((e) => e.id === f.cd.id)?.attributes.mode,
    ).toBe('sync');
  });

  it('refuses a kind whose default mode is sync on an async connection that would close a cycle', () => {
    const f = fixture();
    expect(refusal(() => changeConnectionKindOps(f.design, f.cd.id, 'call'))).toBe(
      'Turning the connection from "C" to "D" into a call would close a sync cycle: ' +
        '"C" → "D" → "A" → "B" → "C". A request cannot wait on itself: make one of these connections async.',
    );
    expect(refusal(() => changeConnectionKindOps(f.design, f.cd.id, 'fallback'))).toContain(
      'into a fallback',
    );
    // Another async kind keeps it async.
    expect(changeConnectionKindOps(f.design, f.cd.id, 'data-flow')).toHaveLength(1);
  });

  it('keeps a mode the user set away from the old default: an async call stays async as a fallback', () => {
    const f = fixture();
    const owner = { type: 'connection', id: f.da.id } as const;
    const relaxed = applyOperations(f.design, setAttributeOps(f.design, owner, 'mode', 'async')).design;
    // D ⇢ A async call; C → D made a sync call (allowed: the way back is async now).
    const cd = applyOperations(relaxed, changeConnectionKindOps(relaxed, f.cd.id, 'call')).design;
    // The async call becomes a fallback: its mode stays async, so no cycle closes.
    const ops = changeConnectionKindOps(cd, f.da.id, 'fallback');
    expect(applyOperations(cd, ops).design.connections.find((e) => e.id === f.da.id)?.attributes.mode).toBe(
      'async',
    );
  });

  it('refuses moving an end of a sync connection so that it closes a cycle', () => {
    const f = fixture();
    // The call A → B moved to start at C: C → B → C.
    expect(refusal(() => reconnectOps(f.design, f.ab.id, { sourceId: f.c.id }))).toBe(
      'Connecting "C" to "B" would close a sync cycle: "C" → "B" → "C". A request cannot wait on itself: ' +
        'make one of these connections async.',
    );
    // D → A moved to end at B: D → B → C, and C ⇢ D is async: fine.
    const ops = reconnectOps(f.design, f.da.id, { targetId: f.b.id });
    expect(ops).toEqual([{ type: 'connection.update', id: f.da.id, changes: { targetId: f.b.id } }]);
    const { design, inverse } = applyOperations(f.design, ops);
    expect(applyOperations(design, inverse).design).toEqual(f.design);
    // The connection being moved is not its own way back: B → C moved to B → A is refused over A → B only.
    expect(refusal(() => reconnectOps(f.design, f.bc.id, { targetId: f.a.id }))).toContain(
      '"B" → "A" → "B".',
    );
    // The async event may go anywhere.
    expect(reconnectOps(f.design, f.cd.id, { targetId: f.a.id })).toHaveLength(1);
  });

  it('refuses impossible ends and duplicates, and sends nothing for no change', () => {
    const f = fixture();
    expect(reconnectOps(f.design, f.ab.id, { targetId: f.b.id })).toEqual([]);
    expect(reconnectOps(f.design, 'e_gone', { targetId: f.b.id })).toEqual([]);
    expect(refusal(() => reconnectOps(f.design, f.ab.id, { targetId: f.a.id }))).toBe(
      'Cannot connect "A" to itself.',
    );
    const ae = createConnection({ scenarioId: f.scenarioId, sourceId: f.a.id, targetId: f.e.id });
    const design = withConnection(f.design, ae);
    expect(refusal(() => reconnectOps(design, f.ab.id, { targetId: f.e.id }))).toBe(
      '"A" already has a call connection to "E". Select that connection to change it.',
    );
  });
});
