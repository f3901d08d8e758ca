import { FALSE, TRUE } from './bdd.ts';
import type { DecisionDiagram } from './bdd.ts';
import type { VariableTable } from './variables.ts';

/*
 * Probabilities read off a BDD in passes linear in its size. Node ids grow from children to parents, so one
 * ascending sweep is a bottom-up pass and one descending sweep a top-down pass; only nodes reachable from the
 * root take part. The failure probability is carried next to the success probability: at four or five nines,
 * 1 − P(success) would keep only a few significant digits of the downtime.
 */

export interface DiagramProbabilities {
  /** P(f = 1). */
  readonly success: number;
  /** P(f = 0), computed directly (not as 1 − success). */
  readonly failure: number;
  /**
   * Birnbaum importance of each variable, by level: ∂P(f)/∂p_v = P(f | v) − P(f | ¬v). The sum over the nodes
   * labelled v of (probability of reaching the node) × (P(high) − P(low)).
   */
  readonly importance: Float64Array;
}

/** Marks the nodes reachable from `root` (index ≤ root). */
function reachable(dd: DecisionDiagram, root: number): Uint8Array {
  const mark = new Uint8Array(root + 1);
  mark[root] = 1;
  for (let i = root; i > TRUE; i--) {
    if (!mark[i]) continue;
    mark[dd.lo[i]!] = 1;
    mark[dd.hi[i]!] = 1;
  }
  return mark;
}

/** Failure probability of every reachable node, by node id (index ≤ root). */
function failureByNode(
  dd: DecisionDiagram,
  root: number,
  vars: VariableTable,
  mark: Uint8Array,
): Float64Array {
  const failure = new Float64Array(root + 1);
  failure[FALSE] = 1;
  failure[TRUE] = 0;
  const { level, lo, hi } = dd;
  for (let i = 2; i <= root; i++) {
    if (!mark[i]) continue;
    const v = level[i]!;
    failure[i] = vars.probability[v]! * failure[hi[i]!]! + vars.complement[v]! * failure[lo[i]!]!;
  }
  return failure;
}

/** P(f = 0) for the function rooted at `root`. */
export function failureProbability(dd: DecisionDiagram, root: number, vars: VariableTable): number {
  if (root <= TRUE) return root === TRUE ? 0 : 1;
  return failureByNode(dd, root, vars, reachable(dd, root))[root]!;
}

/** Success and failure probability of `root` and the Birnbaum importance of every variable. */
export function diagramProbabilities(
  dd: DecisionDiagram,
  root: number,
  vars: VariableTable,
): DiagramProbabilities {
  const importance = new Float64Array(vars.count);
  if (root <= TRUE) return { success: root, failure: 1 - root, importance };
  const mark = reachable(dd, root);
  const failure = failureByNode(dd, root, vars, mark);
  const success = new Float64Array(root + 1);
  success[TRUE] = 1;
  const { level, lo, hi } = dd;
  for (let i = 2; i <= root; i++) {
    if (!mark[i]) continue;
    const v = level[i]!;
    success[i] = vars.probability[v]! * success[hi[i]!]! + vars.complement[v]! * success[lo[i]!]!;
  }
  // Top-down: the probability that a random assignment's path passes through each node.
  const reach = new Float64Array(root + 1);
  reach[root] = 1;
  for (let i = root; i > TRUE; i--) {
    if (!mark[i]) continue;
    const v = level[i]!;
    const r = reach[i]!;
    const l = lo[i]!;
    const h = hi[i]!;
    reach[h] = reach[h]! + r * vars.probability[v]!;
    reach[l] = reach[l]! + r * vars.complement[v]!;
    importance[v] = importance[v]! + r * (failure[l]! - failure[h]!);
  }
  return { success: success[root]!, failure: failure[root]!, importance };
}
