import { BATCH_LANES, Frame } from './batch-frame.ts';
import { drawLaneDelays, drawLaneUniforms } from './lane-draws.ts';
import type { LatencyProgram } from './program.ts';

/** How the walk enters a call's target: batch-steps.ts's visit, handed in so the call code needs no import of it. */
export type VisitTarget = (bs: BatchState, site: number, list: number, count: number, depth: number) => void;

/** The batch sampler's state and scratch memory, shared by the walk in batch-steps.ts and batch-calls.ts. */
export class BatchState {
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

  /** Visits a call's target (the walk's entry point, see VisitTarget). */
  readonly visitTarget: VisitTarget;

  constructor(program: LatencyProgram, visitTarget: VisitTarget) {
    this.p = program;
    this.visitTarget = visitTarget;
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
