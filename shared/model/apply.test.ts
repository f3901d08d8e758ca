import { describe, expect, it } from 'vitest';
import { applyOperations, validateDesign } from './apply.ts';
import type { Attributes } from './attributes.ts';
import type { Component, Design } from './document.ts';
import { createComponent, createConnection, createJourney, createRisk, createScenario } from './factory.ts';
import type { Operation } from './operations.ts';
import { OperationError } from './operations.ts';
import { syntheticDesign } from './testing/synthetic.ts';
import { fixture } from './testing/small-design.ts';

function withAttributes(component: Component, attributes: Attributes): Component {
  return { ...component, attributes: { ...component.attributes, ...attributes } };
}

function refusal(design: Design, ops: Operation[]): OperationError {
  try {
    applyOperations(design, ops);
  } catch (error) {
    if (error instanceof OperationError) return error;
    throw error;
  }
  throw new Error('expected the operations to be refused');
}

describe('applyOperations', () => {
  it('applies a batch, leaves the input untouched and keeps unchanged entities', () => {
    const f = fixture();
    const before = structuredClone(f.design);
    const { design } = applyOperations(f.design, [
      {
        type: 'component.update',
        id: f.server.id,
        changes: { name: 'Scorer v2', attributes: { replicas: 3 } },
      },
    ]);
    expect(f.design).toEqual(before);
    const server = design.components.find((c) => c.id === f.server.id)!;
    expect(server.name).toBe('Scorer v2');
    expect(server.attributes.replicas).toBe(3);
    expect(server.attributes.availability).toBe(f.server.attributes.availability);
    expect(design.components.find((c) => c.id === f.client.id)).toBe(
      f.design.components.find((c) => c.id === f.client.id),
    );
    expect(design.connections).toBe(f.design.connections);
    expect(design.journeys).toBe(f.design.journeys);
    expect(design.meta).toBe(f.design.meta);
  });

  it('returns inverses that restore the original exactly, in reverse order', () => {
    const f = fixture();
    const ops: Operation[] = [
      { type: 'journey.remove', id: f.journey.id },
      { type: 'connection.remove', id: f.e1.id },
      { type: 'component.remove', id: f.client.id },
      { type: 'component.update', id: f.store.id, changes: { parentId: null, position: { x: 5, y: 6 } } },
      { type: 'connection.update', id: f.e2.id, changes: { kind: 'event', attributes: { retries: 2 } } },
      { type: 'meta.update', changes: { name: 'Renamed', description: 'x' } },
      { type: 'scenario.update', id: f.scenarioId, changes: { viewport: { x: 1, y: 2, zoom: 1.5 } } },
    ];
    const { design, inverse } = applyOperations(f.design, ops);
    expect(inverse.map((op) => op.type)).toEqual([
      'scenario.update',
      'meta.update',
      'connection.update',
      'component.update',
      'component.add',
      'connection.add',
      'journey.add',
    ]);
    expect(applyOperations(design, inverse).design).toEqual(f.design);
  });

  it('changes a connection kind with the new kind defaults and undoes it', () => {
    const f = fixture();
    const { design, inverse } = applyOperations(f.design, [
      { type: 'connection.update', id: f.e2.id, changes: { kind: 'event' } },
    ]);
    const e2 = design.connections.find((e) => e.id === f.e2.id)!;
    expect(e2.kind).toBe('event');
    // The e2 call had every call default, so it gets every event default: async over kafka, 5 ms network
    // p95, analytics purpose; the attributes both kinds default alike stay as they were.
    expect(e2.attributes).toEqual({
      mode: 'async',
      protocol: 'kafka',
      calls_per_request: 1,
      fanout_mode: 'sequential',
      probability: 1,
      criticality: 'hard',
      timeout_ms: null,
      retries: 0,
      payload_kb: null,
      backoff: 'none',
      network_p50_ms: 1,
      network_p95_ms: 5,
      data_classes: ['internal'],
      encryption_in_transit: 'tls',
      authn: 'unknown',
      transfer_mechanism: 'none',
      purpose: 'analytics',
    });
    expect(applyOperations(design, inverse).design).toEqual(f.design);
  });

  it('keeps what the user set when a connection changes kind, and undo restores the old bag whole', () => {
    const f = fixture();
    // The user tuned the e2 call: a timeout, 3 retries with backoff, pii. Mode, protocol, network p95 and
    // purpose are still the call defaults.
    const tuned = applyOperations(f.design, [
      {
        type: 'connection.update',
        id: f.e2.id,
        changes: {
          attributes: { timeout_ms: 250, retries: 3, backoff: 'exp-jitter', data_classes: ['pii'] },
        },
      },
    ]).design;
    const before = tuned.connections.find((e) => e.id === f.e2.id)!;
    const { design, inverse } = applyOperations(tuned, [
      {
        type: 'connection.update',
        id: f.e2.id,
        changes: { kind: 'event', attributes: { retries: 1, protocol: 'amqp' } },
      },
    ]);
    const e2 = design.connections.find((e) => e.id === f.e2.id)!;
    expect(e2.attributes).toMatchObject({
      // Set away from the call defaults: kept.
      timeout_ms: 250,
      backoff: 'exp-jitter',
      data_classes: ['pii'],
      // Left at the call defaults (sync, 3 ms, inference): the event defaults.
      mode: 'async',
      network_p95_ms: 5,
      purpose: 'analytics',
      // In the same update's patch: the patch wins over the kept value and over the event default.
      retries: 1,
      protocol: 'amqp',
    });
    expect(inverse).toEqual([
      {
        type: 'connection.update',
        id: f.e2.id,
        changes: { kind: 'call', attributes: before.attributes },
      },
    ]);
    const undone = applyOperations(design, inverse).design;
    expect(undone.connections.find((e) => e.id === f.e2.id)).toEqual(before);
    expect(undone).toEqual(tuned);
  });

  it('accepts an empty batch as a no-op: the same design and nothing to undo', () => {
    const f = fixture();
    const { design, inverse } = applyOperations(f.design, []);
    expect(design).toBe(f.design);
    expect(inverse).toEqual([]);
  });

  it('reports the index of the refused operation and applies nothing', () => {
    const f = fixture();
    const error = refusal(f.design, [
      { type: 'component.update', id: f.server.id, changes: { name: 'OK' } },
      { type: 'component.remove', id: 'c_nothere' },
    ]);
    expect(error.index).toBe(1);
    expect(error.message).toBe('There is no component with id c_nothere (it may have been removed).');
  });

  describe('refusals a user can read', () => {
    const f = fixture();
    const other = createScenario({ name: 'Kubernetes' });
    const withOther = applyOperations(f.design, [{ type: 'scenario.add', scenario: other }]).design;
    const cases: [string, Design, Operation[], string][] = [
      [
        'remove a component with connections',
        f.design,
        [{ type: 'component.remove', id: f.store.id }],
        'Cannot remove "Feature store": 2 connections still use it.',
      ],
      [
        'remove a boundary with contents',
        f.design,
        [{ type: 'component.remove', id: f.region.id }],
        'Cannot remove "EU West": it still contains 1 component.',
      ],
      [
        'remove a journey entry',
        f.design,
        [
          { type: 'connection.remove', id: f.e1.id },
          { type: 'component.remove', id: f.client.id },
        ],
        'Cannot remove "Checkout": it is the entry of journey "Pay".',
      ],
      [
        'duplicate component id',
        f.design,
        [{ type: 'component.add', component: { ...f.server, name: 'Copy' } }],
        `Cannot add "Copy": the id ${f.server.id} is already used by "Scorer".`,
      ],
      [
        'unknown scenario',
        f.design,
        [
          {
            type: 'component.add',
            component: { ...createComponent({ scenarioId: 's_x', kind: 'cache', position: { x: 0, y: 0 } }) },
          },
        ],
        'Component "Cache" belongs to a scenario that does not exist (s_x).',
      ],
      [
        'parent is not a boundary',
        f.design,
        [{ type: 'component.update', id: f.client.id, changes: { parentId: f.server.id } }],
        '"Checkout" cannot sit inside "Scorer": only boundaries (region, trust boundary, environment, team) contain components.',
      ],
      [
        'parent missing',
        f.design,
        [{ type: 'component.update', id: f.client.id, changes: { parentId: 'c_gone' } }],
        '"Checkout" cannot sit inside a component that does not exist (c_gone).',
      ],
      [
        'parent cycle',
        f.design,
        [
          {
            type: 'component.add',
            component: createComponent({
              scenarioId: f.scenarioId,
              kind: 'team',
              name: 'Team A',
              position: { x: 0, y: 0 },
              parentId: f.region.id,
            }),
          },
        ].flatMap(
          (op) =>
            [
              op,
              {
                type: 'component.update',
                id: f.region.id,
                changes: { parentId: (op as { component: { id: string } }).component.id },
              },
            ] as Operation[],
        ),
        '"EU West" cannot sit inside "Team A": "Team A" is already inside "EU West".',
      ],
      [
        'parent in itself',
        f.design,
        [{ type: 'component.update', id: f.region.id, changes: { parentId: f.region.id } }],
        '"EU West" cannot sit inside itself.',
      ],
      [
        'parent in another scenario',
        withOther,
        [
          {
            type: 'component.add',
            component: createComponent({
              scenarioId: other.id,
              kind: 'cache',
              name: 'K cache',
              position: { x: 0, y: 0 },
              parentId: f.region.id,
            }),
          },
        ],
        '"K cache" cannot sit inside "EU West": they are in different scenarios.',
      ],
      [
        'attribute out of range on add',
        f.design,
        [
          {
            type: 'component.add',
            component: withAttributes(
              createComponent({ scenarioId: f.scenarioId, kind: 'cache', position: { x: 0, y: 0 } }),
              {
                availability: 2,
              },
            ),
          },
        ],
        'Cannot add "Cache": "Availability" must be at most 1.',
      ],
      [
        'attributes missing on add',
        f.design,
        [
          {
            type: 'component.add',
            component: {
              ...createComponent({ scenarioId: f.scenarioId, kind: 'cache', position: { x: 0, y: 0 } }),
              attributes: {},
            },
          },
        ],
        'Cannot add "Cache": "Team" is missing (and 41 more problems).',
      ],
      [
        'unknown attribute on update',
        f.design,
        [{ type: 'component.update', id: f.region.id, changes: { attributes: { replicas: 2 } } }],
        'Cannot change "EU West": Region components have no attribute "replicas".',
      ],
      [
        'connection to itself',
        f.design,
        [
          {
            type: 'connection.add',
            connection: createConnection({
              scenarioId: f.scenarioId,
              sourceId: f.server.id,
              targetId: f.server.id,
            }),
          },
        ],
        'Cannot connect "Scorer" to itself.',
      ],
      [
        'connection to a boundary',
        f.design,
        [
          {
            type: 'connection.add',
            connection: createConnection({
              scenarioId: f.scenarioId,
              sourceId: f.server.id,
              targetId: f.region.id,
            }),
          },
        ],
        'Cannot connect "EU West": it is a boundary; connect the components inside it instead.',
      ],
      [
        'connection across scenarios',
        withOther,
        [
          {
            type: 'connection.add',
            connection: createConnection({
              scenarioId: other.id,
              sourceId: f.server.id,
              targetId: f.gateway.id,
            }),
          },
        ],
        'Cannot connect "Scorer" to "Gateway": "Scorer" is in another scenario.',
      ],
      [
        'connection to a missing component',
        f.design,
        [{ type: 'connection.update', id: f.e1.id, changes: { targetId: 'c_gone' } }],
        "The connection's target component does not exist (c_gone).",
      ],
      [
        'connection attribute invalid',
        f.design,
        [{ type: 'connection.update', id: f.e1.id, changes: { attributes: { retries: -1 } } }],
        'The connection from "Checkout" to "Gateway": "Retries" must be at least 0.',
      ],
      [
        'journey entry is a boundary',
        f.design,
        [{ type: 'journey.update', id: f.journey.id, changes: { entryId: f.region.id } }],
        'Journey "Pay" cannot start at "EU West": it is a boundary, not a component.',
      ],
      [
        'journey entry missing',
        f.design,
        [
          {
            type: 'journey.add',
            journey: createJourney({ scenarioId: f.scenarioId, name: 'Ghost', entryId: 'c_gone' }),
          },
        ],
        'The entry component of journey "Ghost" does not exist (c_gone).',
      ],
      [
        'remove the last scenario',
        f.design,
        [{ type: 'scenario.remove', id: f.scenarioId }],
        'Cannot remove scenario "Baseline": a design keeps at least one scenario.',
      ],
      [
        'remove a scenario with contents',
        withOther,
        [{ type: 'scenario.remove', id: f.scenarioId }],
        'Cannot remove scenario "Baseline": it still has 5 components, 4 connections, 1 journey.',
      ],
      [
        'empty name',
        f.design,
        [{ type: 'component.update', id: f.server.id, changes: { name: '   ' } }],
        'Invalid component.update: changes.name: A name cannot be empty.',
      ],
      [
        'attributes not an object',
        f.design,
        [
          {
            type: 'component.update',
            id: f.server.id,
            changes: { attributes: 'fast' as unknown as Attributes },
          },
        ],
        'Invalid component.update: attributes must be an object.',
      ],
      [
        'duplicate risk finding',
        applyOperations(f.design, [
          { type: 'risk.add', risk: createRisk({ findingId: 'no-slo@j_1', status: 'accepted' }) },
        ]).design,
        [{ type: 'risk.add', risk: createRisk({ findingId: 'no-slo@j_1', status: 'mitigated' }) }],
        'Finding no-slo@j_1 already has a recorded decision; change that one instead.',
      ],
    ];
    it.each(cases)('%s', (_name, design, ops, message) => {
      const error = refusal(design, ops);
      expect(error.message).toBe(message);
      expect(error.index).toBe(ops.length - 1);
    });
  });

  it('applies one operation to a design of 5,000 components and 8,000 connections', () => {
    const design = syntheticDesign({ components: 5000, connections: 8000, seed: 7 });
    expect(validateDesign(design)).toEqual([]);
    const target = design.components.find((c) => c.parentId === null && c.kind === 'cache')!;
    const { design: moved, inverse } = applyOperations(design, [
      { type: 'component.update', id: target.id, changes: { position: { x: 1, y: 2 } } },
    ]);
    expect(moved.components.find((c) => c.id === target.id)!.position).toEqual({ x: 1, y: 2 });
    expect(moved.connections).toBe(design.connections);
    expect(applyOperations(moved, inverse).design).toEqual(design);
    const edge = design.connections[4321]!;
    const removed = applyOperations(design, [{ type: 'connection.remove', id: edge.id }]);
    expect(removed.design.connections).toHaveLength(7999);
    expect(applyOperations(removed.design, removed.inverse).design.connections).toEqual(design.connections);
  });

  it('keeps batches linear: thousands of operations with lookups and reference counts', () => {
    const design = syntheticDesign({ components: 600, connections: 900, seed: 3 });
    // Fallbacks first: a call cannot be removed while a fallback still backs it up.
    const order = [...design.connections].sort(
      (a, b) => Number(b.primaryId !== null) - Number(a.primaryId !== null),
    );
    const ops: Operation[] = order.map((e) => ({ type: 'connection.remove', id: e.id }));
    const { design: bare, inverse } = applyOperations(design, ops);
    expect(bare.connections).toEqual([]);
    expect(applyOperations(bare, inverse).design).toEqual(design);
  });
});
