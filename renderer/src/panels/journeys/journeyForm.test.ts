import { describe, expect, it } from 'vitest';
import { createJourney } from '../../../../shared/model/factory.ts';
import { journeyForm, readJourneyForm } from './journeyForm.ts';

const typed = {
  name: 'Checkout',
  tier: '1',
  avgRps: '50',
  peakRps: '120',
  p95SloMs: '150',
  p99SloMs: '',
  availabilityPercent: '99.9',
} as const;

describe('journey form', () => {
  it('reads typed text into fields: the percentage as a fraction, an empty objective as none', () => {
    expect(readJourneyForm(typed)).toEqual({
      fields: {
        name: 'Checkout',
        tier: 1,
        avgRps: 50,
        peakRps: 120,
        p95SloMs: 150,
        p99SloMs: null,
        availabilitySlo: 0.999,
      },
    });
  });

  it('names every field that is wrong, with what to type instead', () => {
    const read = readJourneyForm({
      ...typed,
      avgRps: '',
      peakRps: 'lots',
      p95SloMs: '-3',
      availabilityPercent: '100',
    });
    expect(read).toEqual({
      problems: {
        avgRps: 'Average traffic is a number of requests per second, e.g. 50.',
        peakRps: 'Peak traffic is a number of requests per second, e.g. 50.',
        p95SloMs: 'A latency objective is a positive number of milliseconds; leave it empty for none.',
        availabilityPercent: 'Availability is a percentage between 0 and 100, both excluded (e.g. 99.9).',
      },
    });
    expect(readJourneyForm({ ...typed, peakRps: '20' })).toEqual({
      problems: { peakRps: 'Peak traffic cannot be below the average (50 rps).' },
    });
    expect(readJourneyForm({ ...typed, availabilityPercent: '0' })).toMatchObject({
      problems: { availabilityPercent: expect.stringMatching(/between 0 and 100/) },
    });
  });

  it('shows a stored journey as the user typed it: 0.9995 as 99.95', () => {
    const journey = createJourney({
      scenarioId: 's_1',
      name: 'Search',
      entryId: 'c_1',
      tier: 3,
      avgRps: 10,
      peakRps: 25,
      p95SloMs: 200,
      availabilitySlo: 0.9995,
    });
    expect(journeyForm(journey)).toEqual({
      name: 'Search',
      tier: '3',
      avgRps: '10',
      peakRps: '25',
      p95SloMs: '200',
      p99SloMs: '',
      availabilityPercent: '99.95',
    });
  });
});
