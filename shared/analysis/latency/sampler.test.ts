import { describe, expect, it } from 'vitest';
import { buildRequestPath } from '../request-path.ts';
import { buildGraph } from '../testing/graph-spec.ts';
import { Z95 } from './fit.ts';
import { compileLatencyProgram } from './program.ts';
import { SampleRandom } from './random.ts';
import { Sampler } from './sampler.ts';

/** Per-sample times of a journey that is one component with the given p50 and p95. */
function oneComponentTimes(p50Ms: number, p95Ms: number, samples: number, seed: number): Float64Array {
  const graph = buildGraph({ components: [{ id: 'svc', p50Ms, p95Ms }], journeys: [{ entry: 'svc' }] });
  const journey = graph.journeys[0];
  if (!journey) throw new Error('no journey');
  const compiled = compileLatencyProgram(graph, buildRequestPath(graph, journey));
  if (!compiled.ok) throw new Error(compiled.error);
  const times = new Float64Array(samples);
  new Sampler(compiled.program).run(
    seed,
    0,
    samples,
    times,
    new Float64Array(samples),
    new Uint8Array(samples),
  );
  return times;
}

describe('Sampler draws', () => {
  it('draws a service time as exp(μ + σ·z) with the sample’s own normal, to 1e-7, inside and beyond the exp table', () => {
    for (const [p50Ms, p95Ms] of [
      [20, 60],
      [1e-9, 3e-9], // ln below the table
      [1e8, 4e8], // ln above it
    ] as const) {
      const times = oneComponentTimes(p50Ms, p95Ms, 500, 9);
      const mu = Math.log(p50Ms);
      const sigma = (Math.log(p95Ms) - Math.log(p50Ms)) / Z95;
      const random = new SampleRandom();
      times.forEach((ms, i) => {
        random.seedSample(9, i);
        const z = random.normal();
        expect(Math.abs(ms / Math.exp(mu + sigma * z) - 1)).toBeLessThan(1e-7);
      });
    }
  });
});
