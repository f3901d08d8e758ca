import type { LatencyProgram } from './program.ts';
import { JOIN_ALL, STEP_CALL, STEP_EXCLUSIVE } from './program.ts';
import { tableExp } from './exp.ts';
import { SampleRandom } from './random.ts';

/*
 * The scalar sampler: one request at a time through a compiled program (semantics: DOMAIN.md §2.0, §2.1 and
 * program.ts). Each method leaves its answer in registers: out[MS] (time taken), out[TTFT] (the same time
 * with every LLM generation left out) and `ok` (no hard failure). A visit fails when a hard step failed; an
 * attempt fails when its target is down, it timed out, or the visit failed (the callee answers with an
 * error), and is then retried and finally falls back.
 *
 * The batch sampler (batch-sampler.ts) runs the samples; this one replays the few tail samples that explain
 * p95 with tracing on, and is the reference the batch sampler is tested against: both draw from each
 * sample's stream in the same order, so they give identical numbers. Tracing records per call site the time
 * spent in it, and per component and connection the time on the binding chain: every piece of time goes into
 * a journal, and the pieces of a parallel branch that did not decide the join, or of an attempt cut by its
 * timeout, are struck out again, so what remains adds up exactly to the request's time.
 */

const MS = 0;
const TTFT = 1;

/** What the traced samples add up to (sums over the traced samples; divide by `samples` for means). */
export interface TraceTotals {
  readonly samples: number;
  /** Per call site: time of the call (fan-out calls and fallbacks included), ms. */
  readonly callMs: Float64Array;
  /** Per call site: time of its own attempts (fallbacks left out), ms. */
  readonly attemptMs: Float64Array;
  /** Per component (indices 0..nc−1) then per connection (nc + edge): time on the binding chain, ms. */
  readonly bindingMs: Float64Array;
}

/** Runs samples of one program; it owns scratch memory, so use one per simulation. */
export class Sampler {
  private readonly p: LatencyProgram;
  private readonly random = new SampleRandom();
  private readonly out = new Float64Array(2);
  private ok = true;
  private taken = true;

  // Per parallel-step branch: its time, TTFT time, whether it answered, its journal range.
  private readonly branchMs: Float64Array;
  private readonly branchTtftMs: Float64Array;
  private readonly branchAnswered: Uint8Array;
  private readonly branchJournalStart: Int32Array;
  private readonly branchJournalEnd: Int32Array;
  // Answers of one k-of-n step, sorted; a step's branches are few, so insertion sort is the right tool.
  private sortMs = new Float64Array(8);
  private sortSlot = new Int32Array(8);

  private tracing = false;
  private readonly callMs: Float64Array;
  private readonly attemptMs: Float64Array;
  private readonly bindingMs: Float64Array;
  private journalKey = new Int32Array(256);
  private journalMs = new Float64Array(256);
  private journalLength = 0;

  constructor(program: LatencyProgram) {
    this.p = program;
    const slots = Math.max(1, program.scratchSize);
    this.branchMs = new Float64Array(slots);
    this.branchTtftMs = new Float64Array(slots);
    this.branchAnswered = new Uint8Array(slots);
    this.branchJournalStart = new Int32Array(slots);
    this.branchJournalEnd = new Int32Array(slots);
    this.callMs = new Float64Array(program.callEdge.length);
    this.attemptMs = new Float64Array(program.callEdge.length);
    this.bindingMs = new Float64Array(program.componentCount + program.edgeCount);
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
    this.tracing = false;
    this.journalLength = 0;
    for (let i = from; i < to; i++) {
      this.random.seedSample(seed, i);
      this.visit(0);
      timesMs[i] = this.out[MS] as number;
      ttftMs[i] = this.out[TTFT] as number;
      failed[i] = this.ok ? 0 : 1;
    }
  }

  /** Replays `samples` (indices of the same run) with tracing on. */
  trace(seed: number, samples: readonly number[]): TraceTotals {
    this.tracing = true;
    this.callMs.fill(0);
    this.attemptMs.fill(0);
    this.bindingMs.fill(0);
    for (const i of samples) {
      this.journalLength = 0;
      this.random.seedSample(seed, i);
      this.visit(0);
      for (let j = 0; j < this.journalLength; j++) {
        const key = this.journalKey[j] as number;
        this.bindingMs[key] = (this.bindingMs[key] as number) + (this.journalMs[j] as number);
      }
    }
    this.tracing = false;
    return {
      samples: samples.length,
      callMs: this.callMs.slice(),
      attemptMs: this.attemptMs.slice(),
      bindingMs: this.bindingMs.slice(),
    };
  }

  private record(key: number, ms: number): void {
    if (this.journalLength === this.journalKey.length) {
      const keys = new Int32Array(this.journalLength * 2);
      keys.set(this.journalKey);
      this.journalKey = keys;
      const times = new Float64Array(this.journalLength * 2);
      times.set(this.journalMs);
      this.journalMs = times;
    }
    this.journalKey[this.journalLength] = key;
    this.journalMs[this.journalLength] = ms;
    this.journalLength++;
  }

  private strike(from: number, to: number): void {
    this.journalMs.fill(0, from, to);
  }

  /** A draw of a delay of `shape` (see DelayFit: none, constant, log-normal), ms. */
  private draw(shape: number, mu: Float64Array, sigma: Float64Array, i: number): number {
    if (shape === 2) return tableExp((mu[i] as number) + (sigma[i] as number) * this.random.normal());
    return shape === 1 ? (mu[i] as number) : 0;
  }

  private visit(site: number): void {
    const p = this.p;
    const out = this.out;
    const c = p.visitComponent[site] as number;
    let ttft = this.draw(p.serviceShape[c] as number, p.serviceMu, p.serviceSigma, c);
    let ms = ttft + (p.generationMs[c] as number);
    if (this.tracing) this.record(c, ms);
    let ok = true;
    const end = p.visitStepEnd[site] as number;
    for (let s = p.visitStepStart[site] as number; s < end; s++) {
      const kind = p.stepKind[s] as number;
      const first = p.stepCallStart[s] as number;
      if (kind === STEP_CALL && p.callSimple[first] === 1) {
        // The common case inline (one call, no fallbacks): it draws exactly what callSite would.
        const e = p.callEdge[first] as number;
        const probability = p.probability[e] as number;
        if (probability < 1 && this.random.uniform() >= probability) continue;
        this.attempts(e, p.callTarget[first] as number);
        if (this.tracing) {
          this.callMs[first] = (this.callMs[first] as number) + (out[MS] as number);
          this.attemptMs[first] = (this.attemptMs[first] as number) + (out[MS] as number);
        }
        if (!this.ok && p.hard[e] === 1) ok = false;
      } else if (kind === STEP_CALL) {
        this.callSite(first, true);
        if (!this.ok && p.hard[p.callEdge[first] as number] === 1) ok = false;
      } else if (kind === STEP_EXCLUSIVE) {
        const u = this.random.uniform();
        const last = (p.stepCallEnd[s] as number) - 1;
        let chosen = first;
        while (chosen < last && u >= (p.callShareCumulative[chosen] as number)) chosen++;
        this.callSite(chosen, false);
        if (!this.ok && p.hard[p.callEdge[chosen] as number] === 1) ok = false;
      } else {
        this.parallel(s, first, p.stepCallEnd[s] as number);
        if (!this.ok) ok = false;
      }
      ms += out[MS] as number;
      ttft += out[TTFT] as number;
    }
    out[MS] = ms;
    out[TTFT] = ttft;
    this.ok = ok;
  }

  private parallel(s: number, first: number, end: number): void {
    const p = this.p;
    const base = p.stepScratch[s] as number;
    const n = end - first;
    const joinAll = p.stepJoin[s] === JOIN_ALL;
    for (let i = 0; i < n; i++) {
      const site = first + i;
      const journalStart = this.journalLength;
      this.callSite(site, true);
      this.branchMs[base + i] = this.out[MS] as number;
      this.branchTtftMs[base + i] = this.out[TTFT] as number;
      // Join all: a branch not taken, or soft, cannot fail the step. Any / k-of-n: it must answer.
      const answered = joinAll
        ? !this.taken || this.ok || p.hard[p.callEdge[site] as number] === 0
        : this.taken && this.ok;
      this.branchAnswered[base + i] = answered ? 1 : 0;
      this.branchJournalStart[base + i] = journalStart;
      this.branchJournalEnd[base + i] = this.journalLength;
    }
    let binding = base;
    let ms = -1;
    let ttft = 0;
    let answered = 0;
    for (let i = base; i < base + n; i++) {
      if ((this.branchMs[i] as number) > ms) {
        ms = this.branchMs[i] as number;
        binding = i;
      }
      if ((this.branchTtftMs[i] as number) > ttft) ttft = this.branchTtftMs[i] as number;
      answered += this.branchAnswered[i] as number;
    }
    let ok: boolean;
    if (joinAll) {
      ok = answered === n;
    } else {
      const k = p.stepK[s] as number;
      ok = answered >= k || p.stepAllSoft[s] === 1;
      if (answered >= k) {
        binding = this.kthAnswer(base, n, k, this.branchMs);
        ms = this.branchMs[binding] as number;
        ttft = this.branchTtftMs[this.kthAnswer(base, n, k, this.branchTtftMs)] as number;
      }
    }
    if (this.tracing) {
      for (let i = base; i < base + n; i++) {
        if (i !== binding)
          this.strike(this.branchJournalStart[i] as number, this.branchJournalEnd[i] as number);
      }
    }
    this.out[MS] = ms;
    this.out[TTFT] = ttft;
    this.ok = ok;
  }

  /** The branch slot holding the k-th smallest of `values` among the answered slots in [base, base + n). */
  private kthAnswer(base: number, n: number, k: number, values: Float64Array): number {
    if (this.sortMs.length < n) {
      this.sortMs = new Float64Array(n);
      this.sortSlot = new Int32Array(n);
    }
    const sortMs = this.sortMs;
    const sortSlot = this.sortSlot;
    let count = 0;
    for (let i = base; i < base + n; i++) {
      if (this.branchAnswered[i] === 0) continue;
      const v = values[i] as number;
      let j = count++;
      while (j > 0 && (sortMs[j - 1] as number) > v) {
        sortMs[j] = sortMs[j - 1] as number;
        sortSlot[j] = sortSlot[j - 1] as number;
        j--;
      }
      sortMs[j] = v;
      sortSlot[j] = i;
    }
    return sortSlot[k - 1] as number;
  }

  /** The calls of one call site: the Bernoulli draw (unless an exclusive branch), then the fan-out. */
  private callSite(site: number, bernoulli: boolean): void {
    const p = this.p;
    const out = this.out;
    const e = p.callEdge[site] as number;
    const probability = p.probability[e] as number;
    let calls = 0;
    if (!bernoulli || probability >= 1 || this.random.uniform() < probability) {
      const fraction = p.fanOutFraction[e] as number;
      calls = (p.fanOutWhole[e] as number) + (fraction > 0 && this.random.uniform() < fraction ? 1 : 0);
    }
    if (calls === 0) {
      out[MS] = 0;
      out[TTFT] = 0;
      this.ok = true;
      this.taken = false;
      return;
    }
    const target = p.callTarget[site] as number;
    const hasFallbacks = (p.callFallbackEnd[site] as number) > (p.callFallbackStart[site] as number);
    const parallel = calls > 1 && p.fanOutParallel[e] === 1;
    let ms = 0;
    let ttft = 0;
    let ok = true;
    let bindingStart = this.journalLength;
    let bindingEnd = this.journalLength;
    for (let i = 0; i < calls; i++) {
      const journalStart = this.journalLength;
      this.attempts(e, target);
      if (this.tracing) this.attemptMs[site] = (this.attemptMs[site] as number) + (out[MS] as number);
      if (!this.ok && hasFallbacks) this.fallBack(site);
      const callMs = out[MS] as number;
      if (!parallel) {
        ms += callMs;
        ttft += out[TTFT] as number;
      } else {
        // Parallel fan-out joins as all: the slowest call decides.
        if (i === 0 || callMs > ms) {
          if (this.tracing) this.strike(bindingStart, bindingEnd);
          ms = callMs;
          bindingStart = journalStart;
          bindingEnd = this.journalLength;
        } else if (this.tracing) {
          this.strike(journalStart, this.journalLength);
        }
        if ((out[TTFT] as number) > ttft) ttft = out[TTFT] as number;
      }
      if (!this.ok) ok = false;
    }
    if (this.tracing) this.callMs[site] = (this.callMs[site] as number) + ms;
    out[MS] = ms;
    out[TTFT] = ttft;
    this.ok = ok;
    this.taken = true;
  }

  /** After the call of `site` failed (registers hold its time): its fallbacks in order until one serves. */
  private fallBack(site: number): void {
    const p = this.p;
    const out = this.out;
    let ms = out[MS] as number;
    let ttft = out[TTFT] as number;
    let ok = false;
    const end = p.callFallbackEnd[site] as number;
    for (let f = p.callFallbackStart[site] as number; f < end && !ok; f++) {
      this.attempts(p.callEdge[f] as number, p.callTarget[f] as number);
      const fallbackMs = out[MS] as number;
      if (this.tracing) {
        this.callMs[f] = (this.callMs[f] as number) + fallbackMs;
        this.attemptMs[f] = (this.attemptMs[f] as number) + fallbackMs;
      }
      ms += fallbackMs;
      ttft += out[TTFT] as number;
      ok = this.ok;
    }
    out[MS] = ms;
    out[TTFT] = ttft;
    this.ok = ok;
  }

  /** The attempt loop over connection `e` to visit site `target`: up to 1 + retries attempts. */
  private attempts(e: number, target: number): void {
    const p = this.p;
    const out = this.out;
    const timeout = p.timeoutMs[e] as number;
    const availability = p.targetAvailability[e] as number;
    const shape = p.networkShape[e] as number;
    let ms = 0;
    let ttft = 0;
    const leaf =
      p.visitStepStart[target] === p.visitStepEnd[target] ? (p.visitComponent[target] as number) : -1;
    for (let attempt = p.retries[e] as number; attempt >= 0; attempt--) {
      const networkMs = this.draw(shape, p.networkMu, p.networkSigma, e);
      const down = availability < 1 && this.random.uniform() >= availability;
      // A leaf's service time is drawn whether it is up or not: the batch sampler draws it for every lane.
      const leafMs =
        leaf >= 0 ? this.draw(p.serviceShape[leaf] as number, p.serviceMu, p.serviceSigma, leaf) : 0;
      if (down) {
        // Down: a fast failure costs the round trip (or the timeout, if that is shorter).
        const failMs = networkMs < timeout ? networkMs : timeout;
        ms += failMs;
        ttft += failMs;
        if (this.tracing) this.record(p.componentCount + e, failMs);
        continue;
      }
      const journalStart = this.journalLength;
      let visitMs: number;
      let visitTtftMs: number;
      if (leaf >= 0) {
        // A leaf is its service time alone: no call for about half of all visits.
        visitTtftMs = leafMs;
        visitMs = visitTtftMs + (p.generationMs[leaf] as number);
        if (this.tracing) this.record(leaf, visitMs);
        this.ok = true;
      } else {
        this.visit(target);
        visitMs = out[MS] as number;
        visitTtftMs = out[TTFT] as number;
      }
      if (networkMs + visitMs > timeout) {
        ms += timeout;
        ttft += timeout;
        if (this.tracing) {
          this.strike(journalStart, this.journalLength);
          this.record(p.componentCount + e, timeout);
        }
        continue;
      }
      ms += networkMs + visitMs;
      ttft += networkMs + visitTtftMs;
      if (this.tracing) this.record(p.componentCount + e, networkMs);
      if (this.ok) {
        out[MS] = ms;
        out[TTFT] = ttft;
        return;
      }
    }
    out[MS] = ms;
    out[TTFT] = ttft;
    this.ok = false;
  }
}
