import { DATA_CLASSES } from '../../../../shared/model/catalog/types.ts';
import type { DataClass } from '../../../../shared/model/catalog/types.ts';
import type { Settings } from '../../../../shared/model/document.ts';
import { parseNumber } from '../parseNumber.ts';

/** The design settings dialog as typed: numbers and region lists as text. */
export interface SettingsForm {
  readonly monthlyUsd: string;
  readonly per1kInferencesUsd: string;
  /** Comma-separated regions per data class; empty means unrestricted. */
  readonly allowedRegions: Readonly<Record<DataClass, string>>;
  /** Days per data class; empty means no limit. */
  readonly maxRetentionDays: Readonly<Record<DataClass, string>>;
  readonly eeaRegions: string;
  readonly riskTier: Settings['aiProfile']['riskTier'];
  readonly intendedPurpose: string;
  readonly dpiaDone: 'yes' | 'no' | 'unknown';
}

/** Problems by field: 'monthlyUsd', 'per1kInferencesUsd', 'retention.pii', … */
export type SettingsFormProblems = Readonly<Record<string, string>>;

function perClass(read: (c: DataClass) => string): Record<DataClass, string> {
  return Object.fromEntries(DATA_CLASSES.map((c) => [c, read(c)])) as Record<DataClass, string>;
}

/** A list as one line of text: "eu-west-1, eu-central-1". */
function joinList(list: readonly string[] | undefined): string {
  return (list ?? []).join(', ');
}

/** The regions in a comma- or line-separated list, trimmed, duplicates and blanks left out. */
export function splitList(text: string): string[] {
  return [...new Set(text.split(/[,\n]/).map((s) => s.trim()))].filter((s) => s !== '');
}

/** The form showing `settings`. */
export function settingsForm(settings: Settings): SettingsForm {
  const { budget, policy, aiProfile } = settings;
  return {
    monthlyUsd: budget.monthlyUsd === null ? '' : String(budget.monthlyUsd),
    per1kInferencesUsd: budget.per1kInferencesUsd === null ? '' : String(budget.per1kInferencesUsd),
    allowedRegions: perClass((c) => joinList(policy.allowedRegions[c])),
    maxRetentionDays: perClass((c) => {
      const days = policy.maxRetentionDays[c];
      return days === undefined ? '' : String(days);
    }),
    eeaRegions: joinList(policy.eeaRegions),
    riskTier: aiProfile.riskTier,
    intendedPurpose: aiProfile.intendedPurpose,
    dpiaDone: aiProfile.dpiaDone === null ? 'unknown' : aiProfile.dpiaDone ? 'yes' : 'no',
  };
}

/**
 * Reads the form over `base` (what it does not show, such as the comparison weights, is kept): the new
 * settings, or what is wrong per field in words a user can act on.
 */
export function readSettingsForm(
  form: SettingsForm,
  base: Settings,
): { readonly settings: Settings } | { readonly problems: SettingsFormProblems } {
  const problems: Record<string, string> = {};
  const money = (key: 'monthlyUsd' | 'per1kInferencesUsd', what: string): number | null => {
    if (form[key].trim() === '') return null;
    const value = parseNumber(form[key]);
    if (value === null || value < 0) {
      problems[key] = `${what} is an amount in US dollars, 0 or more; leave it empty for no budget.`;
      return null;
    }
    return value;
  };
  const monthlyUsd = money('monthlyUsd', 'The monthly budget');
  const per1kInferencesUsd = money('per1kInferencesUsd', 'The budget per 1,000 inferences');
  const allowedRegions: Settings['policy']['allowedRegions'] = {};
  const maxRetentionDays: Settings['policy']['maxRetentionDays'] = {};
  for (const c of DATA_CLASSES) {
    const regions = splitList(form.allowedRegions[c]);
    if (regions.length > 0) allowedRegions[c] = regions;
    const text = form.maxRetentionDays[c].trim();
    if (text === '') continue;
    const days = parseNumber(text);
    if (days === null || days < 0 || !Number.isInteger(days)) {
      problems[`retention.${c}`] =
        `Retention for ${c} is a whole number of days, 0 or more; leave it empty for no limit.`;
    } else {
      maxRetentionDays[c] = days;
    }
  }
  if (Object.keys(problems).length > 0) return { problems };
  return {
    settings: {
      ...base,
      budget: { monthlyUsd, per1kInferencesUsd },
      policy: { allowedRegions, maxRetentionDays, eeaRegions: splitList(form.eeaRegions) },
      aiProfile: {
        riskTier: form.riskTier,
        intendedPurpose: form.intendedPurpose,
        dpiaDone: form.dpiaDone === 'unknown' ? null : form.dpiaDone === 'yes',
      },
    },
  };
}
