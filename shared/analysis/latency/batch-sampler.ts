import { BATCH_LANES, Frame } from './batch-frame.ts';
import { drawLaneDelays, drawLaneUniforms } from './lane-draws.ts';
import type { LatencyProgram } from './program.ts';
import { JOIN_ALL, STEP_CALL, STEP_EXCLUSIVE } from './program.ts';
import { seedStream } from './random.ts';

/*
 * The batch sampler: the same simulation as the scalar sampler (sampler.ts), run for a batch of samples at
 * once. It walks the site tree once per batch and does each site's work for all the samples (lanes) that
 * reach it, in tight loops: the per-site bookkeeping is paid once per batch instead of once per sample, and
 * the draws of different lanes are independent, so the processor overlaps them. Control flow becomes lane
 * lists: the lanes that take a call, that find the target up, that still need a retry or a fallback.
 *
 * Each lane draws from its own sample's stream in exactly the order the scalar sampler does, and every time
 * is computed with the same operations in the same order, so both give identical numbers (a test holds them
 * to it); the scalar sampler replays the tail samples with tracing.
 */

/** Runs samples of one program in batches; it owns its scratch memory, so use one per simulation. */
export class BatchSampler {
  private readonly p: LatencyProgram;
  private readonly states = new Int32Array(4 * BATCH_LANES);
  private readonly missSlots = new Int32Array(BATCH_LANES);
  private readonly frames: Frame[] = [];
  // Lane lists live on a stack: a function pushes the lists it builds and pops them when it returns. The
  // array grows when a deep path needs more; after any call that may push, read `this.lists` again.
  private lists = new Int32Array(BATCH_LANES * 32);
  private top = 0;
  // The k-th answer of a k-of-n step, per lane (insertion sort of a few branches).
  private sortMs = new Float64Array(8);

  constructor(program: LatencyProgram) {
    this.p = program;
  }

  /** Simulates samples [from, to) of the run seeded `seed`, writing per-sample results at the same index. */
  run(
    seed: number,
    from: number,
    to: number,
    timesMs: Float64Array,
    ttftMs: Float64Array,
    failed: Uint8Array,
  ): void {
    for (let start = from; start < to; start += BATCH_LANES) {
      const count = Math.min(BATCH_LANES, to - start);
      this.top = 0;
      const list = this.push(count);
      for (let lane = 0; lane < count; lane++) {
        seedStream(this.states, lane, seed, start + lane);
        this.lists[list + lane] = lane;
      }
      this.visit(0, list, count, 0);
      const root = this.frame(0);
      for (let lane = 0; lane < count; lane++) {
        timesMs[start + lane] = root.visitMs[lane] as number;
        ttftMs[start + lane] = root.visitTtftMs[lane] as number;
        failed[start + lane] = root.visitOk[lane] === 1 ? 0 : 1;
      }
    }
  }

  private drawDelays(
    into: Float64Array,
    shape: number,
    mu: number,
    sigma: number,
    list: number,
    count: number,
  ): void {
    drawLaneDelays(this.states, this.lists, list, count, into, shape, mu, sigma, this.missSlots);
  }

  private drawUniforms(into: Float64Array, list: number, count: number): void {
    drawLaneUniforms(this.states, this.lists, list, count, into);
  }

  private frame(depth: number): Frame {
    let frame = this.frames[depth];
    if (!frame) {
      frame = new Frame();
      this.frames[depth] = frame;
    }
    return frame;
  }

  /** Reserves `count` slots on the list stack and returns where they start. */
  private push(count: number): number {
    if (this.top + count > this.lists.length) {
      const grown = new Int32Array(Math.max(this.lists.length * 2, this.top + count));
      grown.set(this.lists);
      this.lists = grown;
    }
    const at = this.top;
    this.top += count;
    return at;
  }

  /** Visit site `site` for the lanes of the list: results in frame(depth).visit*. */
  private visit(site: number, list: number, count: number, depth: number): void {
    const p = this.p;
    const f = this.frame(depth);
    const c = p.visitComponent[site] as number;
    this.drawDelays(
      f.visitTtftMs,
      p.serviceShape[c] as number,
      p.serviceMu[c] as number,
      p.serviceSigma[c] as number,
      list,
      count,
    );
    const generationMs = p.generationMs[c] as number;
    const lists = this.lists;
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
        this.simpleCall(first, list, count, depth);
      } else if (kind === STEP_CALL) {
        this.callSite(first, true, list, count, depth);
        this.addCall(f, first, list, count);
      } else if (kind === STEP_EXCLUSIVE) {
        this.exclusive(s, first, list, count, depth);
      } else {
        this.parallel(s, first, list, count, depth);
      }
    }
  }

  /**
   * A call step of one call without fallbacks (most of them): its Bernoulli draw and attempts, added straight
   * to the visit totals (the scalar sampler's fast path, with the same draws and sums).
   */
  private simpleCall(site: number, list: number, count: number, depth: number): void {
    const p = this.p;
    const f = this.frame(depth);
    const probability = p.probability[p.callEdge[site] as number] as number;
    let taken = list;
    let takenCount = count;
    if (probability < 1) {
      this.drawUniforms(f.uniforms, list, count);
      taken = this.push(count);
      const lists = this.lists;
      takenCount = 0;
      for (let k = 0; k < count; k++) {
        const lane = lists[list + k] as number;
        if ((f.uniforms[lane] as number) < probability) lists[taken + takenCount++] = lane;
      }
    }
    if (takenCount > 0 && p.retries[p.callEdge[site] as number] === 0 && this.isLeafCall(site)) {
      this.leafCall(site, taken, takenCount, depth);
    } else if (takenCount > 0) {
      this.attempts(site, taken, takenCount, depth);
      const lists = this.lists;
      const hard = p.hard[p.callEdge[site] as number] === 1;
      for (let k = 0; k < takenCount; k++) {
        const lane = lists[taken + k] as number;
        f.visitMs[lane] = (f.visitMs[lane] as number) + (f.attemptMs[lane] as number);
        f.visitTtftMs[lane] = (f.visitTtftMs[lane] as number) + (f.attemptTtftMs[lane] as number);
        if (f.attemptOk[lane] === 0 && hard) f.visitOk[lane] = 0;
      }
    }
    if (taken !== list) this.top = taken;
  }

  private isLeafCall(site: number): boolean {
    const target = this.p.callTarget[site] as number;
    return this.p.visitStepStart[target] === this.p.visitStepEnd[target];
  }

  /**
   * One attempt at a leaf target, added straight to the visit totals: attempts() and the sums of
   * simpleCall() in one pass, for the commonest call of all.
   */
  private leafCall(site: number, list: number, count: number, depth: number): void {
    const p = this.p;
    const f = this.frame(depth);
    const e = p.callEdge[site] as number;
    const timeout = p.timeoutMs[e] as number;
    const availability = p.targetAvailability[e] as number;
    const hard = p.hard[e] === 1;
    const c = p.visitComponent[p.callTarget[site] as number] as number;
    const generationMs = p.generationMs[c] as number;
    this.drawDelays(
      f.networkMs,
      p.networkShape[e] as number,
      p.networkMu[e] as number,
      p.networkSigma[e] as number,
      list,
      count,
    );
    if (availability < 1) this.drawUniforms(f.uniforms, list, count);
    this.drawDelays(
      f.serviceMs,
      p.serviceShape[c] as number,
      p.serviceMu[c] as number,
      p.serviceSigma[c] as number,
      list,
      count,
    );
    const lists = this.lists;
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
  private addCall(f: Frame, site: number, list: number, count: number): void {
    const lists = this.lists;
    const hard = this.p.hard[this.p.callEdge[site] as number] === 1;
    for (let k = 0; k < count; k++) {
      const lane = lists[list + k] as number;
      f.visitMs[lane] = (f.visitMs[lane] as number) + (f.callMs[lane] as number);
      f.visitTtftMs[lane] = (f.visitTtftMs[lane] as number) + (f.callTtftMs[lane] as number);
      if (f.callOk[lane] === 0 && hard) f.visitOk[lane] = 0;
    }
  }

  /** An exclusive step: each lane draws its branch; each branch runs for the lanes that chose it. */
  private exclusive(s: number, first: number, list: number, count: number, depth: number): void {
    const p = this.p;
    const f = this.frame(depth);
    const last = (p.stepCallEnd[s] as number) - 1;
    this.drawUniforms(f.uniforms, list, count);
    let lists = this.lists;
    for (let k = 0; k < count; k++) {
      const lane = lists[list + k] as number;
      const u = f.uniforms[lane] as number;
      let chosen = first;
      while (chosen < last && u >= (p.callShareCumulative[chosen] as number)) chosen++;
      f.chosen[lane] = chosen;
    }
    const chosenList = this.push(count);
    for (let branch = first; branch <= last; branch++) {
      lists = this.lists;
      let chosenCount = 0;
      for (let k = 0; k < count; k++) {
        const lane = lists[list + k] as number;
        if (f.chosen[lane] === branch) lists[chosenList + chosenCount++] = lane;
      }
      if (chosenCount === 0) continue;
      this.callSite(branch, false, chosenList, chosenCount, depth);
      this.addCall(f, branch, chosenList, chosenCount);
    }
    this.top = chosenList;
  }

  /** A parallel step: every branch for every lane, then the join per lane (as the scalar sampler). */
  private parallel(s: number, first: number, list: number, count: number, depth: number): void {
    const p = this.p;
    const f = this.frame(depth);
    const n = (p.stepCallEnd[s] as number) - first;
    const joinAll = p.stepJoin[s] === JOIN_ALL;
    f.ensureBranches(n);
    for (let i = 0; i < n; i++) {
      const site = first + i;
      this.callSite(site, true, list, count, depth);
      const soft = p.hard[p.callEdge[site] as number] === 0;
      const lists = this.lists;
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
    const lists = this.lists;
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
          ms = this.kthAnswer(f.branchMs, f.branchAnswered, lane, n, k);
          ttft = this.kthAnswer(f.branchTtftMs, f.branchAnswered, lane, n, k);
        }
      }
      f.visitMs[lane] = (f.visitMs[lane] as number) + ms;
      f.visitTtftMs[lane] = (f.visitTtftMs[lane] as number) + ttft;
      if (!ok) f.visitOk[lane] = 0;
    }
  }

  /** The k-th smallest of `values` among the answered branches of `lane`. */
  private kthAnswer(values: Float64Array, answered: Uint8Array, lane: number, n: number, k: number): number {
    if (this.sortMs.length < n) this.sortMs = new Float64Array(n);
    const sortMs = this.sortMs;
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

  /** The calls of call site `site` for the lanes of the list: results in frame(depth).call*. */
  private callSite(site: number, bernoulli: boolean, list: number, count: number, depth: number): void {
    const p = this.p;
    const f = this.frame(depth);
    const e = p.callEdge[site] as number;
    const probability = p.probability[e] as number;
    const fraction = p.fanOutFraction[e] as number;
    const whole = p.fanOutWhole[e] as number;
    const drawTaken = bernoulli && probability < 1;
    if (drawTaken) this.drawUniforms(f.uniforms, list, count);
    const taken = this.push(count);
    let lists = this.lists;
    let takenCount = 0;
    for (let k = 0; k < count; k++) {
      const lane = lists[list + k] as number;
      f.callMs[lane] = 0;
      f.callTtftMs[lane] = 0;
      f.callOk[lane] = 1;
      f.callTaken[lane] = 0;
      if (!drawTaken || (f.uniforms[lane] as number) < probability) lists[taken + takenCount++] = lane;
    }
    if (fraction > 0 && takenCount > 0) this.drawUniforms(f.uniforms, taken, takenCount);
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
    const round = this.push(calling);
    for (let c = 0; c < maxCalls; c++) {
      lists = this.lists;
      let roundCount = 0;
      for (let k = 0; k < calling; k++) {
        const lane = lists[taken + k] as number;
        if ((f.calls[lane] as number) > c) lists[round + roundCount++] = lane;
      }
      this.once(site, round, roundCount, depth);
      lists = this.lists;
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
    this.top = taken;
  }

  /** One call of `site` for the lanes of the list: its attempts, then its fallbacks in order (frame.once*). */
  private once(site: number, list: number, count: number, depth: number): void {
    const p = this.p;
    const f = this.frame(depth);
    this.attempts(site, list, count, depth);
    let lists = this.lists;
    const failing = this.push(count);
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
      this.attempts(fallback, failing, failingCount, depth);
      lists = this.lists;
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
    this.top = failing;
  }

  /** The attempt loop of call site `site` (its connection and target) for the lanes of the list. */
  private attempts(site: number, list: number, count: number, depth: number): void {
    const p = this.p;
    const f = this.frame(depth);
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
    const pending = retries > 0 ? this.push(count) : list;
    let lists = this.lists;
    for (let k = 0; k < count; k++) {
      const lane = lists[list + k] as number;
      f.attemptMs[lane] = 0;
      f.attemptTtftMs[lane] = 0;
      f.attemptOk[lane] = 0;
      lists[pending + k] = lane;
    }
    let pendingCount = count;
    const up = this.push(count);
    for (let attempt = retries; attempt >= 0 && pendingCount > 0; attempt--) {
      this.drawDelays(f.networkMs, shape, mu, sigma, pending, pendingCount);
      if (availability < 1) this.drawUniforms(f.uniforms, pending, pendingCount);
      if (leaf >= 0) {
        // A leaf is its service time alone (what visit() would give, without its bookkeeping), drawn for
        // every lane, up or down (so does the scalar sampler): one pass settles the attempt.
        this.drawDelays(f.serviceMs, leafShape, leafMu, leafSigma, pending, pendingCount);
        lists = this.lists;
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
        lists = this.lists;
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
          this.visit(target, up, upCount, depth + 1);
          const callee = this.frame(depth + 1);
          lists = this.lists;
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
    this.top = retries > 0 ? pending : up;
  }
}
