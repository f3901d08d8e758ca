import { describe, expect, it } from 'vitest';
import { SampleRandom } from './random.ts';

function draws(seed: number, index: number, count: number, kind: 'normal' | 'uniform'): number[] {
  const random = new SampleRandom();
  random.seedSample(seed, index);
  return Array.from({ length: count }, () => (kind === 'normal' ? random.normal() : random.uniform()));
}

describe('SampleRandom', () => {
  it('gives each (seed, sample) its own reproducible stream', () => {
    expect(draws(1, 7, 50, 'normal')).toEqual(draws(1, 7, 50, 'normal'));
    expect(draws(1, 7, 50, 'normal')).not.toEqual(draws(1, 8, 50, 'normal'));
    expect(draws(1, 7, 50, 'normal')).not.toEqual(draws(2, 7, 50, 'normal'));
    expect(draws(1, 7, 50, 'uniform')).toEqual(draws(1, 7, 50, 'uniform'));
  });

  it('draws standard normals: mean 0, variance 1 and the textbook quantiles, tails included', () => {
    const random = new SampleRandom();
    const n = 1_000_000;
    const values = new Float64Array(n);
    // Many short streams, as the simulation uses them.
    for (let i = 0; i < n / 100; i++) {
      random.seedSample(3, i);
      for (let j = 0; j < 100; j++) values[i * 100 + j] = random.normal();
    }
    let sum = 0;
    let squares = 0;
    for (const v of values) {
      sum += v;
      squares += v * v;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.005); // standard error 0.001
    expect(Math.abs(squares / n - 1)).toBeLessThan(0.006); // standard error 0.0014
    values.sort();
    // Φ⁻¹ at 0.5, 0.95, 0.99, 0.999 and 0.00001 (the ziggurat’s tail strip starts at 3.65).
    expect(values[n / 2]).toBeCloseTo(0, 2);
    expect(values[0.95 * n]).toBeCloseTo(1.6449, 2);
    expect(values[0.99 * n]).toBeCloseTo(2.3263, 1);
    expect(Math.abs((values[0.999 * n] as number) - 3.0902)).toBeLessThan(0.05);
    expect(values.filter((v) => v > 3.5).length / n).toBeCloseTo(2.326e-4, 4);
    expect(values.filter((v) => v < -3.5).length / n).toBeCloseTo(2.326e-4, 4);
  });

  it('draws uniforms in [0, 1) with an even spread', () => {
    const random = new SampleRandom();
    const deciles = new Array<number>(10).fill(0);
    for (let i = 0; i < 2_000; i++) {
      random.seedSample(5, i);
      for (let j = 0; j < 100; j++) {
        const u = random.uniform();
        expect(u >= 0 && u < 1).toBe(true);
        deciles[Math.floor(u * 10)] = (deciles[Math.floor(u * 10)] as number) + 1;
      }
    }
    // 20,000 expected per decile, standard deviation 134.
    for (const count of deciles) expect(Math.abs(count - 20_000)).toBeLessThan(600);
  });
});
