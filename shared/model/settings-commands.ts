import type { Design, Settings } from './document.ts';
import { settingsSchema } from './document.ts';
import { formatPath } from './integrity.ts';
import type { Operation } from './operations.ts';
import { OperationError } from './operations.ts';

/*
 * Design settings (budget, data-residency policy, AI-system profile, comparison weights) as one edit: the
 * dialog's confirmed change becomes one meta.update carrying the whole settings object, so undo restores
 * exactly what was there before.
 */

/** Same settings, compared by value (key order of the records does not matter). */
export function sameSettings(a: Settings, b: Settings): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : 1)))
      : v,
  );
}

/**
 * The one meta.update that gives the design `settings`; none when they equal the current ones. Throws
 * OperationError naming the first field the schema refuses (a negative budget, a fractional retention).
 */
export function updateSettingsOps(design: Design, settings: Settings): Operation[] {
  const parsed = settingsSchema.safeParse(settings);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? formatPath(issue.path) : 'settings';
    throw new OperationError(
      `The design settings cannot be saved: ${where}: ${issue?.message ?? 'invalid'}.`,
      0,
    );
  }
  if (sameSettings(design.meta.settings, parsed.data)) return [];
  return [{ type: 'meta.update', changes: { settings: parsed.data } }];
}
