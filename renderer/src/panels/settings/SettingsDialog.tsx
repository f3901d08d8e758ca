import { useState } from 'react';
import type { FormEvent } from 'react';
import { DATA_CLASSES } from '../../../../shared/model/catalog/types.ts';
import type { DataClass } from '../../../../shared/model/catalog/types.ts';
import { saveSettings } from '../../store/designCommands.ts';
import { showDesignDialog } from '../../store/designDialogs.ts';
import { editorStore } from '../../store/index.ts';
import { FormField } from '../FormField.tsx';
import { Modal } from '../Modal.tsx';
import { readSettingsForm, settingsForm } from './settingsForm.ts';
import type { SettingsForm, SettingsFormProblems } from './settingsForm.ts';

const RISK_TIERS = [
  ['unknown', 'Not assessed yet'],
  ['minimal', 'Minimal risk'],
  ['limited', 'Limited risk (transparency duties)'],
  ['high', 'High risk (Annex III)'],
  ['prohibited', 'Prohibited practice (Art. 5)'],
] as const;

/**
 * Budget, data-residency policy and AI-system profile of the design. Save writes them as one edit (one
 * undo step); Cancel or Escape leaves them as they were.
 */
export function SettingsDialog() {
  const [form, setForm] = useState<SettingsForm>(() => {
    const settings = editorStore.getState().design?.meta.settings;
    if (!settings) throw new Error('The design settings dialog needs an open design.');
    return settingsForm(settings);
  });
  const [problems, setProblems] = useState<SettingsFormProblems>({});
  const close = () => showDesignDialog(null);
  const perClass = (field: 'allowedRegions' | 'maxRetentionDays', c: DataClass, value: string) =>
    setForm((f) => ({ ...f, [field]: { ...f[field], [c]: value } }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const base = editorStore.getState().design?.meta.settings;
    if (!base) return;
    const read = readSettingsForm(form, base);
    if ('problems' in read) {
      setProblems(read.problems);
      return;
    }
    if (saveSettings(read.settings)) close();
  };

  return (
    <Modal title="Design settings" onClose={close}>
      <form className="form settings-form" onSubmit={submit} noValidate>
        <fieldset>
          <legend>Budget</legend>
          <p className="muted small">Leave a budget empty when there is none.</p>
          <div className="form-row">
            <FormField label="Monthly budget" hint="USD" error={problems.monthlyUsd}>
              <input
                inputMode="decimal"
                data-autofocus
                value={form.monthlyUsd}
                onChange={(e) => setForm((f) => ({ ...f, monthlyUsd: e.target.value }))}
              />
            </FormField>
            <FormField label="Budget per 1,000 inferences" hint="USD" error={problems.per1kInferencesUsd}>
              <input
                inputMode="decimal"
                value={form.per1kInferencesUsd}
                onChange={(e) => setForm((f) => ({ ...f, per1kInferencesUsd: e.target.value }))}
              />
            </FormField>
          </div>
        </fieldset>
        <fieldset>
          <legend>Data residency</legend>
          <p className="muted small">
            Regions as a comma-separated list (e.g. eu-west-1, eu-central-1). An empty region list leaves the
            data class unrestricted; an empty retention sets no limit.
          </p>
          <table className="policy-table">
            <thead>
              <tr>
                <th scope="col">Data class</th>
                <th scope="col">Allowed regions</th>
                <th scope="col">Max retention (days)</th>
              </tr>
            </thead>
            <tbody>
              {DATA_CLASSES.map((c) => (
                <tr key={c}>
                  <th scope="row">{c}</th>
                  <td>
                    <input
                      aria-label={`Allowed regions for ${c} data`}
                      value={form.allowedRegions[c]}
                      onChange={(e) => perClass('allowedRegions', c, e.target.value)}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={`Max retention days for ${c} data`}
                      inputMode="numeric"
                      aria-invalid={problems[`retention.${c}`] !== undefined}
                      value={form.maxRetentionDays[c]}
                      onChange={(e) => perClass('maxRetentionDays', c, e.target.value)}
                    />
                    {problems[`retention.${c}`] && (
                      <p className="field-error">{problems[`retention.${c}`]}</p>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <FormField label="EEA regions" hint="comma-separated">
            <input
              value={form.eeaRegions}
              onChange={(e) => setForm((f) => ({ ...f, eeaRegions: e.target.value }))}
            />
          </FormField>
        </fieldset>
        <fieldset>
          <legend>AI system profile</legend>
          <FormField label="EU AI Act risk tier">
            <select
              value={form.riskTier}
              onChange={(e) =>
                setForm((f) => ({ ...f, riskTier: e.target.value as SettingsForm['riskTier'] }))
              }
            >
              {RISK_TIERS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label="Intended purpose">
            <textarea
              rows={3}
              maxLength={20000}
              value={form.intendedPurpose}
              onChange={(e) => setForm((f) => ({ ...f, intendedPurpose: e.target.value }))}
            />
          </FormField>
          <FormField label="DPIA done">
            <select
              value={form.dpiaDone}
              onChange={(e) =>
                setForm((f) => ({ ...f, dpiaDone: e.target.value as SettingsForm['dpiaDone'] }))
              }
            >
              <option value="unknown">Unknown</option>
              <option value="yes">Yes</option>
              <option value="no">No</option>
            </select>
          </FormField>
        </fieldset>
        <div className="form-actions">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Save settings
          </button>
        </div>
      </form>
    </Modal>
  );
}
