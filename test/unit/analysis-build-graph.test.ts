import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDesign } from '../../shared/model/canonical.ts';
import { buildScenarioGraph } from '../../shared/analysis/build-graph.ts';
import { buildRequestPath } from '../../shared/analysis/request-path.ts';
import type { Step } from '../../shared/analysis/request-path.ts';

function template(name: string) {
  return parseDesign(
    readFileSync(new URL(`../../resources/templates/${name}.design.json`, import.meta.url), 'utf8'),
  );
}

describe('buildScenarioGraph', () => {
  const design = template('real-time-inference');
  const graph = buildScenarioGraph(design, 'rt-scenario');
  const at = (id: string) => graph.componentIndex.get(id) as number;

  it('keeps the scenario components (no boundaries) with numbers in units', () => {
    expect(graph.components.some((c) => c.kind === 'region' || c.kind === 'trust-boundary')).toBe(false);
    const model = graph.components[at('rt-model')];
    expect(model).toMatchObject({ name: 'ETA model server (stable)', p50Ms: 15, p95Ms: 40, p99Ms: 70 });
    expect(model?.autoscaling).toBe(true);
    expect(graph.components.every((c) => c.index === graph.componentIndex.get(c.id))).toBe(true);
  });

  it('resolves the canary split as an exclusive group and the fallback to its primary', () => {
    const j = graph.journeys[0];
    if (!j) throw new Error('no journey');
    const path = buildRequestPath(graph, j);
    expect(path.errors).toEqual([]);
    expect(path.warnings).toEqual([]);
    const routerSteps = path.steps[at('rt-router')] as Step[];
    expect(routerSteps).toHaveLength(1);
    expect(routerSteps[0]).toMatchObject({ type: 'exclusive', shares: [0.05, 0.95] }); // canary's id sorts first
    const inferenceCalls = (path.steps[at('rt-inference')] as Step[]).filter((s) => s.type === 'call');
    const toRouter = inferenceCalls.find(
      (s) => s.type === 'call' && graph.connections[s.call.edge]?.target === at('rt-router'),
    );
    expect(
      toRouter?.type === 'call' && toRouter.call.fallbacks.map((f) => graph.connections[f]?.target),
    ).toEqual([at('rt-fallback')]);
  });

  it('takes only its own scenario', () => {
    const managed = buildScenarioGraph(design, 'rtm-scenario');
    expect(managed.components.every((c) => c.id.startsWith('rtm-'))).toBe(true);
    expect(managed.journeys).toHaveLength(1);
  });
});
