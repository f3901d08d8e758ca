import { applyOperations } from '../apply.ts';
import { createComponent, createConnection, createEmptyDesign, createJourney } from '../factory.ts';
import type { Operation } from '../operations.ts';

/** A small design: client → gateway → model server, a feature store inside a region, one journey. */
export function fixture() {
  const empty = createEmptyDesign({ name: 'Fraud scoring', now: new Date('2026-03-01T10:00:00Z') });
  const scenarioId = empty.scenarios[0]!.id;
  const client = createComponent({
    scenarioId,
    kind: 'client-app',
    name: 'Checkout',
    position: { x: 0, y: 0 },
  });
  const gateway = createComponent({
    scenarioId,
    kind: 'api-gateway',
    name: 'Gateway',
    position: { x: 200, y: 0 },
  });
  const region = createComponent({ scenarioId, kind: 'region', name: 'EU West', position: { x: 0, y: 300 } });
  const server = createComponent({
    scenarioId,
    kind: 'model-server',
    name: 'Scorer',
    position: { x: 400, y: 0 },
  });
  const store = createComponent({
    scenarioId,
    kind: 'feature-store',
    name: 'Feature store',
    position: { x: 10, y: 10 },
    parentId: region.id,
  });
  const e1 = createConnection({ scenarioId, sourceId: client.id, targetId: gateway.id });
  const e2 = createConnection({ scenarioId, sourceId: gateway.id, targetId: server.id });
  const e3 = createConnection({ scenarioId, sourceId: server.id, targetId: store.id, kind: 'data-flow' });
  const e4 = createConnection({ scenarioId, sourceId: gateway.id, targetId: store.id });
  const journey = createJourney({ scenarioId, name: 'Pay', entryId: client.id });
  const ops: Operation[] = [
    ...[client, gateway, region, server, store].map((component): Operation => ({
      type: 'component.add',
      component,
    })),
    ...[e1, e2, e3, e4].map((connection): Operation => ({ type: 'connection.add', connection })),
    { type: 'journey.add', journey },
  ];
  const design = applyOperations(empty, ops).design;
  return { design, scenarioId, client, gateway, region, server, store, e1, e2, e3, e4, journey };
}
