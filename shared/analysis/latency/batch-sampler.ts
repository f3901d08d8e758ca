import { BATCH_LANES } from './batch-frame.ts';
import { BatchState } from './batch-state.ts';
import type { LatencyProgram } from './program.ts';
import { visit } from './batch-steps.ts';
import { seedStream } from './random.ts';

/*
 * The batch sampler: the same simulation as the scalar sampler (sampler.ts), run for a batch of samples at
 * once. It walks the site tree once per batch and does each site's work for all the samples (lanes) that
 * reach it, in tight loops: the per-site bookkeeping is paid once per batch instead of once per sample, and
 * the draws of different lanes are independent, so the processor overlaps them. Control flow becomes lane
 * lists: the lanes that take a call, that find the target up, that still need a retry or a fallback.
 *
 * Each lane draws from its own sample's stream in exactly the order the scalar sampler does, and every time
 * is computed with the same operations in the same order, so both give identical numbers (a test holds them
 * to it); the scalar sampler replays the tail samples with tracing.
 */

/** Runs samples of one program in batches; it owns its scratch memory, so use one per simulation. */
export class BatchSampler extends BatchState {
  constructor(program: LatencyProgram) {
    super(program, visit);
  }

  /** Simulates samples [from, to) of the run seeded `seed`, writing per-sample results at the same index. */
  run(
    seed: number,
    from: number,
    to: number,
    timesMs: Float64Array,
    ttftMs: Float64Array,
    failed: Uint8Array,
  ): void {
    for (let start = from; start < to; start += BATCH_LANES) {
      const count = Math.min(BATCH_LANES, to - start);
      this.top = 0;
      const list = this.push(count);
      for (let lane = 0; lane < count; lane++) {
        seedStream(this.states, lane, seed, start + lane);
        this.lists[list + lane] = lane;
      }
      visit(this, 0, list, count, 0);
      const root = this.frame(0);
      for (let lane = 0; lane < count; lane++) {
        timesMs[start + lane] = root.visitMs[lane] as number;
        ttftMs[start + lane] = root.visitTtftMs[lane] as number;
        failed[start + lane] = root.visitOk[lane] === 1 ? 0 : 1;
      }
    }
  }
}
