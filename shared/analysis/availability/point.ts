import { TRUE } from './bdd.ts';
import type { DecisionDiagram } from './bdd.ts';

/*
 * Evaluates a BDD of component variables at points "these few components down, every other up", as the
 * conditional flag of each cut set needs. Walking from the root would follow the all-up (high) chain through
 * thousands of nodes for every query; instead each node keeps jump pointers 2^k steps down its high chain
 * (binary lifting), so a query with three members costs a few dozen steps.
 */
export class DownSetEvaluator {
  private readonly dd: DecisionDiagram;
  private readonly root: number;
  /** Compact slot of each reachable node (by node id); terminals keep slots 0 and 1. */
  private readonly slot: Int32Array;
  /** Node id of each slot. */
  private readonly node: Int32Array;
  /** jumps[k][slot]: slot reached after 2^k high steps (terminals stay put). */
  private readonly jumps: Int32Array[] = [];
  /** Value with every remaining component up, by slot. */
  private readonly allUp: Uint8Array;

  constructor(dd: DecisionDiagram, root: number) {
    this.dd = dd;
    this.root = root;
    const mark = new Uint8Array(root + 1);
    mark[root] = 1;
    const ids: number[] = [0, 1];
    for (let i = root; i > TRUE; i--) {
      if (!mark[i]) continue;
      ids.push(i);
      mark[dd.lo[i]!] = 1;
      mark[dd.hi[i]!] = 1;
    }
    this.node = Int32Array.from(ids);
    this.slot = new Int32Array(root + 1);
    ids.forEach((id, s) => (this.slot[id] = s));
    const count = ids.length;
    const first = new Int32Array(count);
    const allUp = new Uint8Array(count);
    allUp[1] = 1;
    first[1] = 1;
    // Slots after the terminals are in descending id order: children (smaller ids) have larger slots.
    for (let s = count - 1; s >= 2; s--) {
      const h = this.slot[dd.hi[this.node[s]!]!]!;
      first[s] = h;
      allUp[s] = allUp[h]!;
    }
    this.allUp = allUp;
    this.jumps.push(first);
    for (let span = 2; span < count; span *= 2) {
      const previous = this.jumps[this.jumps.length - 1]!;
      const next = new Int32Array(count);
      for (let s = 0; s < count; s++) next[s] = previous[previous[s]!]!;
      this.jumps.push(next);
    }
  }

  /** The function's value with the components at `downLevels` (ascending) down and every other up. */
  holdsWithDown(downLevels: readonly number[]): boolean {
    const { dd, node, jumps } = this;
    const level = (s: number): number => dd.level[node[s]!]!;
    let s = this.slot[this.root]!;
    for (const c of downLevels) {
      if (level(s) < c) {
        // Climb to the last node of the high chain above level c, then one step more.
        for (let k = jumps.length - 1; k >= 0; k--) {
          const t = jumps[k]![s]!;
          if (level(t) < c) s = t;
        }
        s = jumps[0]![s]!;
      }
      if (level(s) === c) s = this.slot[dd.lo[node[s]!]!]!;
    }
    return this.allUp[s] === 1;
  }
}
