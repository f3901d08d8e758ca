import { describe, expect, it } from 'vitest';
import {
  addComponentOps,
  applyOperations,
  connectOps,
  createEmptyDesign,
} from '../../../shared/model/index.ts';
import type { JourneyAvailability } from '../../../shared/analysis/availability/index.ts';
import type { JourneyLatency } from '../../../shared/analysis/latency/index.ts';
import type { AnalysisData } from '../store/analysis.ts';
import { emptySelection } from '../store/selection.ts';
import { createEdgeDeriver, createNodeDeriver, emptyOverlay } from './flowElements.ts';
import { highlightKey, parseHighlight } from './analysisHighlight.ts';

function build() {
  let design = createEmptyDesign({ name: 'Canvas', now: new Date('2026-01-01T00:00:00Z') });
  const scenarioId = design.scenarios[0]?.id ?? '';
  for (const [name, x] of [
    ['Gateway', 0],
    ['Server', 300],
    ['Cache', 600],
  ] as const)
    design = applyOperations(
      design,
      addComponentOps(design, { scenarioId, kind: 'cache', name, position: { x, y: 0 } }),
    ).design;
  const ids = design.components.map((c) => c.id);
  design = applyOperations(
    design,
    connectOps(design, { sourceId: ids[0] ?? '', targetId: ids[1] ?? '' }),
  ).design;
  return { design, scenarioId, ids, connectionId: design.connections[0]?.id ?? '' };
}

function analysis(
  critical: string[],
  connections: string[],
  spofs: string[],
): Pick<AnalysisData, 'byScenario'> {
  const latency = { criticalPath: { componentIds: critical, connectionIds: connections, hops: [] } };
  const availability = {
    singlePointsOfFailure: spofs,
    cutSets: spofs.map((id) => ({ componentIds: [id], componentNames: [id], order: 1 })),
  };
  return {
    byScenario: {
      s: {
        revision: 1,
        cost: {} as never,
        journeys: [
          {
            journeyId: 'j',
            name: 'J',
            latency: latency as unknown as JourneyLatency,
            latencyRevision: 1,
            availability: availability as unknown as JourneyAvailability,
          },
        ],
      },
    },
  };
}

describe('analysis highlight', () => {
  it('lights the critical path on Latency and the single points of failure (or the chosen cut set) on Availability', () => {
    const data = analysis(['a', 'b'], ['a>b'], ['b', 'c']);
    expect(highlightKey(data, 'latency', 's', null, null)).toBe('path|a,b|a>b');
    expect(highlightKey(data, 'availability', 's', null, null)).toBe('risk|b,c|');
    expect(highlightKey(data, 'availability', 's', null, 'c')).toBe('risk|c|');
    expect(highlightKey(data, 'cost', 's', null, null)).toBe('');
    expect(highlightKey(data, null, 's', null, null)).toBe('');
    expect(parseHighlight('risk|b,c|')).toEqual({
      tone: 'risk',
      componentIds: new Set(['b', 'c']),
      connectionIds: new Set(),
    });
    expect(parseHighlight('')).toBeNull();
  });

  it('rebuilds only the nodes and edges whose highlight changed', () => {
    const { design, scenarioId, ids, connectionId } = build();
    const deriveNodes = createNodeDeriver();
    const deriveEdges = createEdgeDeriver();
    const plain = deriveNodes(design, scenarioId, emptySelection, emptyOverlay, null, null);
    const plainEdges = deriveEdges(design, scenarioId, emptySelection, null, null);
    const lit = parseHighlight(`path|${ids[0]},${ids[1]}|${connectionId}`);
    const nodes = deriveNodes(design, scenarioId, emptySelection, emptyOverlay, null, lit);
    expect(nodes.map((n, i) => n === plain[i])).toEqual([false, false, true]);
    expect(nodes[0]?.className).toBe('analysis-path');
    expect(nodes[0]?.ariaLabel).toMatch(/on the critical path$/);
    const edges = deriveEdges(design, scenarioId, emptySelection, null, lit);
    expect(edges[0]).not.toBe(plainEdges[0]);
    expect(edges[0]?.className).toBe('analysis-path');
    // The same highlight from a newer result (a new object) changes no node.
    const again = deriveNodes(
      design,
      scenarioId,
      emptySelection,
      emptyOverlay,
      null,
      parseHighlight(`path|${ids[0]},${ids[1]}|${connectionId}`),
    );
    expect(again.every((n, i) => n === nodes[i])).toBe(true);
  });
});
