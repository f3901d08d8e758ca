import { describe, expect, it } from 'vitest';
import { BddBudgetError, DecisionDiagram, FALSE, TRUE } from './bdd.ts';

/** A ZDD of the given family of sets (variables as small integers). */
function family(dd: DecisionDiagram, sets: number[][]): number {
  const build = (list: number[][], from: number): number => {
    if (list.length === 0) return FALSE;
    if (list.some((s) => s.length === 0) && list.every((s) => s.length === 0)) return TRUE;
    const v = Math.min(...list.flatMap((s) => s));
    const withV = list.filter((s) => s.includes(v)).map((s) => s.filter((x) => x !== v));
    const withoutV = list.filter((s) => !s.includes(v));
    return dd.mkZ(v, build(withoutV, from + 1), build(withV, from + 1));
  };
  return build(sets, 0);
}

/** The sets of a ZDD, each sorted, as strings. */
function setsOf(dd: DecisionDiagram, root: number): string[] {
  const out: string[] = [];
  const walk = (n: number, prefix: number[]): void => {
    if (n === FALSE) return;
    if (n === TRUE) {
      out.push(prefix.join(','));
      return;
    }
    walk(dd.lo[n] as number, prefix);
    walk(dd.hi[n] as number, [...prefix, dd.level[n] as number]);
  };
  walk(root, []);
  return out.sort();
}

describe('DecisionDiagram', () => {
  it('shares equal nodes and reduces redundant tests', () => {
    const dd = new DecisionDiagram(100);
    const x = dd.variable(0);
    expect(dd.variable(0)).toBe(x);
    expect(dd.mk(3, x, x)).toBe(x);
    expect(dd.and(x, dd.negatedVariable(0))).toBe(FALSE);
    expect(dd.or(x, dd.negatedVariable(0))).toBe(TRUE);
  });

  it('keeps the sets of p that contain no set of q (Rauzy’s without)', () => {
    const dd = new DecisionDiagram(1000);
    const p = family(dd, [[1], [2, 3], [2, 4], [3, 5], [0, 5]]);
    const q = family(dd, [[2], [5]]);
    expect(setsOf(dd, dd.without(p, q))).toEqual(['1']);
    const r = family(dd, [[0, 3], [4]]);
    expect(setsOf(dd, dd.without(p, r))).toEqual(['0,5', '1', '2,3', '3,5']);
    expect(dd.without(p, TRUE)).toBe(FALSE);
    expect(dd.without(p, FALSE)).toBe(p);
  });

  it('throws a budget error instead of growing without bound', () => {
    const dd = new DecisionDiagram(8);
    expect(() => {
      let f = TRUE;
      for (let v = 20; v >= 0; v--) f = dd.and(dd.variable(v), f);
    }).toThrow(BddBudgetError);
  });
});
