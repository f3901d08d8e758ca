import { create } from 'zustand';
import type { AttrGroup } from '../../../../shared/model/catalog/types.ts';
import { DEFAULT_OPEN_GROUPS, GROUP_ORDER } from './attributeGroups.ts';

/** Sections the user opened (true) or closed (false); groups not listed keep their default. */
export type SectionPrefs = Readonly<Partial<Record<AttrGroup, boolean>>>;

const STORAGE_KEY = 'mlarch.inspector.sections';

/** Reads stored choices, ignoring anything malformed (an older app, a hand edit). */
export function parseSectionPrefs(raw: string | null): SectionPrefs {
  let value: unknown;
  try {
    value = raw ? JSON.parse(raw) : null;
  } catch {
    return {};
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const prefs: Partial<Record<AttrGroup, boolean>> = {};
  for (const [group, open] of Object.entries(value as Record<string, unknown>)) {
    const known = GROUP_ORDER.find((g) => g === group);
    if (known && typeof open === 'boolean') prefs[known] = open;
  }
  return prefs;
}

export function isSectionOpen(prefs: SectionPrefs, group: AttrGroup): boolean {
  return prefs[group] ?? DEFAULT_OPEN_GROUPS.has(group);
}

function load(): SectionPrefs {
  try {
    return parseSectionPrefs(localStorage.getItem(STORAGE_KEY));
  } catch {
    return {};
  }
}

function save(prefs: SectionPrefs): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(prefs));
  } catch {
    // Storage can be full or disabled: sections still open and close, they just start as before next time.
  }
}

interface SectionPrefsState {
  readonly prefs: SectionPrefs;
  toggle(group: AttrGroup): void;
}

/** Which inspector sections are open: a preference of this machine, the same for every element. */
export const useSectionPrefs = create<SectionPrefsState>()((set, get) => ({
  prefs: load(),
  toggle: (group) => {
    const prefs = { ...get().prefs, [group]: !isSectionOpen(get().prefs, group) };
    set({ prefs });
    save(prefs);
  },
}));
