import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { getKindSpec } from '../../../../shared/model/catalog/index.ts';
import { entryCandidates, uniqueJourneyName } from '../../../../shared/model/journey-commands.ts';
import { createJourney, updateJourney } from '../../store/designCommands.ts';
import { showDesignDialog } from '../../store/designDialogs.ts';
import { editorStore } from '../../store/index.ts';
import { FormField } from '../FormField.tsx';
import { Modal } from '../Modal.tsx';
import { journeyForm, readJourneyForm } from './journeyForm.ts';
import type { JourneyForm, JourneyFormProblems } from './journeyForm.ts';

interface JourneyDialogProps {
  /** The journey being edited; null for a new one. */
  readonly journeyId: string | null;
  /** The entry picked beforehand ("New journey from here"); null lets the user pick. */
  readonly entryId: string | null;
}

/** Creates or edits a journey: entry, name, tier, traffic and objectives. Saving is one undo step. */
export function JourneyDialog({ journeyId, entryId }: JourneyDialogProps) {
  // Read once: the dialog edits a copy, and the design may change under it only through this dialog.
  const initial = useMemo(() => {
    const { design, scenarioId } = editorStore.getState();
    const journey = design?.journeys.find((j) => j.id === journeyId) ?? null;
    const candidates = design && scenarioId ? entryCandidates(design, scenarioId) : [];
    const entry = journey?.entryId ?? entryId ?? candidates[0]?.id ?? '';
    const entryName = candidates.find((c) => c.id === entry)?.name ?? '';
    const name =
      design && scenarioId && !journey
        ? uniqueJourneyName(design, scenarioId, entryName ? `From ${entryName}` : 'Journey')
        : '';
    return { journey, candidates, entry, form: journeyForm(journey, name) };
  }, [journeyId, entryId]);
  const [form, setForm] = useState<JourneyForm>(initial.form);
  const [entry, setEntry] = useState(initial.entry);
  const [problems, setProblems] = useState<JourneyFormProblems>({});
  const close = () => showDesignDialog(null);
  const editing = initial.journey !== null;
  const set = (key: keyof JourneyForm) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const read = readJourneyForm(form);
    if ('problems' in read) {
      setProblems(read.problems);
      return;
    }
    setProblems({});
    const done = initial.journey
      ? updateJourney(initial.journey.id, read.fields)
      : createJourney(entry, read.fields);
    if (done) close();
  };

  const text = (key: Exclude<keyof JourneyForm, 'tier'>, label: string, hint?: string, autofocus = false) => (
    <FormField label={label} {...(hint ? { hint } : {})} error={problems[key]}>
      <input
        value={form[key]}
        inputMode={key === 'name' ? 'text' : 'decimal'}
        onChange={(e) => set(key)(e.target.value)}
        {...(autofocus ? { 'data-autofocus': true } : {})}
      />
    </FormField>
  );

  return (
    <Modal title={editing ? `Edit journey ${initial.journey?.name ?? ''}` : 'New journey'} onClose={close}>
      <form className="form journey-form" onSubmit={submit} noValidate>
        {!editing && (
          <FormField label="Entry component">
            <select
              value={entry}
              onChange={(e) => setEntry(e.target.value)}
              {...(entryId === null ? { 'data-autofocus': true } : {})}
            >
              {initial.candidates.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({getKindSpec(c.kind).label})
                </option>
              ))}
            </select>
          </FormField>
        )}
        {initial.candidates.length === 0 && !editing && (
          <p className="field-error">
            This scenario has no component a journey can start at: add a client app or an API gateway first.
          </p>
        )}
        {text('name', 'Journey name', undefined, editing || entryId !== null)}
        <FormField label="Tier" hint="1 most critical">
          <select value={form.tier} onChange={(e) => set('tier')(e.target.value)}>
            <option value="1">Tier 1</option>
            <option value="2">Tier 2</option>
            <option value="3">Tier 3</option>
          </select>
        </FormField>
        <div className="form-row">
          {text('avgRps', 'Average traffic', 'rps')}
          {text('peakRps', 'Peak traffic', 'rps')}
        </div>
        <div className="form-row">
          {text('p95SloMs', 'p95 latency SLO', 'ms')}
          {text('p99SloMs', 'p99 latency SLO', 'ms')}
        </div>
        {text('availabilityPercent', 'Availability SLO', '%, e.g. 99.9')}
        <p className="muted small">Leave an objective empty when the journey has none yet.</p>
        <div className="form-actions">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!editing && entry === ''}>
            {editing ? 'Save journey' : 'Create journey'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
