import { BATCH_LANES, Frame } from './batch-frame.ts';
import { drawLaneDelays, drawLaneUniforms } from './lane-draws.ts';
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
export class BatchSampler {
  // The fields are the sampler's state, shared with the walk in batch-steps.ts and batch-calls.ts.
  readonly p: LatencyProgram;
  readonly states = new Int32Array(4 * BATCH_LANES);
  readonly missSlots = new Int32Array(BATCH_LANES);
  readonly frames: Frame[] = [];
  // Lane lists live on a stack: a function pushes the lists it builds and pops them when it returns. The
  // array grows when a deep path needs more; after any call that may push, read `lists` again.
  lists = new Int32Array(BATCH_LANES * 32);
  top = 0;
  // The k-th answer of a k-of-n step, per lane (insertion sort of a few branches).
  sortMs = new Float64Array(8);

  constructor(program: LatencyProgram) {
    this.p = program;
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

  /** Draws a delay for each lane of the list into `into[lane]` (drawLaneDelays). */
  drawDelays(
    into: Float64Array,
    shape: number,
    mu: number,
    sigma: number,
    list: number,
    count: number,
  ): void {
    drawLaneDelays(this.states, this.lists, list, count, into, shape, mu, sigma, this.missSlots);
  }

  /** Draws a uniform for each lane of the list into `into[lane]` (drawLaneUniforms). */
  drawUniforms(into: Float64Array, list: number, count: number): void {
    drawLaneUniforms(this.states, this.lists, list, count, into);
  }

  /** The registers of recursion depth `depth`. */
  frame(depth: number): Frame {
    let frame = this.frames[depth];
    if (!frame) {
      frame = new Frame();
      this.frames[depth] = frame;
    }
    return frame;
  }

  /** Reserves `count` slots on the list stack and returns where they start. */
  push(count: number): number {
    if (this.top + count > this.lists.length) {
      const grown = new Int32Array(Math.max(this.lists.length * 2, this.top + count));
      grown.set(this.lists);
      this.lists = grown;
    }
    const at = this.top;
    this.top += count;
    return at;
  }
}
