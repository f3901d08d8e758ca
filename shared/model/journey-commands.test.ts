import { describe, expect, it } from 'vitest';
import { journeyRoute } from './journey-route.ts';
import { applyOperations } from './apply.ts';
import { createComponent, createConnection } from './factory.ts';
import {
  addJourneyOps,
  availabilityFromPercent,
  availabilityToPercent,
  entryCandidates,
  journeyFieldProblems,
  removeJourneyOps,
  resetRouteOps,
  toggleRouteConnectionOps,
  uniqueJourneyName,
  updateJourneyOps,
} from './journey-commands.ts';
import type { JourneyFields } from './journey-commands.ts';
import type { Operation } from './operations.ts';
import { OperationError } from './operations.ts';
import { fixture } from './testing/small-design.ts';

/**
 * The small design (Checkout → Gateway → Scorer, Scorer ⇢ Feature store as a data flow, Gateway → Feature
 * store) plus a monitor the scorer reports to (observes: never on a default route) and a second client.
 */
function routed() {
  const base = fixture();
  const { scenarioId, server } = base;
  const monitor = createComponent({
    scenarioId,
    kind: 'monitoring',
    name: 'Metrics',
    position: { x: 0, y: 0 },
  });
  const mobile = createComponent({
    scenarioId,
    kind: 'client-app',
    name: 'Mobile',
    position: { x: 0, y: 90 },
  });
  const e5 = createConnection({ scenarioId, sourceId: server.id, targetId: monitor.id, kind: 'observes' });
  const design = applyOperations(base.design, [
    { type: 'component.add', component: monitor },
    { type: 'component.add', component: mobile },
    { type: 'connection.add', connection: e5 },
  ]).design;
  return { ...base, design, monitor, mobile, e5 };
}

const fields: JourneyFields = {
  name: 'Score a payment',
  tier: 1,
  avgRps: 50,
  peakRps: 120,
  p95SloMs: 150,
  p99SloMs: 300,
  availabilitySlo: 0.999,
};

function apply(design: ReturnType<typeof routed>['design'], ops: Operation[]) {
  return applyOperations(design, ops);
}

describe('journey fields', () => {
  it('accepts sound fields and names each field that is wrong', () => {
    expect(journeyFieldProblems(fields)).toEqual({});
    const problems = journeyFieldProblems({
      name: '  ',
      tier: 2,
      avgRps: 100,
      peakRps: 80,
      p95SloMs: 0,
      p99SloMs: -5,
      availabilitySlo: 1,
    });
    expect(Object.keys(problems).sort()).toEqual([
      'availabilitySlo',
      'name',
      'p95SloMs',
      'p99SloMs',
      'peakRps',
    ]);
    expect(problems.peakRps).toBe('Peak traffic cannot be below the average (100 rps).');
    expect(journeyFieldProblems({ ...fields, availabilitySlo: 0 }).availabilitySlo).toMatch(
      /between 0 and 100/,
    );
    expect(journeyFieldProblems({ ...fields, p95SloMs: 200, p99SloMs: 150 }).p99SloMs).toBe(
      'The p99 objective cannot be below the p95 objective (200 ms).',
    );
    expect(journeyFieldProblems({ ...fields, avgRps: Number.NaN }).avgRps).toMatch(/0 or more/);
    // Empty objectives are allowed: a journey may have no SLO yet.
    expect(
      journeyFieldProblems({ ...fields, p95SloMs: null, p99SloMs: null, availabilitySlo: null }),
    ).toEqual({});
  });

  it('turns a typed percentage into the stored fraction and back without float noise', () => {
    // 99.9 / 100 is 0.9990000000000001 in binary floating point.
    expect(availabilityFromPercent(99.9)).toBe(0.999);
    expect(availabilityFromPercent(99.95)).toBe(0.9995);
    expect(availabilityFromPercent(99.999)).toBe(0.99999);
    expect(availabilityToPercent(0.999)).toBe(99.9);
    expect(availabilityToPercent(0.9995)).toBe(99.95);
  });
});

describe('journeys', () => {
  it('lists client apps, then API gateways, then other components as entries, never boundaries', () => {
    const { design, scenarioId } = routed();
    expect(entryCandidates(design, scenarioId).map((c) => c.name)).toEqual([
      'Checkout',
      'Mobile',
      'Gateway',
      'Feature store',
      'Metrics',
      'Scorer',
    ]);
  });

  it('adds a journey from an entry with its fields, and the add undoes', () => {
    const { design, gateway } = routed();
    const ops = addJourneyOps(design, gateway.id, { ...fields, name: '  Score a payment ' });
    const { design: after, inverse } = apply(design, ops);
    const added = after.journeys.find((j) => j.name === 'Score a payment');
    expect(added).toMatchObject({
      entryId: gateway.id,
      scenarioId: gateway.scenarioId,
      tier: 1,
      avgRps: 50,
      peakRps: 120,
      p95SloMs: 150,
      p99SloMs: 300,
      availabilitySlo: 0.999,
      route: null,
    });
    expect(apply(after, inverse).design).toEqual(design);
  });

  it('refuses a journey with wrong fields or from a boundary, with the reason', () => {
    const { design, gateway, region } = routed();
    expect(() => addJourneyOps(design, gateway.id, { ...fields, peakRps: 10 })).toThrow(
      new OperationError('Peak traffic cannot be below the average (50 rps).', 0),
    );
    expect(() => addJourneyOps(design, region.id, fields)).toThrow(/"EU West": it is a boundary/);
    expect(() => addJourneyOps(design, 'c_gone', fields)).toThrow(/no longer exists/);
  });

  it('updates only the fields that change, in one operation, and nothing when none do', () => {
    const { design, journey } = routed();
    expect(updateJourneyOps(design, journey.id, { name: journey.name, tier: journey.tier })).toEqual([]);
    const ops = updateJourneyOps(design, journey.id, { p95SloMs: 200, availabilitySlo: 0.9995, tier: 2 });
    expect(ops).toEqual([
      { type: 'journey.update', id: journey.id, changes: { p95SloMs: 200, availabilitySlo: 0.9995 } },
    ]);
    const { design: after, inverse } = apply(design, ops);
    expect(after.journeys.find((j) => j.id === journey.id)?.p95SloMs).toBe(200);
    expect(apply(after, inverse).design).toEqual(design);
    expect(() => updateJourneyOps(design, journey.id, { avgRps: 10, peakRps: 5 })).toThrow(/Peak traffic/);
  });

  it('removes a journey, and undo brings it back', () => {
    const { design, journey } = routed();
    const { design: after, inverse } = apply(design, removeJourneyOps(design, journey.id));
    expect(after.journeys).toEqual([]);
    expect(apply(after, inverse).design).toEqual(design);
    expect(removeJourneyOps(after, journey.id)).toEqual([]);
  });

  it('numbers a new name that is taken', () => {
    const { design, scenarioId } = routed();
    expect(uniqueJourneyName(design, scenarioId, 'Pay')).toBe('Pay 2');
    expect(uniqueJourneyName(design, scenarioId, 'Search')).toBe('Search');
  });
});

describe('routes', () => {
  it('resolves the default route: sync calls and data flows from the entry, not monitoring', () => {
    const { design, journey, e1, e2, e3, e4, client, gateway, server, store } = routed();
    const route = journeyRoute(design, journey);
    expect(route.isDefault).toBe(true);
    expect(route.connectionIds).toEqual([e1.id, e2.id, e3.id, e4.id]);
    expect([...route.componentIds].sort()).toEqual([client.id, gateway.id, server.id, store.id].sort());
  });

  it('turns a default route into the default plus or minus the clicked connection, one step each', () => {
    const { design, journey, e1, e2, e3, e4, e5 } = routed();
    const off = toggleRouteConnectionOps(design, journey.id, e2.id);
    expect(off).toEqual([
      { type: 'journey.update', id: journey.id, changes: { route: [e1.id, e3.id, e4.id] } },
    ]);
    const { design: narrowed, inverse } = apply(design, off);
    expect(apply(narrowed, inverse).design).toEqual(design);

    const on = toggleRouteConnectionOps(design, journey.id, e5.id);
    expect(on).toEqual([
      { type: 'journey.update', id: journey.id, changes: { route: [e1.id, e2.id, e3.id, e4.id, e5.id] } },
    ]);
    // On an explicit route a toggle adds or removes just that connection, in the scenario's order.
    const back = toggleRouteConnectionOps(narrowed, journey.id, e2.id);
    expect(back[0]).toMatchObject({ changes: { route: [e1.id, e2.id, e3.id, e4.id] } });
    const explicit = narrowed.journeys.find((j) => j.id === journey.id)!;
    expect(journeyRoute(narrowed, explicit)).toMatchObject({
      connectionIds: [e1.id, e3.id, e4.id],
      isDefault: false,
    });
  });

  it('resets a chosen route to the default route, and does nothing for a default one', () => {
    const { design, journey, e2 } = routed();
    expect(resetRouteOps(design, journey.id)).toEqual([]);
    const narrowed = apply(design, toggleRouteConnectionOps(design, journey.id, e2.id)).design;
    const reset = resetRouteOps(narrowed, journey.id);
    expect(reset).toEqual([{ type: 'journey.update', id: journey.id, changes: { route: null } }]);
    expect(apply(narrowed, reset).design).toEqual(design);
  });

  it('leaves connections that no longer exist out of an explicit route', () => {
    const { design, journey, e1 } = routed();
    const stale = { ...journey, route: [e1.id, 'e_gone'] };
    expect(journeyRoute(design, stale).connectionIds).toEqual([e1.id]);
  });
});
