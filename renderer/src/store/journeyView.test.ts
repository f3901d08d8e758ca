import { beforeEach, describe, expect, it } from 'vitest';
import { applyOperations } from '../../../shared/model/apply.ts';
import { createJourney, createScenario } from '../../../shared/model/factory.ts';
import { fixture } from '../../../shared/model/testing/small-design.ts';
import { selectedJourney, useJourneyView } from './journeyView.ts';

function twoScenarios() {
  const base = fixture();
  const other = createScenario({ name: 'Other' });
  const design = applyOperations(base.design, [{ type: 'scenario.add', scenario: other }]).design;
  return { ...base, design, other };
}

describe('the journey shown on the canvas', () => {
  beforeEach(() => useJourneyView.setState({ docId: null, byScenario: {}, routeEditing: false }));

  it('is kept per scenario of the open document', () => {
    const { design, scenarioId, other, journey } = twoScenarios();
    const view = useJourneyView.getState();
    view.selectJourney('doc1', scenarioId, journey.id);
    expect(selectedJourney(design, 'doc1', scenarioId, useJourneyView.getState())).toBe(design.journeys[0]);
    expect(selectedJourney(design, 'doc1', other.id, useJourneyView.getState())).toBeNull();
    // Another document sees none of this one's choices.
    expect(selectedJourney(design, 'doc2', scenarioId, useJourneyView.getState())).toBeNull();
    view.selectJourney('doc1', scenarioId, null);
    expect(selectedJourney(design, 'doc1', scenarioId, useJourneyView.getState())).toBeNull();
  });

  it('is none once the journey is gone (an undo of its creation)', () => {
    const { design, scenarioId, client } = twoScenarios();
    const extra = createJourney({ scenarioId, name: 'Search', entryId: client.id });
    const withExtra = applyOperations(design, [{ type: 'journey.add', journey: extra }]).design;
    useJourneyView.getState().selectJourney('doc1', scenarioId, extra.id);
    expect(selectedJourney(withExtra, 'doc1', scenarioId, useJourneyView.getState())?.name).toBe('Search');
    expect(selectedJourney(design, 'doc1', scenarioId, useJourneyView.getState())).toBeNull();
  });

  it('ends route editing when another journey (or none) is chosen', () => {
    const { scenarioId, journey } = twoScenarios();
    useJourneyView.getState().selectJourney('doc1', scenarioId, journey.id);
    useJourneyView.getState().setRouteEditing(true);
    useJourneyView.getState().selectJourney('doc1', scenarioId, null);
    expect(useJourneyView.getState().routeEditing).toBe(false);
  });
});
