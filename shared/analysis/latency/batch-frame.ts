/*
 * Per-lane registers of the batch sampler, one set per recursion depth of the site tree (a call at depth d
 * visits its target at depth d + 1, so the caller's registers survive the callee's work).
 */

/** Samples per batch: enough to amortise the walk, small enough that the per-lane arrays stay in cache. */
export const BATCH_LANES = 256;

/** Per-lane registers of one recursion depth. */
export class Frame {
  readonly visitMs = new Float64Array(BATCH_LANES);
  readonly visitTtftMs = new Float64Array(BATCH_LANES);
  readonly visitOk = new Uint8Array(BATCH_LANES);
  readonly callMs = new Float64Array(BATCH_LANES);
  readonly callTtftMs = new Float64Array(BATCH_LANES);
  readonly callOk = new Uint8Array(BATCH_LANES);
  readonly callTaken = new Uint8Array(BATCH_LANES);
  readonly calls = new Int32Array(BATCH_LANES);
  /** The branch each lane drew in an exclusive step. */
  readonly chosen = new Int32Array(BATCH_LANES);
  readonly onceMs = new Float64Array(BATCH_LANES);
  readonly onceTtftMs = new Float64Array(BATCH_LANES);
  readonly onceOk = new Uint8Array(BATCH_LANES);
  readonly attemptMs = new Float64Array(BATCH_LANES);
  readonly attemptTtftMs = new Float64Array(BATCH_LANES);
  readonly attemptOk = new Uint8Array(BATCH_LANES);
  readonly networkMs = new Float64Array(BATCH_LANES);
  readonly serviceMs = new Float64Array(BATCH_LANES);
  readonly uniforms = new Float64Array(BATCH_LANES);
  // Parallel steps: branch b of lane l at b × BATCH_LANES + l.
  branchMs = new Float64Array(0);
  branchTtftMs = new Float64Array(0);
  branchAnswered = new Uint8Array(0);

  /** Makes room for a parallel step of `count` branches. */
  ensureBranches(count: number): void {
    if (this.branchMs.length >= count * BATCH_LANES) return;
    this.branchMs = new Float64Array(count * BATCH_LANES);
    this.branchTtftMs = new Float64Array(count * BATCH_LANES);
    this.branchAnswered = new Uint8Array(count * BATCH_LANES);
  }
}
