import { describe, expect, it } from 'vitest';
import { buildGraph } from '../testing/graph-spec.ts';
import type { ComponentSpec } from '../testing/graph-spec.ts';
import { provisionedReplicas } from './replicas.ts';

function component(spec: Partial<ComponentSpec>) {
  return buildGraph({ components: [{ id: 'svc', ...spec }] }).components[0] as ReturnType<
    typeof buildGraph
  >['components'][number];
}

// 50 rps per replica at 70 % utilisation: 35 rps each.
const scaled = { autoscaling: true, minReplicas: 2, maxReplicas: 8, capacityRpsPerReplica: 50 };

describe('provisionedReplicas', () => {
  it('keeps a fixed replica count whatever the traffic', () => {
    expect(provisionedReplicas(component({ replicas: 4 }), 10_000)).toEqual({
      replicas: 4,
      baseReplicas: 4,
      short: false,
      capacityUnknown: false,
    });
  });

  it('never goes below the minimum: 10 rps would need 1 replica, 2 run', () => {
    expect(provisionedReplicas(component(scaled), 10).replicas).toBe(2);
    expect(provisionedReplicas(component(scaled), 0).replicas).toBe(2);
  });

  it('rounds up: 100 rps / 35 = 2.86 → 3 replicas, but 21 rps exactly fills 10 replicas of 3 rps', () => {
    expect(provisionedReplicas(component(scaled), 100)).toMatchObject({ replicas: 3, baseReplicas: 2 });
    // 21 / (3 × 0.7) is 10.000000000000002 in floating point: still 10 replicas, not 11.
    const small = component({ ...scaled, minReplicas: 1, maxReplicas: 20, capacityRpsPerReplica: 3 });
    expect(provisionedReplicas(small, 21).replicas).toBe(10);
  });

  it('caps at the maximum and says the component is short at peak', () => {
    // 1000 rps / 35 = 28.6 → 29 needed, 8 allowed.
    expect(provisionedReplicas(component(scaled), 1000)).toEqual({
      replicas: 8,
      baseReplicas: 2,
      short: true,
      capacityUnknown: false,
    });
  });

  it('assumes the minimum when the capacity per replica is unknown', () => {
    expect(provisionedReplicas(component({ ...scaled, capacityRpsPerReplica: null }), 1000)).toEqual({
      replicas: 2,
      baseReplicas: 2,
      short: false,
      capacityUnknown: true,
    });
  });
});
