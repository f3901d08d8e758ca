import { BATCH_LANES } from './batch-frame.ts';
import type { Frame } from './batch-frame.ts';
import { attempts, callSite } from './batch-calls.ts';
import type { BatchState } from './batch-state.ts';
import { JOIN_ALL, STEP_CALL, STEP_EXCLUSIVE } from './program.ts';

/*
 * The batch sampler's visits and steps (see batch-sampler.ts): a visit draws its service time for its lanes,
 * then runs its steps in order; a call step goes to batch-calls.ts, with fast paths for the common single
 * call and single call to a leaf; an exclusive step splits the lanes by the branch each drew; a parallel step
 * runs every branch for every lane and joins per lane.
 */

/** Visit site `site` for the lanes of the list: results in frame(depth).visit*. */
export function visit(bs: BatchState, site: number, list: number, count: number, depth: number): void {
  const p = bs.p;
  const f = bs.frame(depth);
  const c = p.visitComponent[site] as number;
  bs.drawDelays(
    f.visitTtftMs,
    p.serviceShape[c] as number,
    p.serviceMu[c] as number,
    p.serviceSigma[c] as number,
    list,
    count,
  );
  const generationMs = p.generationMs[c] as number;
  const lists = bs.lists;
  for (let k = 0; k < count; k++) {
    const lane = lists[list + k] as number;
    f.visitMs[lane] = (f.visitTtftMs[lane] as number) + generationMs;
    f.visitOk[lane] = 1;
  }
  const end = p.visitStepEnd[site] as number;
  for (let s = p.visitStepStart[site] as number; s < end; s++) {
    const kind = p.stepKind[s] as number;
    const first = p.stepCallStart[s] as number;
    if (kind === STEP_CALL && p.callSimple[first] === 1) {
      simpleCall(bs, first, list, count, depth);
    } else if (kind === STEP_CALL) {
      callSite(bs, first, true, list, count, depth);
      addCall(bs, f, first, list, count);
    } else if (kind === STEP_EXCLUSIVE) {
      exclusive(bs, s, first, list, count, depth);
    } else {
      parallel(bs, s, first, list, count, depth);
    }
  }
}

/**
 * A call step of one call without fallbacks (most of them): its Bernoulli draw and attempts, added straight
 * to the visit totals (the scalar sampler's fast path, with the same draws and sums).
 */
function simpleCall(bs: BatchState, site: number, list: number, count: number, depth: number): void {
  const p = bs.p;
  const f = bs.frame(depth);
  const probability = p.probability[p.callEdge[site] as number] as number;
  let taken = list;
  let takenCount = count;
  if (probability < 1) {
    bs.drawUniforms(f.uniforms, list, count);
    taken = bs.push(count);
    const lists = bs.lists;
    takenCount = 0;
    for (let k = 0; k < count; k++) {
      const lane = lists[list + k] as number;
      if ((f.uniforms[lane] as number) < probability) lists[taken + takenCount++] = lane;
    }
  }
  if (takenCount > 0 && p.retries[p.callEdge[site] as number] === 0 && isLeafCall(bs, site)) {
    leafCall(bs, site, taken, takenCount, depth);
  } else if (takenCount > 0) {
    attempts(bs, site, taken, takenCount, depth);
    const lists = bs.lists;
    const hard = p.hard[p.callEdge[site] as number] === 1;
    for (let k = 0; k < takenCount; k++) {
      const lane = lists[taken + k] as number;
      f.visitMs[lane] = (f.visitMs[lane] as number) + (f.attemptMs[lane] as number);
      f.visitTtftMs[lane] = (f.visitTtftMs[lane] as number) + (f.attemptTtftMs[lane] as number);
      if (f.attemptOk[lane] === 0 && hard) f.visitOk[lane] = 0;
    }
  }
  if (taken !== list) bs.top = taken;
}

function isLeafCall(bs: BatchState, site: number): boolean {
  const target = bs.p.callTarget[site] as number;
  return bs.p.visitStepStart[target] === bs.p.visitStepEnd[target];
}

/**
 * One attempt at a leaf target, added straight to the visit totals: attempts() and the sums of
 * simpleCall() in one pass, for the commonest call of all.
 */
function leafCall(bs: BatchState, site: number, list: number, count: number, depth: number): void {
  const p = bs.p;
  const f = bs.frame(depth);
  const e = p.callEdge[site] as number;
  const timeout = p.timeoutMs[e] as number;
  const availability = p.targetAvailability[e] as number;
  const hard = p.hard[e] === 1;
  const c = p.visitComponent[p.callTarget[site] as number] as number;
  const generationMs = p.generationMs[c] as number;
  bs.drawDelays(
    f.networkMs,
    p.networkShape[e] as number,
    p.networkMu[e] as number,
    p.networkSigma[e] as number,
    list,
    count,
  );
  if (availability < 1) bs.drawUniforms(f.uniforms, list, count);
  bs.drawDelays(
    f.serviceMs,
    p.serviceShape[c] as number,
    p.serviceMu[c] as number,
    p.serviceSigma[c] as number,
    list,
    count,
  );
  const lists = bs.lists;
  for (let k = 0; k < count; k++) {
    const lane = lists[list + k] as number;
    const networkMs = f.networkMs[lane] as number;
    let ms: number;
    let ttft: number;
    let ok = false;
    if (availability < 1 && (f.uniforms[lane] as number) >= availability) {
      ms = networkMs < timeout ? networkMs : timeout;
      ttft = ms;
    } else {
      const serviceMs = f.serviceMs[lane] as number;
      const visitMs = serviceMs + generationMs;
      if (networkMs + visitMs > timeout) {
        ms = timeout;
        ttft = timeout;
      } else {
        ms = networkMs + visitMs;
        ttft = networkMs + serviceMs;
        ok = true;
      }
    }
    f.visitMs[lane] = (f.visitMs[lane] as number) + ms;
    f.visitTtftMs[lane] = (f.visitTtftMs[lane] as number) + ttft;
    if (!ok && hard) f.visitOk[lane] = 0;
  }
}

/** Adds the call results of `site` (frame.call*) to the visit totals of the lanes of the list. */
function addCall(bs: BatchState, f: Frame, site: number, list: number, count: number): void {
  const lists = bs.lists;
  const hard = bs.p.hard[bs.p.callEdge[site] as number] === 1;
  for (let k = 0; k < count; k++) {
    const lane = lists[list + k] as number;
    f.visitMs[lane] = (f.visitMs[lane] as number) + (f.callMs[lane] as number);
    f.visitTtftMs[lane] = (f.visitTtftMs[lane] as number) + (f.callTtftMs[lane] as number);
    if (f.callOk[lane] === 0 && hard) f.visitOk[lane] = 0;
  }
}

/** An exclusive step: each lane draws its branch; each branch runs for the lanes that chose it. */
function exclusive(
  bs: BatchState,
  s: number,
  first: number,
  list: number,
  count: number,
  depth: number,
): void {
  const p = bs.p;
  const f = bs.frame(depth);
  const last = (p.stepCallEnd[s] as number) - 1;
  bs.drawUniforms(f.uniforms, list, count);
  let lists = bs.lists;
  for (let k = 0; k < count; k++) {
    const lane = lists[list + k] as number;
    const u = f.uniforms[lane] as number;
    let chosen = first;
    while (chosen < last && u >= (p.callShareCumulative[chosen] as number)) chosen++;
    f.chosen[lane] = chosen;
  }
  const chosenList = bs.push(count);
  for (let branch = first; branch <= last; branch++) {
    lists = bs.lists;
    let chosenCount = 0;
    for (let k = 0; k < count; k++) {
      const lane = lists[list + k] as number;
      if (f.chosen[lane] === branch) lists[chosenList + chosenCount++] = lane;
    }
    if (chosenCount === 0) continue;
    callSite(bs, branch, false, chosenList, chosenCount, depth);
    addCall(bs, f, branch, chosenList, chosenCount);
  }
  bs.top = chosenList;
}

/** A parallel step: every branch for every lane, then the join per lane (as the scalar sampler). */
function parallel(
  bs: BatchState,
  s: number,
  first: number,
  list: number,
  count: number,
  depth: number,
): void {
  const p = bs.p;
  const f = bs.frame(depth);
  const n = (p.stepCallEnd[s] as number) - first;
  const joinAll = p.stepJoin[s] === JOIN_ALL;
  f.ensureBranches(n);
  for (let i = 0; i < n; i++) {
    const site = first + i;
    callSite(bs, site, true, list, count, depth);
    const soft = p.hard[p.callEdge[site] as number] === 0;
    const lists = bs.lists;
    const base = i * BATCH_LANES;
    for (let k = 0; k < count; k++) {
      const lane = lists[list + k] as number;
      f.branchMs[base + lane] = f.callMs[lane] as number;
      f.branchTtftMs[base + lane] = f.callTtftMs[lane] as number;
      const taken = f.callTaken[lane] === 1;
      const ok = f.callOk[lane] === 1;
      // Join all: a branch not taken, or soft, cannot fail the step. Any / k-of-n: it must answer.
      f.branchAnswered[base + lane] = (joinAll ? !taken || ok || soft : taken && ok) ? 1 : 0;
    }
  }
  const k = p.stepK[s] as number;
  const allSoft = p.stepAllSoft[s] === 1;
  const lists = bs.lists;
  for (let j = 0; j < count; j++) {
    const lane = lists[list + j] as number;
    let ms = -1;
    let ttft = 0;
    let answered = 0;
    for (let i = 0; i < n; i++) {
      const at = i * BATCH_LANES + lane;
      if ((f.branchMs[at] as number) > ms) ms = f.branchMs[at] as number;
      if ((f.branchTtftMs[at] as number) > ttft) ttft = f.branchTtftMs[at] as number;
      answered += f.branchAnswered[at] as number;
    }
    let ok: boolean;
    if (joinAll) {
      ok = answered === n;
    } else {
      ok = answered >= k || allSoft;
      if (answered >= k) {
        ms = kthAnswer(bs, f.branchMs, f.branchAnswered, lane, n, k);
        ttft = kthAnswer(bs, f.branchTtftMs, f.branchAnswered, lane, n, k);
      }
    }
    f.visitMs[lane] = (f.visitMs[lane] as number) + ms;
    f.visitTtftMs[lane] = (f.visitTtftMs[lane] as number) + ttft;
    if (!ok) f.visitOk[lane] = 0;
  }
}

/** The k-th smallest of `values` among the answered branches of `lane`. */
function kthAnswer(
  bs: BatchState,
  values: Float64Array,
  answered: Uint8Array,
  lane: number,
  n: number,
  k: number,
): number {
  if (bs.sortMs.length < n) bs.sortMs = new Float64Array(n);
  const sortMs = bs.sortMs;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const at = i * BATCH_LANES + lane;
    if (answered[at] === 0) continue;
    const v = values[at] as number;
    let j = count++;
    while (j > 0 && (sortMs[j - 1] as number) > v) {
      sortMs[j] = sortMs[j - 1] as number;
      j--;
    }
    sortMs[j] = v;
  }
  return sortMs[k - 1] as number;
}
