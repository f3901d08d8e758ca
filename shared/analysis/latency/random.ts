/*
 * The seeded randomness of the latency simulation. Every sample (one simulated request) has its own stream:
 * xoshiro128** seeded from a hash of (seed, sample index). So a run does not depend on how it is chunked or
 * batched (sample i is the same in any chunk and any batch), and the tail samples can be replayed with tracing
 * on without storing anything per call.
 * Streams live in an Int32Array, four words per lane; the batch sampler keeps one lane per sample of a batch,
 * the scalar sampler one lane. Both must consume a stream identically: a uniform is one output, a normal is
 * the ziggurat of Marsaglia & Tsang (2000, "The Ziggurat Method for Generating Random Variables", J. Stat.
 * Softw. 5(8)) with 256 layers, one output in ~99 % of cases. The batch sampler writes the fast path out inline;
 * ZIGGURAT_K and ZIGGURAT_W are exported for that, and normalSlow() takes over for the rest.
 */

// 256 layers (Doornik 2005, "An Improved Ziggurat Method to Generate Normal Random Samples"): r is where the
// base strip's tail starts, v the area of each layer. Twice the layers of Marsaglia & Tsang's 128 halve the
// share of draws that miss the fast path (about 1.3 %).
const ZIGGURAT_LAYERS = 256;
const ZIGGURAT_R = 3.6541528853610088;
const ZIGGURAT_AREA = 0.00492867323399;
const TWO_POW_31 = 2147483648;
/** Scale from an unsigned 32-bit output to [0, 1). */
export const TWO_POW_MINUS_32 = 1 / 4294967296;
/** The layer of an output is its low 8 bits. */
export const ZIGGURAT_MASK = ZIGGURAT_LAYERS - 1;

/** Per layer: the bound on |hz| below which hz · ZIGGURAT_W[layer] is accepted at once. */
export const ZIGGURAT_K = new Float64Array(ZIGGURAT_LAYERS);
/** Per layer: the scale from a signed 32-bit output to a normal draw. */
export const ZIGGURAT_W = new Float64Array(ZIGGURAT_LAYERS);
// Density at the layer edges (slow path only).
const ZIGGURAT_F = new Float64Array(ZIGGURAT_LAYERS);
{
  const top = ZIGGURAT_LAYERS - 1;
  let dn = ZIGGURAT_R;
  let tn = dn;
  const q = ZIGGURAT_AREA / Math.exp(-0.5 * dn * dn);
  ZIGGURAT_K[0] = (dn / q) * TWO_POW_31;
  ZIGGURAT_K[1] = 0;
  ZIGGURAT_W[0] = q / TWO_POW_31;
  ZIGGURAT_W[top] = dn / TWO_POW_31;
  ZIGGURAT_F[0] = 1;
  ZIGGURAT_F[top] = Math.exp(-0.5 * dn * dn);
  for (let i = top - 1; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(ZIGGURAT_AREA / dn + Math.exp(-0.5 * dn * dn)));
    ZIGGURAT_K[i + 1] = (dn / tn) * TWO_POW_31;
    tn = dn;
    ZIGGURAT_F[i] = Math.exp(-0.5 * dn * dn);
    ZIGGURAT_W[i] = dn / TWO_POW_31;
  }
}

/** murmur3's 32-bit finaliser: a bijective mix, so distinct inputs give distinct, well-spread states. */
function mix32(value: number): number {
  let x = value | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return x ^ (x >>> 16);
}

/** Starts lane `lane` of `states` on the stream of sample `index` (≥ 0) of the run seeded `seed` (32-bit). */
export function seedStream(states: Int32Array, lane: number, seed: number, index: number): void {
  const base = mix32(mix32(seed) + Math.imul(index, 0x9e3779b9));
  const at = lane << 2;
  states[at] = mix32(base + 0x243f6a88);
  states[at + 1] = mix32(base ^ 0x85a308d3);
  states[at + 2] = mix32(base + 0x13198a2e);
  states[at + 3] = mix32(base ^ 0x03707344);
  const any =
    (states[at] as number) |
    (states[at + 1] as number) |
    (states[at + 2] as number) |
    (states[at + 3] as number);
  if (any === 0) states[at] = 1;
}

/** The next output of lane `lane`'s xoshiro128** (Blackman & Vigna 2018): a signed 32-bit integer. */
export function nextInt(states: Int32Array, lane: number): number {
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
  return Math.imul((product << 7) | (product >>> 25), 9);
}

/** A uniform draw in [0, 1) with 32 random bits. */
export function uniform(states: Int32Array, lane: number): number {
  return (nextInt(states, lane) >>> 0) * TWO_POW_MINUS_32;
}

/** A standard normal draw (mean 0, standard deviation 1). */
export function normal(states: Int32Array, lane: number): number {
  const hz = nextInt(states, lane);
  const iz = hz & ZIGGURAT_MASK;
  if (Math.abs(hz) < (ZIGGURAT_K[iz] as number)) return hz * (ZIGGURAT_W[iz] as number);
  return normalSlow(states, lane, hz);
}

// In (0, 1): safe under a logarithm.
function openUniform(states: Int32Array, lane: number): number {
  return ((nextInt(states, lane) >>> 0) + 0.5) * TWO_POW_MINUS_32;
}

/**
 * The rare cases of the ziggurat (about 1 %) after the output `first` missed the fast path: the base strip with
 * its tail, and the wedges outside the rectangles.
 */
export function normalSlow(states: Int32Array, lane: number, first: number): number {
  let hz = first;
  let iz = hz & ZIGGURAT_MASK;
  for (;;) {
    const x = hz * (ZIGGURAT_W[iz] as number);
    if (iz === 0) {
      let tail: number;
      let y: number;
      do {
        tail = -Math.log(openUniform(states, lane)) / ZIGGURAT_R;
        y = -Math.log(openUniform(states, lane));
      } while (y + y < tail * tail);
      return hz > 0 ? ZIGGURAT_R + tail : -ZIGGURAT_R - tail;
    }
    const f = ZIGGURAT_F[iz] as number;
    if (f + openUniform(states, lane) * ((ZIGGURAT_F[iz - 1] as number) - f) < Math.exp(-0.5 * x * x))
      return x;
    hz = nextInt(states, lane);
    iz = hz & ZIGGURAT_MASK;
    if (Math.abs(hz) < (ZIGGURAT_K[iz] as number)) return hz * (ZIGGURAT_W[iz] as number);
  }
}

/** One stream at a time, for the scalar sampler and tests. */
export class SampleRandom {
  private readonly state = new Int32Array(4);

  /** Starts the stream of sample `index` of the run seeded `seed`. */
  seedSample(seed: number, index: number): void {
    seedStream(this.state, 0, seed, index);
  }

  uniform(): number {
    return uniform(this.state, 0);
  }

  normal(): number {
    return normal(this.state, 0);
  }
}
