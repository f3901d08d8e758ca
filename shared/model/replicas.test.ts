import { describe, expect, it } from 'vitest';
import { defaultAttributes } from './catalog/index.ts';
import { replicaSettings } from './replicas.ts';

describe('replicaSettings', () => {
  it('reads a fixed count when autoscaling is off, whatever min and max say', () => {
    // Cache defaults: 2 replicas, autoscaling off, min 1, max 4.
    expect(replicaSettings(defaultAttributes('cache'))).toEqual({ mode: 'fixed', count: 2 });
  });

  it('reads the min..max range under autoscaling, not a count', () => {
    // Model server defaults: autoscaling between 2 and 6 (replicas 2 is the count without autoscaling).
    expect(replicaSettings(defaultAttributes('model-server'))).toEqual({
      mode: 'autoscaling',
      min: 2,
      max: 6,
    });
    const scaled = { ...defaultAttributes('cache'), autoscaling: true, min_replicas: 0, max_replicas: 8 };
    expect(replicaSettings(scaled)).toEqual({ mode: 'autoscaling', min: 0, max: 8 });
  });

  it('is null for a boundary, which has no replicas', () => {
    expect(replicaSettings(defaultAttributes('region'))).toBeNull();
  });
});
