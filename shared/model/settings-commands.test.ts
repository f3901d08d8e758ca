import { describe, expect, it } from 'vitest';
import { applyOperations } from './apply.ts';
import type { Settings } from './document.ts';
import { OperationError } from './operations.ts';
import { sameSettings, updateSettingsOps } from './settings-commands.ts';
import { fixture } from './testing/small-design.ts';

function edited(settings: Settings): Settings {
  return {
    ...settings,
    budget: { monthlyUsd: 4000, per1kInferencesUsd: 0.03 },
    policy: {
      allowedRegions: { pii: ['eu-west-1', 'eu-central-1'] },
      maxRetentionDays: { pii: 30, phi: 7 },
      eeaRegions: ['eu-west-1', 'eu-central-1'],
    },
    aiProfile: { riskTier: 'high', intendedPurpose: 'Credit scoring of applicants', dpiaDone: false },
  };
}

describe('updateSettingsOps', () => {
  it('saves a confirmed change as one meta.update that undoes to the settings before', () => {
    const { design } = fixture();
    const next = edited(design.meta.settings);
    const ops = updateSettingsOps(design, next);
    expect(ops).toEqual([{ type: 'meta.update', changes: { settings: next } }]);
    const { design: after, inverse } = applyOperations(design, ops);
    expect(after.meta.settings.budget.monthlyUsd).toBe(4000);
    expect(after.meta.settings.policy.maxRetentionDays).toEqual({ pii: 30, phi: 7 });
    // The comparison weights, edited elsewhere, are kept as they were.
    expect(after.meta.settings.comparison).toEqual(design.meta.settings.comparison);
    expect(applyOperations(after, inverse).design).toEqual(design);
  });

  it('is no edit when nothing changed, whatever the key order of the records', () => {
    const { design } = fixture();
    const withPolicy = applyOperations(
      design,
      updateSettingsOps(design, edited(design.meta.settings)),
    ).design;
    const settings = withPolicy.meta.settings;
    const reordered: Settings = {
      ...settings,
      policy: { ...settings.policy, maxRetentionDays: { phi: 7, pii: 30 } },
    };
    expect(sameSettings(settings, reordered)).toBe(true);
    expect(updateSettingsOps(withPolicy, reordered)).toEqual([]);
  });

  it('refuses values the schema does not take, naming the field', () => {
    const { design } = fixture();
    const settings = design.meta.settings;
    expect(() =>
      updateSettingsOps(design, { ...settings, budget: { monthlyUsd: -1, per1kInferencesUsd: null } }),
    ).toThrow(OperationError);
    expect(() =>
      updateSettingsOps(design, { ...settings, budget: { monthlyUsd: -1, per1kInferencesUsd: null } }),
    ).toThrow(/budget\.monthlyUsd/);
    expect(() =>
      updateSettingsOps(design, {
        ...settings,
        policy: { ...settings.policy, maxRetentionDays: { pii: 1.5 } },
      }),
    ).toThrow(/policy\.maxRetentionDays\.pii/);
  });
});
