import type { Journey } from '../../../../shared/model/document.ts';
import {
  availabilityFromPercent,
  availabilityToPercent,
  journeyFieldProblems,
} from '../../../../shared/model/journey-commands.ts';
import type { JourneyFieldProblems, JourneyFields } from '../../../../shared/model/journey-commands.ts';
import { parseNumber } from '../parseNumber.ts';

/** The journey form as typed: every field text, availability as a percentage. */
export interface JourneyForm {
  readonly name: string;
  readonly tier: '1' | '2' | '3';
  readonly avgRps: string;
  readonly peakRps: string;
  readonly p95SloMs: string;
  readonly p99SloMs: string;
  readonly availabilityPercent: string;
}

export type JourneyFormProblems = Partial<Record<keyof JourneyForm, string>>;

const num = (value: number | null) => (value === null ? '' : String(value));

/** The form of an existing journey, or of a new one named `name` (no traffic, no objectives yet). */
export function journeyForm(journey: Journey | null, name = ''): JourneyForm {
  if (!journey) {
    return {
      name,
      tier: '2',
      avgRps: '0',
      peakRps: '0',
      p95SloMs: '',
      p99SloMs: '',
      availabilityPercent: '',
    };
  }
  return {
    name: journey.name,
    tier: String(journey.tier) as JourneyForm['tier'],
    avgRps: num(journey.avgRps),
    peakRps: num(journey.peakRps),
    p95SloMs: num(journey.p95SloMs),
    p99SloMs: num(journey.p99SloMs),
    availabilityPercent:
      journey.availabilitySlo === null ? '' : String(availabilityToPercent(journey.availabilitySlo)),
  };
}

/**
 * Reads the form: the journey fields, or what is wrong per field. Empty objectives mean none; traffic must
 * be given; an availability is a percentage strictly between 0 and 100.
 */
export function readJourneyForm(
  form: JourneyForm,
): { readonly fields: JourneyFields } | { readonly problems: JourneyFormProblems } {
  const problems: JourneyFormProblems = {};
  const required = (key: 'avgRps' | 'peakRps', what: string): number => {
    const value = parseNumber(form[key]);
    if (value === null) problems[key] = `${what} is a number of requests per second, e.g. 50.`;
    return value ?? 0;
  };
  const optional = (key: 'p95SloMs' | 'p99SloMs' | 'availabilityPercent', what: string): number | null => {
    if (form[key].trim() === '') return null;
    const value = parseNumber(form[key]);
    if (value === null) problems[key] = `${what}; leave it empty for none.`;
    return value;
  };
  const avgRps = required('avgRps', 'Average traffic');
  const peakRps = required('peakRps', 'Peak traffic');
  const p95SloMs = optional('p95SloMs', 'The p95 objective is a number of milliseconds, e.g. 150');
  const p99SloMs = optional('p99SloMs', 'The p99 objective is a number of milliseconds, e.g. 300');
  const percent = optional('availabilityPercent', 'Availability is a percentage, e.g. 99.9');
  let availabilitySlo: number | null = null;
  if (percent !== null) {
    if (percent <= 0 || percent >= 100) {
      problems.availabilityPercent =
        'Availability is a percentage between 0 and 100, both excluded (e.g. 99.9).';
    } else {
      availabilitySlo = availabilityFromPercent(percent);
    }
  }
  const fields: JourneyFields = {
    name: form.name,
    tier: Number(form.tier) as 1 | 2 | 3,
    avgRps,
    peakRps,
    p95SloMs,
    p99SloMs,
    availabilitySlo,
  };
  const modelProblems: JourneyFieldProblems = journeyFieldProblems(fields);
  for (const [key, message] of Object.entries(modelProblems) as [keyof JourneyFields, string][]) {
    const formKey: keyof JourneyForm = key === 'availabilitySlo' ? 'availabilityPercent' : key;
    problems[formKey] ??= message;
  }
  return Object.keys(problems).length > 0 ? { problems } : { fields };
}
