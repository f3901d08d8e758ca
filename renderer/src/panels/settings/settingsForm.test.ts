import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../../shared/model/document.ts';
import { readSettingsForm, settingsForm, splitList } from './settingsForm.ts';

describe('settings form', () => {
  it('reads budget, policy and AI profile, keeping the comparison weights it does not show', () => {
    const base = defaultSettings();
    const form = settingsForm(base);
    const read = readSettingsForm(
      {
        ...form,
        monthlyUsd: '4 000',
        per1kInferencesUsd: '0,03',
        allowedRegions: { ...form.allowedRegions, pii: 'eu-west-1, eu-central-1,, eu-west-1' },
        maxRetentionDays: { ...form.maxRetentionDays, pii: '30', phi: '0' },
        eeaRegions: 'eu-west-1\neu-central-1',
        riskTier: 'high',
        intendedPurpose: 'Credit scoring',
        dpiaDone: 'no',
      },
      base,
    );
    expect(read).toEqual({
      settings: {
        budget: { monthlyUsd: 4000, per1kInferencesUsd: 0.03 },
        policy: {
          allowedRegions: { pii: ['eu-west-1', 'eu-central-1'] },
          maxRetentionDays: { pii: 30, phi: 0 },
          eeaRegions: ['eu-west-1', 'eu-central-1'],
        },
        comparison: base.comparison,
        aiProfile: { riskTier: 'high', intendedPurpose: 'Credit scoring', dpiaDone: false },
      },
    });
  });

  it('round-trips: the form of saved settings reads back to the same settings', () => {
    const base = defaultSettings();
    const saved = {
      ...base,
      budget: { monthlyUsd: 1500, per1kInferencesUsd: null },
      policy: { allowedRegions: { phi: ['us-east-1'] }, maxRetentionDays: { pci: 90 }, eeaRegions: [] },
      aiProfile: { riskTier: 'limited' as const, intendedPurpose: '', dpiaDone: true },
    };
    expect(readSettingsForm(settingsForm(saved), base)).toEqual({ settings: saved });
  });

  it('names each field that is wrong', () => {
    const form = settingsForm(defaultSettings());
    expect(
      readSettingsForm(
        { ...form, monthlyUsd: '-5', maxRetentionDays: { ...form.maxRetentionDays, pii: '2.5' } },
        defaultSettings(),
      ),
    ).toEqual({
      problems: {
        monthlyUsd: 'The monthly budget is an amount in US dollars, 0 or more; leave it empty for no budget.',
        'retention.pii':
          'Retention for pii is a whole number of days, 0 or more; leave it empty for no limit.',
      },
    });
  });

  it('splits lists on commas and lines', () => {
    expect(splitList(' a, b\nc ,, a ')).toEqual(['a', 'b', 'c']);
    expect(splitList('   ')).toEqual([]);
  });
});
