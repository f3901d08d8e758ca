import type { BatchState } from './batch-state.ts';

/*
 * The batch sampler's calls (see batch-sampler.ts): a call site's Bernoulli draw and fan-out, one call's
 * attempts and then its fallbacks in order, and the attempt loop (network delay, the target up or down, its
 * visit, the timeout) for the lanes still without an answer.
 */

/** The calls of call site `site` for the lanes of the list: results in frame(depth).call*. */
export function callSite(
  bs: BatchState,
  site: number,
  bernoulli: boolean,
  list: number,
  count: number,
  depth: number,
): void {
  const p = bs.p;
  const f = bs.frame(depth);
  const e = p.callEdge[site] as number;
  const probability = p.probability[e] as number;
  const fraction = p.fanOutFraction[e] as number;
  const whole = p.fanOutWhole[e] as number;
  const drawTaken = bernoulli && probability < 1;
  if (drawTaken) bs.drawUniforms(f.uniforms, list, count);
  const taken = bs.push(count);
  let lists = bs.lists;
  let takenCount = 0;
  for (let k = 0; k < count; k++) {
    const lane = lists[list + k] as number;
    f.callMs[lane] = 0;
    f.callTtftMs[lane] = 0;
    f.callOk[lane] = 1;
    f.callTaken[lane] = 0;
    if (!drawTaken || (f.uniforms[lane] as number) < probability) lists[taken + takenCount++] = lane;
  }
  if (fraction > 0 && takenCount > 0) bs.drawUniforms(f.uniforms, taken, takenCount);
  let calling = 0;
  let maxCalls = 0;
  for (let k = 0; k < takenCount; k++) {
    const lane = lists[taken + k] as number;
    const calls = whole + (fraction > 0 && (f.uniforms[lane] as number) < fraction ? 1 : 0);
    if (calls === 0) continue;
    f.calls[lane] = calls;
    f.callTaken[lane] = 1;
    if (calls > maxCalls) maxCalls = calls;
    lists[taken + calling++] = lane;
  }
  const parallelFanOut = p.fanOutParallel[e] === 1;
  const round = bs.push(calling);
  for (let c = 0; c < maxCalls; c++) {
    lists = bs.lists;
    let roundCount = 0;
    for (let k = 0; k < calling; k++) {
      const lane = lists[taken + k] as number;
      if ((f.calls[lane] as number) > c) lists[round + roundCount++] = lane;
    }
    once(bs, site, round, roundCount, depth);
    lists = bs.lists;
    for (let k = 0; k < roundCount; k++) {
      const lane = lists[round + k] as number;
      const onceMs = f.onceMs[lane] as number;
      if (parallelFanOut) {
        // Parallel fan-out joins as all: the slowest call decides (a single call is just that call).
        if (c === 0 || onceMs > (f.callMs[lane] as number)) f.callMs[lane] = onceMs;
        if ((f.onceTtftMs[lane] as number) > (f.callTtftMs[lane] as number))
          f.callTtftMs[lane] = f.onceTtftMs[lane] as number;
      } else {
        f.callMs[lane] = (f.callMs[lane] as number) + onceMs;
        f.callTtftMs[lane] = (f.callTtftMs[lane] as number) + (f.onceTtftMs[lane] as number);
      }
      if (f.onceOk[lane] === 0) f.callOk[lane] = 0;
    }
  }
  bs.top = taken;
}

/** One call of `site` for the lanes of the list: its attempts, then its fallbacks in order (frame.once*). */
function once(bs: BatchState, site: number, list: number, count: number, depth: number): void {
  const p = bs.p;
  const f = bs.frame(depth);
  attempts(bs, site, list, count, depth);
  let lists = bs.lists;
  const failing = bs.push(count);
  let failingCount = 0;
  for (let k = 0; k < count; k++) {
    const lane = lists[list + k] as number;
    f.onceMs[lane] = f.attemptMs[lane] as number;
    f.onceTtftMs[lane] = f.attemptTtftMs[lane] as number;
    f.onceOk[lane] = f.attemptOk[lane] as number;
    if (f.attemptOk[lane] === 0) lists[failing + failingCount++] = lane;
  }
  const end = p.callFallbackEnd[site] as number;
  for (let fallback = p.callFallbackStart[site] as number; fallback < end && failingCount > 0; fallback++) {
    attempts(bs, fallback, failing, failingCount, depth);
    lists = bs.lists;
    let still = 0;
    for (let k = 0; k < failingCount; k++) {
      const lane = lists[failing + k] as number;
      f.onceMs[lane] = (f.onceMs[lane] as number) + (f.attemptMs[lane] as number);
      f.onceTtftMs[lane] = (f.onceTtftMs[lane] as number) + (f.attemptTtftMs[lane] as number);
      f.onceOk[lane] = f.attemptOk[lane] as number;
      if (f.attemptOk[lane] === 0) lists[failing + still++] = lane;
    }
    failingCount = still;
  }
  bs.top = failing;
}

/** The attempt loop of call site `site` (its connection and target) for the lanes of the list. */
export function attempts(bs: BatchState, site: number, list: number, count: number, depth: number): void {
  const p = bs.p;
  const f = bs.frame(depth);
  const e = p.callEdge[site] as number;
  const target = p.callTarget[site] as number;
  const timeout = p.timeoutMs[e] as number;
  const availability = p.targetAvailability[e] as number;
  const shape = p.networkShape[e] as number;
  const mu = p.networkMu[e] as number;
  const sigma = p.networkSigma[e] as number;
  const component = p.visitComponent[target] as number;
  const leaf = p.visitStepStart[target] === p.visitStepEnd[target] ? component : -1;
  const leafShape = p.serviceShape[component] as number;
  const leafMu = p.serviceMu[component] as number;
  const leafSigma = p.serviceSigma[component] as number;
  const leafGenerationMs = p.generationMs[component] as number;
  const retries = p.retries[e] as number;
  // Lanes still without an answer, compacted after each attempt but the last; with no retries (most
  // calls) that is never, so the list itself serves.
  const pending = retries > 0 ? bs.push(count) : list;
  let lists = bs.lists;
  for (let k = 0; k < count; k++) {
    const lane = lists[list + k] as number;
    f.attemptMs[lane] = 0;
    f.attemptTtftMs[lane] = 0;
    f.attemptOk[lane] = 0;
    lists[pending + k] = lane;
  }
  let pendingCount = count;
  const up = bs.push(count);
  for (let attempt = retries; attempt >= 0 && pendingCount > 0; attempt--) {
    bs.drawDelays(f.networkMs, shape, mu, sigma, pending, pendingCount);
    if (availability < 1) bs.drawUniforms(f.uniforms, pending, pendingCount);
    if (leaf >= 0) {
      // A leaf is its service time alone (what visit() would give, without its bookkeeping), drawn for
      // every lane, up or down (so does the scalar sampler): one pass settles the attempt.
      bs.drawDelays(f.serviceMs, leafShape, leafMu, leafSigma, pending, pendingCount);
      lists = bs.lists;
      for (let k = 0; k < pendingCount; k++) {
        const lane = lists[pending + k] as number;
        const networkMs = f.networkMs[lane] as number;
        if (availability < 1 && (f.uniforms[lane] as number) >= availability) {
          const failMs = networkMs < timeout ? networkMs : timeout;
          f.attemptMs[lane] = (f.attemptMs[lane] as number) + failMs;
          f.attemptTtftMs[lane] = (f.attemptTtftMs[lane] as number) + failMs;
          continue;
        }
        const serviceMs = f.serviceMs[lane] as number;
        const visitMs = serviceMs + leafGenerationMs;
        if (networkMs + visitMs > timeout) {
          f.attemptMs[lane] = (f.attemptMs[lane] as number) + timeout;
          f.attemptTtftMs[lane] = (f.attemptTtftMs[lane] as number) + timeout;
          continue;
        }
        f.attemptMs[lane] = (f.attemptMs[lane] as number) + (networkMs + visitMs);
        f.attemptTtftMs[lane] = (f.attemptTtftMs[lane] as number) + (networkMs + serviceMs);
        f.attemptOk[lane] = 1;
      }
    } else {
      lists = bs.lists;
      let upCount = 0;
      for (let k = 0; k < pendingCount; k++) {
        const lane = lists[pending + k] as number;
        if (availability < 1 && (f.uniforms[lane] as number) >= availability) {
          // Down: a fast failure costs the round trip (or the timeout, if that is shorter).
          const networkMs = f.networkMs[lane] as number;
          const failMs = networkMs < timeout ? networkMs : timeout;
          f.attemptMs[lane] = (f.attemptMs[lane] as number) + failMs;
          f.attemptTtftMs[lane] = (f.attemptTtftMs[lane] as number) + failMs;
        } else {
          lists[up + upCount++] = lane;
        }
      }
      if (upCount > 0) {
        bs.visitTarget(bs, target, up, upCount, depth + 1);
        const callee = bs.frame(depth + 1);
        lists = bs.lists;
        for (let k = 0; k < upCount; k++) {
          const lane = lists[up + k] as number;
          const networkMs = f.networkMs[lane] as number;
          const visitMs = callee.visitMs[lane] as number;
          if (networkMs + visitMs > timeout) {
            f.attemptMs[lane] = (f.attemptMs[lane] as number) + timeout;
            f.attemptTtftMs[lane] = (f.attemptTtftMs[lane] as number) + timeout;
            continue;
          }
          f.attemptMs[lane] = (f.attemptMs[lane] as number) + (networkMs + visitMs);
          f.attemptTtftMs[lane] =
            (f.attemptTtftMs[lane] as number) + (networkMs + (callee.visitTtftMs[lane] as number));
          if (callee.visitOk[lane] === 1) f.attemptOk[lane] = 1;
        }
      }
    }
    if (attempt === 0) break;
    let still = 0;
    for (let k = 0; k < pendingCount; k++) {
      const lane = lists[pending + k] as number;
      if (f.attemptOk[lane] === 0) lists[pending + still++] = lane;
    }
    pendingCount = still;
  }
  bs.top = retries > 0 ? pending : up;
}
