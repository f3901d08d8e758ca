import { FALSE, TRUE } from './bdd.ts';
import { FrameStack } from './frame-stack.ts';
import type { DecisionDiagram } from './bdd.ts';
import type { VariableTable } from './variables.ts';

/*
 * Minimal cut sets over component failures, by Rauzy's minimal-solutions algorithm (Rauzy 1993, "New
 * algorithms for fault trees analysis"), truncated at an order (Rauzy & Dutuit's cut-off by size).
 *
 * Input: A(x), "the request succeeds for every branch outcome", a monotone function of the components' up
 * variables. A set C of components is a cut set when A is false with C down and everything else up; the
 * minimal ones form a family of sets kept as a zero-suppressed diagram. For a node of A testing x:
 *   minsolₖ(A) = minsolₖ(A|x up) ∪ { {x} ∪ S : S ∈ minsolₖ₋₁(A|x down), S contains no set of minsolₖ(A|x up) }
 * (a set with x down is minimal only if it was not already a cut set with x up). Sets of size ≤ k − 1 can only
 * contain cut sets of size ≤ k − 1, so the truncated family is enough for the test.
 */

/** The family (as a ZDD root) of minimal cut sets of order ≤ maxOrder of the monotone function `allUp`. */
export function minimalCutSetFamily(dd: DecisionDiagram, allUp: number, maxOrder: number): number {
  if (allUp <= TRUE) return allUp === FALSE ? TRUE : FALSE;
  // survives[n]: the function at n is true with every component up (follow the high edges).
  const survives = new Uint8Array(allUp + 1);
  survives[TRUE] = 1;
  for (let i = 2; i <= allUp; i++) survives[i] = survives[dd.hi[i]!]!;
  const orders = maxOrder + 1;
  const memo = new Int32Array(orders * (allUp + 1)).fill(-1);
  const s = new FrameStack();
  let sp = 1;
  let ret = 0;
  s.a[0] = allUp;
  s.b[0] = maxOrder;
  s.state[0] = 0;
  while (sp > 0) {
    const i = sp - 1;
    const node = s.a[i]!;
    const k = s.b[i]!;
    const st = s.state[i];
    if (st === 0) {
      let r: number;
      // Fails with nothing down: {∅}, the only minimal set.
      if (!survives[node]) r = TRUE;
      else if (node === TRUE || k === 0) r = FALSE;
      else r = memo[node * orders + k]!;
      if (r >= 0) {
        ret = r;
        sp--;
        continue;
      }
      s.state[i] = 1;
      s.ensure(sp);
      s.a[sp] = dd.hi[node]!;
      s.b[sp] = k;
      s.state[sp] = 0;
      sp++;
    } else if (st === 1) {
      s.d[i] = ret;
      s.state[i] = 2;
      s.ensure(sp);
      s.a[sp] = dd.lo[node]!;
      s.b[sp] = k - 1;
      s.state[sp] = 0;
      sp++;
    } else {
      const withoutX = s.d[i]!;
      const r = dd.mkZ(dd.level[node]!, withoutX, dd.without(ret, withoutX));
      memo[node * orders + k] = r;
      ret = r;
      sp--;
    }
  }
  return ret;
}

export interface LeveledCutSet {
  /** Levels of the member components, in diagram order. */
  readonly levels: readonly number[];
  /** Product of the members' unavailabilities. */
  readonly probability: number;
}

export interface CutSetSelection {
  /** The most probable cut sets: by order, then probability descending; at most `limit`. */
  readonly sets: readonly LeveledCutSet[];
  /** Minimal cut sets per order (index 1..maxOrder), all of them. */
  readonly counts: readonly number[];
  /** True when some cut sets were left out of `sets`. */
  readonly truncated: boolean;
  /** Levels of every order-1 cut set (single points of failure), in diagram order. */
  readonly singles: readonly number[];
}

/** Upper bound on enumeration steps per order, so a pathological family cannot stall the analysis. */
const ENUMERATION_STEPS = 2_000_000;

/** Selects the `limit` most relevant sets of `family` (by order, then probability) and counts them all. */
export function selectCutSets(
  dd: DecisionDiagram,
  family: number,
  vars: VariableTable,
  maxOrder: number,
  limit: number,
): CutSetSelection {
  const orders = maxOrder + 1;
  // Compact index of the family's nodes, bottom-up (ascending ids).
  const mark = new Uint8Array(family + 1);
  mark[family] = 1;
  for (let i = family; i > TRUE; i--) {
    if (!mark[i]) continue;
    mark[dd.lo[i]!] = 1;
    mark[dd.hi[i]!] = 1;
  }
  const slot = new Int32Array(family + 1);
  let nodes = 0;
  for (let i = 0; i <= family; i++) if (mark[i] || i <= TRUE) slot[i] = nodes++;
  // count[j] and best[j] (largest probability of a set of size j, −1 for none) per node.
  const count = new Float64Array(nodes * orders);
  const best = new Float64Array(nodes * orders).fill(-1);
  count[slot[TRUE]! * orders] = 1;
  best[slot[TRUE]! * orders] = 1;
  for (let i = 2; i <= family; i++) {
    if (!mark[i]) continue;
    const me = slot[i]! * orders;
    const lo = slot[dd.lo[i]!]! * orders;
    const hi = slot[dd.hi[i]!]! * orders;
    const q = vars.complement[dd.level[i]!]!;
    count[me] = count[lo]!;
    best[me] = best[lo]!;
    for (let j = 1; j < orders; j++) {
      count[me + j] = count[lo + j]! + count[hi + j - 1]!;
      const withX = best[hi + j - 1]! < 0 ? -1 : q * best[hi + j - 1]!;
      best[me + j] = Math.max(best[lo + j]!, withX);
    }
  }

  const counts = [0];
  for (let j = 1; j < orders; j++) counts.push(count[slot[family]! * orders + j]!);
  const singles: number[] = [];
  for (let n = family; n > TRUE; n = dd.lo[n]!) if (dd.hi[n] === TRUE) singles.push(dd.level[n]!);

  const sets: LeveledCutSet[] = [];
  let truncated = false;
  for (let j = 1; j < orders; j++) {
    const room = limit - sets.length;
    if (room <= 0) {
      if (counts[j]! > 0) truncated = true;
      continue;
    }
    const found = topSetsOfOrder(dd, vars, family, j, room, slot, best, orders);
    if (found.exhausted || found.sets.length < counts[j]!) truncated = true;
    sets.push(...found.sets);
  }
  return { sets, counts, truncated, singles };
}

interface Partial {
  node: number;
  levels: number[];
  probability: number;
}

/**
 * Branch and bound over the family: the `room` most probable sets of exactly `order` members. `best` is an
 * exact bound, so a branch is dropped as soon as it cannot beat the weakest set kept.
 */
function topSetsOfOrder(
  dd: DecisionDiagram,
  vars: VariableTable,
  family: number,
  order: number,
  room: number,
  slot: Int32Array,
  best: Float64Array,
  orders: number,
): { sets: LeveledCutSet[]; exhausted: boolean } {
  const kept = new MinHeap(room);
  const stack: Partial[] = [{ node: family, levels: [], probability: 1 }];
  let steps = 0;
  while (stack.length > 0) {
    let { node: n, levels, probability } = stack.pop() as Partial;
    // Depth first, high side first, so good sets are found early and the bound starts pruning at once.
    while (n > TRUE) {
      if (++steps > ENUMERATION_STEPS) return { sets: kept.sorted(), exhausted: true };
      const need = order - levels.length;
      const bound = best[slot[n]! * orders + need]!;
      if (bound < 0 || (kept.full && probability * bound <= kept.min)) break;
      stack.push({ node: dd.lo[n]!, levels, probability });
      const v = dd.level[n]!;
      levels = [...levels, v];
      probability *= vars.complement[v]!;
      n = dd.hi[n]!;
    }
    if (n === TRUE && levels.length === order) kept.offer({ levels, probability });
  }
  return { sets: kept.sorted(), exhausted: false };
}

/** Keeps the `capacity` most probable sets seen. */
class MinHeap {
  private readonly items: LeveledCutSet[] = [];
  private readonly capacity: number;
  constructor(capacity: number) {
    this.capacity = capacity;
  }

  get full(): boolean {
    return this.items.length >= this.capacity;
  }

  get min(): number {
    return this.items[0]?.probability ?? -1;
  }

  offer(item: LeveledCutSet): void {
    const items = this.items;
    if (!this.full) {
      items.push(item);
      let i = items.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if ((items[parent] as LeveledCutSet).probability <= item.probability) break;
        items[i] = items[parent] as LeveledCutSet;
        i = parent;
      }
      items[i] = item;
      return;
    }
    if (item.probability <= this.min) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= items.length) break;
      const right = left + 1;
      const child =
        right < items.length &&
        (items[right] as LeveledCutSet).probability < (items[left] as LeveledCutSet).probability
          ? right
          : left;
      if ((items[child] as LeveledCutSet).probability >= item.probability) break;
      items[i] = items[child] as LeveledCutSet;
      i = child;
    }
    items[i] = item;
  }

  /** Most probable first; ties by diagram order of the members. */
  sorted(): LeveledCutSet[] {
    return [...this.items].sort((a, b) => b.probability - a.probability || compareLevels(a.levels, b.levels));
  }
}

function compareLevels(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}
