import { create } from 'zustand';

export const DOCK_TABS = ['components', 'connections', 'latency', 'cost', 'availability', 'compare'] as const;
export type DockTab = (typeof DOCK_TABS)[number];

/** The tabs that show analysis results (the canvas highlights what they talk about). */
export const ANALYSIS_TABS: ReadonlySet<DockTab> = new Set(['latency', 'cost', 'availability', 'compare']);

function isDockTab(value: unknown): value is DockTab {
  return (DOCK_TABS as readonly unknown[]).includes(value);
}

/** The bottom dock as the user left it: a UI preference of this machine, never part of a document. */
export interface DockPrefs {
  readonly open: boolean;
  /** Height of the dock in CSS pixels, tab bar included. */
  readonly heightPx: number;
  readonly tab: DockTab;
}

export const DOCK_MIN_HEIGHT_PX = 120;
export const DOCK_MAX_HEIGHT_PX = 900;
export const defaultDockPrefs: DockPrefs = { open: false, heightPx: 260, tab: 'components' };

const STORAGE_KEY = 'mlarch.dock';

export function clampDockHeight(heightPx: number): number {
  if (!Number.isFinite(heightPx)) return defaultDockPrefs.heightPx;
  return Math.round(Math.min(DOCK_MAX_HEIGHT_PX, Math.max(DOCK_MIN_HEIGHT_PX, heightPx)));
}

/** Reads stored preferences, keeping the default for anything missing or malformed (an older app, a hand edit). */
export function parseDockPrefs(raw: string | null): DockPrefs {
  let value: unknown;
  try {
    value = raw ? JSON.parse(raw) : null;
  } catch {
    return defaultDockPrefs;
  }
  if (typeof value !== 'object' || value === null) return defaultDockPrefs;
  const stored = value as Record<string, unknown>;
  return {
    open: typeof stored.open === 'boolean' ? stored.open : defaultDockPrefs.open,
    heightPx:
      typeof stored.heightPx === 'number' ? clampDockHeight(stored.heightPx) : defaultDockPrefs.heightPx,
    tab: isDockTab(stored.tab) ? stored.tab : defaultDockPrefs.tab,
  };
}

function load(): DockPrefs {
  try {
    return parseDockPrefs(localStorage.getItem(STORAGE_KEY));
  } catch {
    return defaultDockPrefs;
  }
}

function save(prefs: DockPrefs): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(prefs));
  } catch {
    // Storage can be full or disabled; the dock still works, it just opens as it did before next time.
  }
}

interface DockState extends DockPrefs {
  toggle(): void;
  setHeight(heightPx: number): void;
  showTab(tab: DockTab): void;
}

/** The dock's state, written to localStorage on every change so it survives reloads and restarts. */
export const useDock = create<DockState>()((set, get) => {
  const update = (changes: Partial<DockPrefs>) => {
    set(changes);
    const { open, heightPx, tab } = get();
    save({ open, heightPx, tab });
  };
  return {
    ...load(),
    toggle: () => update({ open: !get().open }),
    setHeight: (heightPx) => update({ heightPx: clampDockHeight(heightPx) }),
    showTab: (tab) => update({ tab, open: true }),
  };
});
