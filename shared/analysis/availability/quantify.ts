import { TRUE } from './bdd.ts';
import { FrameStack } from './frame-stack.ts';
import type { DecisionDiagram } from './bdd.ts';
import type { VariableTable } from './variables.ts';

/**
 * Quantifies every branch variable out of `root`: 'every' gives "true for every branch outcome" (∀), 'some'
 * gives "true for some branch outcome" (∃). The result depends on component variables only. Iterative, one
 * memo entry per input node.
 */
export function quantifyBranches(
  dd: DecisionDiagram,
  root: number,
  vars: VariableTable,
  mode: 'every' | 'some',
): number {
  if (root <= TRUE || !vars.hasBranchVariables) return root;
  const memo = new Int32Array(root + 1).fill(-1);
  const s = new FrameStack();
  let sp = 1;
  let ret = 0;
  s.a[0] = root;
  s.state[0] = 0;
  while (sp > 0) {
    const i = sp - 1;
    const node = s.a[i]!;
    const st = s.state[i];
    if (st === 0) {
      if (node <= TRUE || memo[node]! >= 0) {
        ret = node <= TRUE ? node : memo[node]!;
        sp--;
        continue;
      }
      s.state[i] = 1;
      s.ensure(sp);
      s.a[sp] = dd.lo[node]!;
      s.state[sp] = 0;
      sp++;
    } else if (st === 1) {
      s.d[i] = ret;
      s.state[i] = 2;
      s.ensure(sp);
      s.a[sp] = dd.hi[node]!;
      s.state[sp] = 0;
      sp++;
    } else {
      const v = dd.level[node]!;
      const low = s.d[i]!;
      let r: number;
      if (vars.component[v] !== -1) r = dd.mk(v, low, ret);
      else r = mode === 'every' ? dd.and(low, ret) : dd.or(low, ret);
      memo[node] = r;
      ret = r;
      sp--;
    }
  }
  return ret;
}
