import { describe, expect, it } from 'vitest';
import type { JourneyAvailability } from '../../../shared/analysis/availability/index.ts';
import type { ScenarioCost } from '../../../shared/analysis/cost/index.ts';
import type { JourneyLatency } from '../../../shared/analysis/latency/index.ts';
import type { AnalysisMessage } from '../api/analysisProtocol.ts';
import { emptyAnalysis, isUpdating, latencyUpdating, reduceAnalysis } from './analysis.ts';
import type { AnalysisData } from './analysis.ts';

const cost = (monthlyUsd: number) => ({ monthlyUsd }) as ScenarioCost;
const availability = (value: number) => ({ value }) as JourneyAvailability;
const latency = (p95Ms: number, complete: boolean) =>
  ({ journeyId: 'j1', p95Ms, complete }) as JourneyLatency;

function scenario(revision: number, monthlyUsd: number, journeyIds = ['j1']): AnalysisMessage {
  return {
    type: 'scenario',
    revision,
    scenarioId: 's1',
    cost: cost(monthlyUsd),
    journeys: journeyIds.map((id) => ({ journeyId: id, name: id, availability: availability(0.999) })),
  };
}

function latencyMessage(revision: number, p95Ms: number, complete: boolean): AnalysisMessage {
  return { type: 'latency', revision, scenarioId: 's1', latency: latency(p95Ms, complete) };
}

const run = (messages: AnalysisMessage[], from: AnalysisData = emptyAnalysis) =>
  messages.reduce(reduceAnalysis, from);

describe('reduceAnalysis', () => {
  it('keeps the latency of the older revision until the new run sends its own', () => {
    const first = run([scenario(1, 100), latencyMessage(1, 80, true)]);
    const second = run([scenario(2, 120)], first);
    const journey = second.byScenario.s1?.journeys[0];
    expect(second.byScenario.s1?.cost.monthlyUsd).toBe(120);
    expect(journey?.latency?.p95Ms).toBe(80);
    expect(journey?.latencyRevision).toBe(1);
    const third = run([latencyMessage(2, 95, false)], second);
    expect(third.byScenario.s1?.journeys[0]?.latency?.p95Ms).toBe(95);
    expect(third.byScenario.s1?.journeys[0]?.latencyRevision).toBe(2);
  });

  it('drops results of a revision older than the one held', () => {
    const state = run([scenario(3, 300), scenario(2, 200), latencyMessage(2, 50, true)]);
    expect(state.byScenario.s1?.revision).toBe(3);
    expect(state.byScenario.s1?.cost.monthlyUsd).toBe(300);
    expect(state.byScenario.s1?.journeys[0]?.latency).toBeNull();
  });

  it('forgets journeys that are gone and starts new ones without latency', () => {
    const state = run([scenario(1, 1, ['j1']), latencyMessage(1, 10, true), scenario(2, 1, ['j2'])]);
    expect(state.byScenario.s1?.journeys.map((j) => [j.journeyId, j.latency])).toEqual([['j2', null]]);
  });

  it('clears a failure once a later revision succeeds', () => {
    const failed = run([{ type: 'failed', revision: 1, scenarioId: 's1', message: 'boom' }]);
    expect(failed.failure?.message).toBe('boom');
    expect(run([scenario(2, 1)], failed).failure).toBeNull();
  });
});

describe('updating marks', () => {
  it('marks numbers of an older revision and quick passes as updating', () => {
    const state = run([scenario(1, 1), latencyMessage(1, 10, false)]);
    const s = state.byScenario.s1;
    const j = s?.journeys[0];
    if (!s || !j) throw new Error('no result');
    expect(isUpdating(s.revision, 1)).toBe(false);
    expect(isUpdating(s.revision, 2)).toBe(true);
    expect(isUpdating(undefined, 0)).toBe(true);
    expect(latencyUpdating(j, s, 1)).toBe(true); // quick pass
    const done = run([latencyMessage(1, 12, true)], state).byScenario.s1;
    const doneJourney = done?.journeys[0];
    if (!done || !doneJourney) throw new Error('no result');
    expect(latencyUpdating(doneJourney, done, 1)).toBe(false);
    expect(latencyUpdating(doneJourney, done, 2)).toBe(true);
  });
});
