/*
 * The seeded randomness of the latency simulation. Every sample (one simulated request) gets its own stream:
 * xoshiro128** seeded from a hash of (seed, sample index). That makes a run independent of how it is chunked
 * (sample i is the same whether it runs in one go or in the tenth chunk) and lets the tail samples be replayed
 * later with tracing on, without storing anything per call.
 * Normals come from the ziggurat of Marsaglia & Tsang (2000, "The Ziggurat Method for Generating Random
 * Variables", J. Stat. Softw. 5(8)), 128 layers: one 32-bit draw and a multiply in ~99 % of cases.
 */

const ZIGGURAT_R = 3.442619855899;
const ZIGGURAT_AREA = 9.91256303526217e-3;
const TWO_POW_31 = 2147483648;
const TWO_POW_MINUS_32 = 1 / 4294967296;

// kn: acceptance bounds on |hz| per layer; wn: scale from hz to x; fn: density at the layer edges.
const kn = new Float64Array(128);
const wn = new Float64Array(128);
const fn = new Float64Array(128);
{
  let dn = ZIGGURAT_R;
  let tn = dn;
  const q = ZIGGURAT_AREA / Math.exp(-0.5 * dn * dn);
  kn[0] = (dn / q) * TWO_POW_31;
  kn[1] = 0;
  wn[0] = q / TWO_POW_31;
  wn[127] = dn / TWO_POW_31;
  fn[0] = 1;
  fn[127] = Math.exp(-0.5 * dn * dn);
  for (let i = 126; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(ZIGGURAT_AREA / dn + Math.exp(-0.5 * dn * dn)));
    kn[i + 1] = (dn / tn) * TWO_POW_31;
    tn = dn;
    fn[i] = Math.exp(-0.5 * dn * dn);
    wn[i] = dn / TWO_POW_31;
  }
}

/** murmur3's 32-bit finaliser: a bijective mix, so distinct inputs give distinct, well-spread states. */
function mix32(value: number): number {
  let x = value | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return x ^ (x >>> 16);
}

/** Draws are made in blocks of this many per kind (see SampleRandom). */
export const RANDOM_BLOCK = 32;

/**
 * Random draws for one sample at a time; `seedSample` starts the stream of a sample. Draws are made in small
 * blocks by tight loops and handed out by index: a method returning a double boxes it (an allocation per
 * draw) whenever V8 does not inline the call, which it cannot promise inside a recursive sampler. Read a draw
 * as `random.normals[random.nextNormal()]`.
 */
export class SampleRandom {
  /** The current block of standard normal draws. */
  readonly normals = new Float64Array(RANDOM_BLOCK);
  /** The current block of uniform draws in [0, 1), 32 random bits each. */
  readonly uniforms = new Float64Array(RANDOM_BLOCK);
  private readonly state = new Int32Array(4);
  private normalIndex = RANDOM_BLOCK;
  private uniformIndex = RANDOM_BLOCK;

  constructor() {
    this.state[0] = 1;
  }

  /** Starts the stream of sample `index` (≥ 0) of the run seeded with `seed` (a 32-bit integer). */
  seedSample(seed: number, index: number): void {
    const base = mix32(mix32(seed) + Math.imul(index, 0x9e3779b9));
    const s = this.state;
    s[0] = mix32(base + 0x243f6a88);
    s[1] = mix32(base ^ 0x85a308d3);
    s[2] = mix32(base + 0x13198a2e);
    s[3] = mix32(base ^ 0x03707344);
    if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1;
    this.normalIndex = RANDOM_BLOCK;
    this.uniformIndex = RANDOM_BLOCK;
  }

  /** The index in `normals` of the next standard normal draw. */
  nextNormal(): number {
    if (this.normalIndex === RANDOM_BLOCK) this.refillNormals();
    return this.normalIndex++;
  }

  /** The index in `uniforms` of the next uniform draw. */
  nextUniform(): number {
    if (this.uniformIndex === RANDOM_BLOCK) this.refillUniforms();
    return this.uniformIndex++;
  }

  // The refills run xoshiro128** with its state in locals (registers); nextInt() is the same step for the
  // ziggurat's rare slow path, which gets the state handed over and back.
  private refillNormals(): void {
    const state = this.state;
    let s0 = state[0] as number;
    let s1 = state[1] as number;
    let s2 = state[2] as number;
    let s3 = state[3] as number;
    const normals = this.normals;
    for (let i = 0; i < RANDOM_BLOCK; i++) {
      const product = Math.imul(s1, 5);
      const hz = Math.imul((product << 7) | (product >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      const iz = hz & 127;
      if (Math.abs(hz) < (kn[iz] as number)) {
        normals[i] = hz * (wn[iz] as number);
        continue;
      }
      state[0] = s0;
      state[1] = s1;
      state[2] = s2;
      state[3] = s3;
      normals[i] = this.normalSlow(hz);
      s0 = state[0] as number;
      s1 = state[1] as number;
      s2 = state[2] as number;
      s3 = state[3] as number;
    }
    state[0] = s0;
    state[1] = s1;
    state[2] = s2;
    state[3] = s3;
    this.normalIndex = 0;
  }

  private refillUniforms(): void {
    const state = this.state;
    let s0 = state[0] as number;
    let s1 = state[1] as number;
    let s2 = state[2] as number;
    let s3 = state[3] as number;
    const uniforms = this.uniforms;
    for (let i = 0; i < RANDOM_BLOCK; i++) {
      const product = Math.imul(s1, 5);
      uniforms[i] = (Math.imul((product << 7) | (product >>> 25), 9) >>> 0) * TWO_POW_MINUS_32;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    }
    state[0] = s0;
    state[1] = s1;
    state[2] = s2;
    state[3] = s3;
    this.uniformIndex = 0;
  }

  /** xoshiro128** (Blackman & Vigna 2018): a signed 32-bit integer. */
  private nextInt(): number {
    const s = this.state;
    const s0 = s[0] as number;
    const s1 = s[1] as number;
    const s2 = (s[2] as number) ^ s0;
    const s3 = (s[3] as number) ^ s1;
    const product = Math.imul(s1, 5);
    const result = Math.imul((product << 7) | (product >>> 25), 9);
    s[0] = s0 ^ s3;
    s[1] = s1 ^ s2;
    s[2] = s2 ^ (s1 << 9);
    s[3] = (s3 << 11) | (s3 >>> 21);
    return result;
  }

  /** In (0, 1): safe under a logarithm. */
  private openUniform(): number {
    return ((this.nextInt() >>> 0) + 0.5) * TWO_POW_MINUS_32;
  }

  // The rare cases of the ziggurat (about 1 %): the base strip with its tail, and the wedges outside the
  // rectangles.
  private normalSlow(first: number): number {
    let hz = first;
    let iz = hz & 127;
    for (;;) {
      const x = hz * (wn[iz] as number);
      if (iz === 0) {
        let tail: number;
        let y: number;
        do {
          tail = -Math.log(this.openUniform()) / ZIGGURAT_R;
          y = -Math.log(this.openUniform());
        } while (y + y < tail * tail);
        return hz > 0 ? ZIGGURAT_R + tail : -ZIGGURAT_R - tail;
      }
      const f = fn[iz] as number;
      if (f + this.openUniform() * ((fn[iz - 1] as number) - f) < Math.exp(-0.5 * x * x)) return x;
      hz = this.nextInt();
      iz = hz & 127;
      if (Math.abs(hz) < (kn[iz] as number)) return hz * (wn[iz] as number);
    }
  }
}
