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
  /** The call through which the walk first reached each component (its variables follow there); -1 for none. */
  readonly firstEdge: Int32Array;
  /** True when some branch variable exists (cut sets then quantify over branch outcomes). */
  readonly hasBranchVariables: boolean;
}

/** The calls of a step, in order. */
export function callsOf(step: Step): readonly CallStep[] {
  return step.type === 'call' ? [step.call] : step.branches;
}

/** Orders the variables of `path` (which must have no errors) by a depth-first walk from its entry. */
export function orderVariables(graph: ScenarioGraph, path: RequestPath): VariableTable {
  // At most one variable per component and one per connection of the path (sized by the path, not the graph:
  // a design of 20,000 components analyses many small journeys, and per-graph arrays made GC the hot spot).
  const capacity = path.order.length + path.syncEdges.length + 1;
  const probability = new Float64Array(capacity);
  const complement = new Float64Array(capacity);
  const component = new Int32Array(capacity);
  const componentLevel = new Int32Array(graph.components.length).fill(-1);
  const edgeLevel = new Int32Array(graph.connections.length).fill(ALWAYS);
  let count = 0;
  let hasBranchVariables = false;

  const addVariable = (p: number, q: number, c: number): number => {
    probability[count] = p;
    complement[count] = q;
    component[count] = c;
    return count++;
  };
  const addBernoulli = (edge: number, p: number): void => {
    if (p >= 1) edgeLevel[edge] = ALWAYS;
    else if (p <= 0) edgeLevel[edge] = NEVER;
    else {
      edgeLevel[edge] = addVariable(p, 1 - p, -1);
      hasBranchVariables = true;
    }
  };

  // The probability each call's branch variable gets when the walk reaches it; absent for a call that needs none
  // (a soft call outside a k-of-n join). The last branch of a choice gets 1: taken when no link picked another.
  const pending = new Map<number, number>();
  // Work items on an explicit stack (the path can be thousands of components deep): 2e to visit the target
  // of call e (through e), 2e + 1 to create the branch variable of call e just before the subtree behind it.
  const firstEdge = new Int32Array(graph.components.length).fill(-1);
  const stack: number[] = [];
  const items: number[] = [];
  const pushCall = (call: CallStep): void => {
    if (pending.has(call.edge)) items.push(2 * call.edge + 1);
    items.push(2 * call.edge);
    for (const f of call.fallbacks) items.push(2 * f);
  };
  const visit = (u: number): void => {
    const c = graph.components[u];
    if (!c) return;
    componentLevel[u] = addVariable(c.serviceAvailability, 1 - c.serviceAvailability, u);
    items.length = 0;
    for (const step of path.steps[u] ?? []) {
      if (step.type === 'call') {
        const edge = graph.connections[step.call.edge] as GraphConnection;
        // A soft call never fails the request: it needs no variable.
        if (edge.hard) pending.set(step.call.edge, edge.probability);
        pushCall(step.call);
        continue;
      }
      const calls = step.branches;
      // A chain link's probability is its share over the shares left (suffix sums, last branch: 1).
      let left = 0;
      for (let b = calls.length - 1; b >= 0; b--) {
        const call = calls[b] as CallStep;
        const edge = graph.connections[call.edge] as GraphConnection;
        if (step.type === 'exclusive') {
          const share = step.shares[b] ?? 0;
          left += share;
          pending.set(call.edge, b === calls.length - 1 ? 1 : left > 0 ? Math.min(1, share / left) : 0);
        } else if (edge.hard || step.join !== 'all') {
          // Soft members count as answers of an any / k-of-n join.
          pending.set(call.edge, edge.probability);
        }
      }
      for (const call of calls) pushCall(call);
    }
    for (let i = items.length - 1; i >= 0; i--) stack.push(items[i] as number);
  };
  visit(path.entry);
  while (stack.length > 0) {
    const item = stack.pop() as number;
    const e = item >> 1;
    if (item & 1) {
      addBernoulli(e, pending.get(e) as number);
      continue;
    }
    const u = (graph.connections[e] as GraphConnection).target;
    if (componentLevel[u] !== -1) continue;
    firstEdge[u] = e;
    visit(u);
  }

  return {
    count,
    probability: probability.slice(0, count),
    complement: complement.slice(0, count),
    component: component.slice(0, count),
    componentLevel,
    edgeLevel,
    firstEdge,
    hasBranchVariables,
  };
}
