import { EXP_HIGH, EXP_LOW, EXP_STEPS_PER_UNIT, EXP_TABLE, INVERSE_EXP_STEPS, tableExp } from './exp.ts';
import { TWO_POW_MINUS_32, ZIGGURAT_K, ZIGGURAT_MASK, ZIGGURAT_W, normalSlow } from './random.ts';

/*
 * The batch sampler's draws: one draw for each lane of a lane list, from each lane's own stream (four words
 * per lane in `states`), written out inline in tight loops. They take exactly the numbers the scalar
 * functions in random.ts and exp.ts take (xoshiro128**, the ziggurat, tableExp), in the same order.
 */

/**
 * Draws a delay of `shape` (see DelayFit: none, constant, log-normal μ σ) for each lane of lists[list ..
 * list + count) into `into[lane]`, ms; `missSlots` is scratch of at least `count` slots.
 */
export function drawLaneDelays(
  states: Int32Array,
  lists: Int32Array,
  list: number,
  count: number,
  into: Float64Array,
  shape: number,
  mu: number,
  sigma: number,
  missSlots: Int32Array,
): void {
  if (shape !== 2) {
    const value = shape === 1 ? mu : 0;
    for (let k = 0; k < count; k++) into[lists[list + k] as number] = value;
    return;
  }
  // Imported bindings are live: read each once, not once per lane.
  const zigguratK = ZIGGURAT_K;
  const zigguratW = ZIGGURAT_W;
  const expTable = EXP_TABLE;
  const low = EXP_LOW;
  const high = EXP_HIGH;
  const steps = EXP_STEPS_PER_UNIT;
  const inverseSteps = INVERSE_EXP_STEPS;
  // The loop holds no call (a call in it costs every lane): the ~1.5 % of draws that miss the ziggurat's
  // fast path or leave the exp table are finished after it. Each lane draws once here, so finishing its
  // draw later takes the same numbers from its stream.
  let misses = 0;
  for (let k = 0; k < count; k++) {
    const lane = lists[list + k] as number;
    // One xoshiro128** step of the lane's stream (nextInt in random.ts).
    const at = lane << 2;
    const s0 = states[at] as number;
    const s1 = states[at + 1] as number;
    const s2 = (states[at + 2] as number) ^ s0;
    const s3 = (states[at + 3] as number) ^ s1;
    const product = Math.imul(s1, 5);
    states[at] = s0 ^ s3;
    states[at + 1] = s1 ^ s2;
    states[at + 2] = s2 ^ (s1 << 9);
    states[at + 3] = (s3 << 11) | (s3 >>> 21);
    const hz = Math.imul((product << 7) | (product >>> 25), 9);
    // The ziggurat's fast path (normal in random.ts), then tableExp (exp.ts).
    const iz = hz & ZIGGURAT_MASK;
    const x = mu + sigma * (hz * (zigguratW[iz] as number));
    if (Math.abs(hz) < (zigguratK[iz] as number) && x >= low && x < high) {
      const y = (x - low) * steps;
      const step = y | 0;
      const r = (y - step) * inverseSteps;
      into[lane] = (expTable[step] as number) * (1 + r * (1 + r * 0.5));
    } else {
      missSlots[misses++] = k;
      into[lane] = hz; // the output, until the draw is finished below
    }
  }
  for (let m = 0; m < misses; m++) {
    const lane = lists[list + (missSlots[m] as number)] as number;
    const hz = into[lane] as number;
    const iz = hz & ZIGGURAT_MASK;
    const z =
      Math.abs(hz) < (zigguratK[iz] as number)
        ? hz * (zigguratW[iz] as number)
        : normalSlow(states, lane, hz);
    into[lane] = tableExp(mu + sigma * z);
  }
}

/** A uniform draw in [0, 1) for each lane of lists[list .. list + count) into `into[lane]` (as uniform()). */
export function drawLaneUniforms(
  states: Int32Array,
  lists: Int32Array,
  list: number,
  count: number,
  into: Float64Array,
): void {
  const scale = TWO_POW_MINUS_32;
  for (let k = 0; k < count; k++) {
    const lane = lists[list + k] as number;
    const at = lane << 2;
    const s0 = states[at] as number;
    const s1 = states[at + 1] as number;
    const s2 = (states[at + 2] as number) ^ s0;
    const s3 = (states[at + 3] as number) ^ s1;
    const product = Math.imul(s1, 5);
    states[at] = s0 ^ s3;
    states[at + 1] = s1 ^ s2;
    states[at + 2] = s2 ^ (s1 << 9);
    states[at + 3] = (s3 << 11) | (s3 >>> 21);
    into[lane] = (Math.imul((product << 7) | (product >>> 25), 9) >>> 0) * scale;
  }
}
