import { FrameStack } from './frame-stack.ts';

/*
 * A reduced ordered binary decision diagram store (Bryant 1986) in typed arrays: no object per node, no string
 * keys, so 10⁵–10⁶ nodes stay cheap. Nodes are hash-consed in one unique table; a node's children always have
 * smaller ids than the node, so ascending ids are a topological order (the probability passes rely on it).
 * The same store also holds zero-suppressed nodes (Minato 1993) for families of cut sets: the triples are the
 * same, only the reduction rule differs (`mk` vs `mkZ`), and no operation mixes the two readings.
 *
 * Every operation is iterative with an explicit stack: a series chain of 20,000 components is a diagram 20,000
 * levels deep, far beyond what recursion survives in a worker.
 */

/** The constant false (for a family of sets: the empty family ∅). */
export const FALSE = 0;
/** The constant true (for a family of sets: the family holding only the empty set {∅}). */
export const TRUE = 1;
/** Level of the terminals: below every variable. */
export const TERMINAL_LEVEL = 0x7fffffff;

/** Thrown when a computation would need more nodes than its budget allows. */
export class BddBudgetError extends Error {
  readonly nodeBudget: number;
  constructor(nodeBudget: number) {
    super(`decision diagram node budget of ${nodeBudget} exceeded`);
    this.name = 'BddBudgetError';
    this.nodeBudget = nodeBudget;
  }
}

const OP_AND = 1;
const OP_OR = 2;
const OP_WITHOUT = 3;
/** ifVariable(v, …) uses op OP_IF_VARIABLE + v in the computed cache. */
const OP_IF_VARIABLE = 4;

function hash3(x: number, y: number, z: number): number {
  let h = Math.imul(x, 0x9e3779b1) ^ Math.imul(y, 0x85ebca6b) ^ Math.imul(z, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 13)) >>> 0;
}

/** The node store with its unique table, computed cache and the operations on it. */
export class DecisionDiagram {
  /** Variable (level) of each node; TERMINAL_LEVEL for the two terminals. */
  level: Int32Array;
  lo: Int32Array;
  hi: Int32Array;
  /** Nodes in use (ids 0 .. size − 1). */
  size = 2;
  readonly nodeBudget: number;

  private buckets: Int32Array;
  private bucketMask: number;
  private cacheA: Int32Array;
  private cacheB: Int32Array;
  private cacheOp: Int32Array;
  private cacheR: Int32Array;
  private cacheMask: number;
  private readonly applyStack = new FrameStack();
  private readonly withoutStack = new FrameStack();
  private readonly iteStack = new FrameStack();

  constructor(nodeBudget: number, initialCapacity = 1 << 12) {
    this.nodeBudget = nodeBudget;
    // Powers of two throughout: the unique table's mask relies on it after every doubling.
    const capacity = nextPowerOfTwo(Math.max(16, Math.min(initialCapacity, nodeBudget)));
    this.level = new Int32Array(capacity);
    this.lo = new Int32Array(capacity);
    this.hi = new Int32Array(capacity);
    this.level[0] = TERMINAL_LEVEL;
    this.level[1] = TERMINAL_LEVEL;
    this.lo[1] = 1;
    this.hi[1] = 1;
    const bucketCount = nextPowerOfTwo(capacity * 2);
    this.buckets = new Int32Array(bucketCount);
    this.bucketMask = bucketCount - 1;
    const cacheSize = Math.min(capacity, 1 << 20);
    this.cacheA = new Int32Array(cacheSize).fill(-1);
    this.cacheB = new Int32Array(cacheSize);
    this.cacheOp = new Int32Array(cacheSize);
    this.cacheR = new Int32Array(cacheSize);
    this.cacheMask = cacheSize - 1;
  }

  /** The node (v ? hi : lo), reduced as a BDD: equal children make no node. */
  mk(v: number, lo: number, hi: number): number {
    return lo === hi ? lo : this.unique(v, lo, hi);
  }

  /** The family-of-sets node (sets of `hi` with v added, plus sets of `lo`), reduced as a ZDD. */
  mkZ(v: number, lo: number, hi: number): number {
    return hi === FALSE ? lo : this.unique(v, lo, hi);
  }

  /** The single-variable function x_v. */
  variable(v: number): number {
    return this.unique(v, FALSE, TRUE);
  }

  /** The single-variable function ¬x_v. */
  negatedVariable(v: number): number {
    return this.unique(v, TRUE, FALSE);
  }

  and(f: number, g: number): number {
    return this.apply(OP_AND, f, g);
  }

  or(f: number, g: number): number {
    return this.apply(OP_OR, f, g);
  }

  /**
   * if x_v then f else g, for any f and g. When v comes before both it is one node; otherwise the parts of f
   * and g above level v are walked together and copied once, with the test of v inserted below them.
   * Frames: a = f, b = g, c = level, d = low result.
   */
  ifVariable(v: number, f0: number, g0: number): number {
    const op = OP_IF_VARIABLE + v;
    const s = this.iteStack;
    let sp = 1;
    let ret = 0;
    s.a[0] = f0;
    s.b[0] = g0;
    s.state[0] = 0;
    while (sp > 0) {
      const i = sp - 1;
      const st = s.state[i];
      if (st === 0) {
        const f = s.a[i]!;
        const g = s.b[i]!;
        const lf = this.level[f]!;
        const lg = this.level[g]!;
        if (f === g) ret = f;
        else if (v < lf && v < lg) ret = this.unique(v, g, f);
        else if (v <= lf && v <= lg) {
          // f or g tests v itself (a shared component's own variable): keep the cofactors that agree with v.
          ret = this.mk(v, lg === v ? this.lo[g]! : g, lf === v ? this.hi[f]! : f);
        } else {
          const r = this.cached(op, f, g);
          if (r < 0) {
            this.descend(s, i, sp, lf < lg ? lf : lg);
            sp++;
            continue;
          }
          ret = r;
        }
        sp--;
      } else if (st === 1) {
        this.ascend(s, i, sp, ret);
        sp++;
      } else {
        ret = this.combine(s, i, op, ret);
        sp--;
      }
    }
    return ret;
  }

  /*
   * The three moves of a binary operation on an explicit stack (frames: a = f, b = g, c = level, d = low result),
   * shared by ifVariable and apply.
   */

  /** Frame i splits on level v and waits for its operands' low cofactors, pushed as frame sp. */
  private descend(s: FrameStack, i: number, sp: number, v: number): void {
    const f = s.a[i]!;
    const g = s.b[i]!;
    s.c[i] = v;
    s.state[i] = 1;
    s.ensure(sp);
    s.a[sp] = this.level[f] === v ? this.lo[f]! : f;
    s.b[sp] = this.level[g] === v ? this.lo[g]! : g;
    s.state[sp] = 0;
  }

  /** Frame i keeps its low result and waits for the high cofactors, pushed as frame sp. */
  private ascend(s: FrameStack, i: number, sp: number, low: number): void {
    s.d[i] = low;
    s.state[i] = 2;
    const f = s.a[i]!;
    const g = s.b[i]!;
    const v = s.c[i]!;
    s.ensure(sp);
    s.a[sp] = this.level[f] === v ? this.hi[f]! : f;
    s.b[sp] = this.level[g] === v ? this.hi[g]! : g;
    s.state[sp] = 0;
  }

  /** Frame i has both results: its node, remembered under `op`. */
  private combine(s: FrameStack, i: number, op: number, high: number): number {
    const r = this.mk(s.c[i]!, s.d[i]!, high);
    this.remember(op, s.a[i]!, s.b[i]!, r);
    return r;
  }

  private unique(v: number, lo: number, hi: number): number {
    const level = this.level;
    const los = this.lo;
    const his = this.hi;
    let i = hash3(v, lo, hi) & this.bucketMask;
    for (;;) {
      const n = this.buckets[i]!;
      if (n === 0) break;
      if (level[n] === v && los[n] === lo && his[n] === hi) return n;
      i = (i + 1) & this.bucketMask;
    }
    if (this.size >= this.nodeBudget) throw new BddBudgetError(this.nodeBudget);
    if (this.size === this.level.length) {
      this.growNodes();
      return this.unique(v, lo, hi);
    }
    const n = this.size++;
    this.level[n] = v;
    this.lo[n] = lo;
    this.hi[n] = hi;
    this.buckets[i] = n;
    return n;
  }

  private growNodes(): void {
    const capacity = this.level.length * 2;
    const grow = (old: Int32Array): Int32Array => {
      const next = new Int32Array(capacity);
      next.set(old);
      return next;
    };
    this.level = grow(this.level);
    this.lo = grow(this.lo);
    this.hi = grow(this.hi);
    const bucketCount = capacity * 2;
    this.buckets = new Int32Array(bucketCount);
    this.bucketMask = bucketCount - 1;
    for (let n = 2; n < this.size; n++) {
      let i = hash3(this.level[n]!, this.lo[n]!, this.hi[n]!) & this.bucketMask;
      while (this.buckets[i] !== 0) i = (i + 1) & this.bucketMask;
      this.buckets[i] = n;
    }
    // The computed cache grows with the store (up to 1 M entries); entries are simply dropped.
    const cacheSize = Math.min(capacity, 1 << 20);
    if (cacheSize > this.cacheA.length) {
      this.cacheA = new Int32Array(cacheSize).fill(-1);
      this.cacheB = new Int32Array(cacheSize);
      this.cacheOp = new Int32Array(cacheSize);
      this.cacheR = new Int32Array(cacheSize);
      this.cacheMask = cacheSize - 1;
    }
  }

  private cached(op: number, a: number, b: number): number {
    const i = hash3(op, a, b) & this.cacheMask;
    return this.cacheA[i] === a && this.cacheB[i] === b && this.cacheOp[i] === op ? this.cacheR[i]! : -1;
  }

  private remember(op: number, a: number, b: number, r: number): void {
    const i = hash3(op, a, b) & this.cacheMask;
    this.cacheA[i] = a;
    this.cacheB[i] = b;
    this.cacheOp[i] = op;
    this.cacheR[i] = r;
  }

  /** AND / OR of two BDDs (Bryant's apply), iterative. Frames: a = f, b = g, c = level, d = low result. */
  private apply(op: number, f0: number, g0: number): number {
    const s = this.applyStack;
    let sp = 1;
    let ret = 0;
    s.a[0] = f0;
    s.b[0] = g0;
    s.state[0] = 0;
    while (sp > 0) {
      const i = sp - 1;
      const st = s.state[i];
      if (st === 0) {
        let f = s.a[i]!;
        let g = s.b[i]!;
        let r = -1;
        if (op === OP_AND) {
          if (f === FALSE || g === FALSE) r = FALSE;
          else if (f === TRUE || f === g) r = g;
          else if (g === TRUE) r = f;
        } else if (f === TRUE || g === TRUE) r = TRUE;
        else if (f === FALSE || f === g) r = g;
        else if (g === FALSE) r = f;
        if (r < 0) {
          if (f > g) {
            const t = f;
            f = g;
            g = t;
            s.a[i] = f;
            s.b[i] = g;
          }
          r = this.cached(op, f, g);
        }
        if (r >= 0) {
          ret = r;
          sp--;
          continue;
        }
        const lf = this.level[f]!;
        const lg = this.level[g]!;
        this.descend(s, i, sp, lf < lg ? lf : lg);
        sp++;
      } else if (st === 1) {
        this.ascend(s, i, sp, ret);
        sp++;
      } else {
        ret = this.combine(s, i, op, ret);
        sp--;
      }
    }
    return ret;
  }

  /**
   * Family-of-sets difference for minimal solutions (Rauzy 1993): the sets of family `p` that contain no set
   * of family `q`. Both are ZDDs of minimal families (a sub-family holding ∅ is exactly {∅}).
   * Frames: a = p, b = q, c = level, d = partial result.
   */
  without(p0: number, q0: number): number {
    const s = this.withoutStack;
    let sp = 1;
    let ret = 0;
    s.a[0] = p0;
    s.b[0] = q0;
    s.state[0] = 0;
    while (sp > 0) {
      const i = sp - 1;
      const st = s.state[i];
      if (st === 0) {
        const p = s.a[i]!;
        const q = s.b[i]!;
        let r: number;
        if (q === FALSE) r = p;
        else if (p === FALSE || q === TRUE || p === q) r = FALSE;
        // q is a minimal family other than {∅}, so it does not hold ∅: {∅} keeps its only set.
        else if (p === TRUE) r = TRUE;
        else r = this.cached(OP_WITHOUT, p, q);
        if (r >= 0) {
          ret = r;
          sp--;
          continue;
        }
        const lp = this.level[p]!;
        const lq = this.level[q]!;
        s.ensure(sp);
        s.state[sp] = 0;
        if (lq < lp) {
          // q's sets holding its top variable cannot lie inside p's sets: only q's low side matters. The
          // answer is remembered for (p, q) too, so a long chain of such steps is walked once.
          s.state[i] = 4;
          s.a[sp] = p;
          s.b[sp] = this.lo[q]!;
          sp++;
          continue;
        }
        // Sets without p's top variable: compared with q's sets that lack it too.
        s.c[i] = lp;
        s.state[i] = 1;
        s.a[sp] = this.lo[p]!;
        s.b[sp] = lq === lp ? this.lo[q]! : q;
        sp++;
      } else if (st === 1) {
        // Sets with the variable: remove supersets of q's sets without it, then of those with it.
        s.d[i] = ret;
        s.state[i] = 2;
        const p = s.a[i]!;
        const q = s.b[i]!;
        const v = s.c[i]!;
        s.ensure(sp);
        s.a[sp] = this.hi[p]!;
        s.b[sp] = this.level[q] === v ? this.lo[q]! : q;
        s.state[sp] = 0;
        sp++;
      } else if (st === 2) {
        const q = s.b[i]!;
        const v = s.c[i]!;
        if (this.level[q] === v) {
          s.state[i] = 3;
          s.ensure(sp);
          s.a[sp] = ret;
          s.b[sp] = this.hi[q]!;
          s.state[sp] = 0;
          sp++;
        } else {
          s.state[i] = 3;
        }
      } else if (st === 3) {
        const r = this.mkZ(s.c[i]!, s.d[i]!, ret);
        this.remember(OP_WITHOUT, s.a[i]!, s.b[i]!, r);
        ret = r;
        sp--;
      } else {
        this.remember(OP_WITHOUT, s.a[i]!, s.b[i]!, ret);
        sp--;
      }
    }
    return ret;
  }
}

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}
