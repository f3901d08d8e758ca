import type { GraphConnection, ScenarioGraph } from '../graph.ts';
import type { CallStep, RequestPath, Step } from '../request-path.ts';

/*
 * The random variables of a journey's structure function and their order in the diagram. A variable is
 * true with probability `probability`: a component is up, a probabilistic call is taken, or one link of an
 * exclusive choice picks its branch. A choice among m branches with shares s₁..sₘ is a chain of m − 1
 * conditional Bernoullis: link b picks branch b with probability s_b / (s_b + … + sₘ) when no earlier link
 * did, and the last branch is taken when none did. That is exact: P(branch b) = s_b.
 *
 * The order is a depth-first walk of the request path from the entry: a component's variable, then for each
 * of its steps the step's branch variables each followed by the subtree behind it. Series and parallel parts
 * then occupy contiguous ranges of levels, which keeps their diagrams linear in size; a shared dependency
 * gets its place where the walk first meets it.
 */

/** Edge variable marker: the call is always taken (probability 1, or the last branch of a choice). */
export const ALWAYS = -1;
/** Edge variable marker: the call is never taken (probability 0). */
export const NEVER = -2;

export interface VariableTable {
  readonly count: number;
  /** Probability that the variable is true, by level. */
  readonly probability: Float64Array;
  /** 1 − probability, kept apart so unavailabilities near 0 keep their digits. */
  readonly complement: Float64Array;
  /** The component a level stands for (its up state), or -1 for a branch variable. */
  readonly component: Int32Array;
  /** Level of each component's up variable, by component index (-1 when not reached). */
  readonly componentLevel: Int32Array;
  /**
   * By connection index: for a probabilistic call or parallel member, the level of its "taken" variable; for
   * an exclusive branch, the level of the chain link that picks it. ALWAYS or NEVER when constant.
   */
  readonly edgeLevel: Int32Array;
  /** True when some branch variable exists (cut sets then quantify over branch outcomes). */
  readonly hasBranchVariables: boolean;
}

/** The calls of a step, in order. */
export function callsOf(step: Step): readonly CallStep[] {
  return step.type === 'call' ? [step.call] : step.branches;
}

/** Orders the variables of `path` (which must have no errors) by a depth-first walk from its entry. */
export function orderVariables(graph: ScenarioGraph, path: RequestPath): VariableTable {
  const probability: number[] = [];
  const complement: number[] = [];
  const component: number[] = [];
  const componentLevel = new Int32Array(graph.components.length).fill(-1);
  const edgeLevel = new Int32Array(graph.connections.length).fill(ALWAYS);
  let hasBranchVariables = false;

  const addVariable = (p: number, q: number, c: number): number => {
    probability.push(p);
    complement.push(q);
    component.push(c);
    return probability.length - 1;
  };
  const addBernoulli = (edge: number, p: number): void => {
    if (p >= 1) edgeLevel[edge] = ALWAYS;
    else if (p <= 0) edgeLevel[edge] = NEVER;
    else {
      edgeLevel[edge] = addVariable(p, 1 - p, -1);
      hasBranchVariables = true;
    }
  };

  // Work items on an explicit stack (the path can be thousands of components deep): a component to visit
  // (≥ 0), or a deferred action that creates the branch variable of a call just before its subtree.
  type Action = () => void;
  const stack: (number | Action)[] = [path.entry];
  while (stack.length > 0) {
    const item = stack.pop() as number | Action;
    if (typeof item === 'function') {
      item();
      continue;
    }
    const u = item;
    if (componentLevel[u] !== -1) continue;
    const c = graph.components[u];
    if (!c) continue;
    componentLevel[u] = addVariable(c.serviceAvailability, 1 - c.serviceAvailability, u);
    const items: (number | Action)[] = [];
    for (const step of path.steps[u] ?? []) {
      const calls = callsOf(step);
      const shares = step.type === 'exclusive' ? step.shares : null;
      // Suffix sums of the shares: a chain link's probability is its share over what is left.
      const left: number[] = [];
      if (shares) {
        let sum = 0;
        for (let b = shares.length - 1; b >= 0; b--) left[b] = sum += shares[b] ?? 0;
      }
      calls.forEach((call, b) => {
        const edge = graph.connections[call.edge] as GraphConnection;
        if (shares) {
          const last = b === calls.length - 1;
          const share = shares[b] ?? 0;
          const rest = left[b] ?? 0;
          items.push(() => {
            if (last) edgeLevel[call.edge] = ALWAYS;
            else addBernoulli(call.edge, rest > 0 ? Math.min(1, share / rest) : 0);
          });
        } else if (edge.hard || (step.type === 'parallel' && step.join !== 'all')) {
          // A soft call never fails the request, except as one of the answers a k-of-n join counts.
          items.push(() => addBernoulli(call.edge, edge.probability));
        }
        items.push(edge.target);
        for (const f of call.fallbacks) {
          const fallback = graph.connections[f];
          if (fallback) items.push(fallback.target);
        }
      });
    }
    for (let i = items.length - 1; i >= 0; i--) stack.push(items[i] as number | Action);
  }

  return {
    count: probability.length,
    probability: Float64Array.from(probability),
    complement: Float64Array.from(complement),
    component: Int32Array.from(component),
    componentLevel,
    edgeLevel,
    hasBranchVariables,
  };
}
